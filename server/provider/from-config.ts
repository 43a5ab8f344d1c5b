import type { Config } from '../config.js';
import type { Provider } from './types.js';
import { OfflineProvider } from './offline.js';
import { OpenAIProvider } from './openai/provider.js';

/** The provider the configuration asks for; the offline composer when no model is configured. */
export function providerFromConfig(config: Config): Provider {
  return config.llm ? new OpenAIProvider(config.llm) : new OfflineProvider();
}
