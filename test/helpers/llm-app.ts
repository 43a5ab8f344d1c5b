import type { LlmConfig } from '../../server/config.js';
import { OpenAIProvider } from '../../server/provider/openai/provider.js';
import { testApp } from './app.js';
import { startFakeOpenAI, type FakeOpenAI, type Script } from './fake-openai.js';

export function llmConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    baseURL,
    apiKey: undefined,
    models: { section: 'fake-section-model', paragraph: 'fake-paragraph-model', chat: 'fake-chat-model' },
    timeoutMs: 5_000,
    retries: 0,
    ...overrides,
  };
}

/** The real app with the real OpenAI provider, talking to a scripted server on 127.0.0.1. */
export async function llmApp(script: Script = [], overrides: Partial<LlmConfig> = {}) {
  const fake: FakeOpenAI = await startFakeOpenAI(script);
  const ctx = await testApp(new OpenAIProvider(llmConfig(fake.baseURL, overrides)));
  return {
    ...ctx,
    fake,
    async close() {
      await ctx.close();
      await fake.close();
    },
  };
}
