// npm run bench: figures for the LLM path against the scripted OpenAI-compatible server, at a set
// latency and token rate. Prints a table and writes bench/results/latest.json. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startFakeOpenAI, type Reply } from '../test/helpers/fake-openai.js';
import { answerByHeading, goodSectionJson } from '../test/helpers/model-answers.js';
import { rawBrief } from '../test/helpers/fixtures.js';
import { llmConfig } from '../test/helpers/llm-app.js';
import { testApp } from '../test/helpers/app.js';
import { readSse, serveApp } from '../test/helpers/serve.js';
import { OpenAIProvider } from '../server/provider/openai/provider.js';

const FIRST_CHUNK_MS = 300;
const TOKENS_PER_SECOND = 200;
const CHARS_PER_TOKEN = 4;
const pace = { chunkSize: CHARS_PER_TOKEN, delayMs: 1000 / TOKENS_PER_SECOND, firstChunkMs: FIRST_CHUNK_MS };

/** The seed Báo cáo with all six sections of the template, so four are drafted by the model. */
function sixSectionBrief() {
  const brief = rawBrief();
  brief.sections.splice(2, 0, {
    key: 'ton-tai',
    facts: ['dịch COVID-19 phức tạp nên một số hoạt động tuyên truyền phải tạm dừng', 'một số DN chưa quan tâm SX sạch hơn'],
  });
  brief.sections.splice(4, 0, {
    key: 'kien-nghi',
    facts: ['đề nghị Sở Công Thương tiếp tục hỗ trợ DN SX sạch hơn', 'đề nghị bố trí kinh phí tuyên truyền ctr hằng năm'],
  });
  return brief;
}

async function timeDocument(concurrency: number): Promise<{ ms: number; modelCalls: number }> {
  const brief = sixSectionBrief();
  const fake = await startFakeOpenAI((request) => ({ ...(answerByHeading(brief)(request) as Extract<Reply, { kind: 'stream' }>), ...pace }));
  const ctx = testApp(new OpenAIProvider(llmConfig(fake.baseURL, { timeoutMs: 60_000 })));
  (ctx.service as unknown as { concurrency: number }).concurrency = concurrency;
  try {
    const id = (await ctx.service.create(brief)).id;
    const started = performance.now();
    const outcomes = await ctx.service.draftAll(id);
    const ms = performance.now() - started;
    if (!outcomes.every((o) => o.ok)) throw new Error(`drafting failed: ${JSON.stringify(outcomes)}`);
    return { ms, modelCalls: fake.requests.length };
  } finally {
    ctx.close();
    await fake.close();
  }
}

/** Streams one long section through soanthao's SSE and straight from the model server; the difference per token is soanthao's overhead. */
async function streamOverhead(): Promise<{ tokens: number; directMs: number; throughMs: number; perTokenMs: number }> {
  const brief = rawBrief();
  const content = goodSectionJson(brief, 'ket-qua');
  const reply: Reply = { kind: 'stream', content, chunkSize: CHARS_PER_TOKEN, delayMs: 1 };
  const fake = await startFakeOpenAI([reply]);
  const ctx = testApp(new OpenAIProvider(llmConfig(fake.baseURL, { timeoutMs: 60_000 })));
  const server = await serveApp(ctx.app);
  try {
    const tokens = Math.ceil(content.length / CHARS_PER_TOKEN);
    let started = performance.now();
    const direct = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] }),
    });
    await direct.text();
    const directMs = performance.now() - started;
    const id = (await ctx.service.create(brief)).id;
    started = performance.now();
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
    for await (const event of readSse(res)) if (event.event === 'done') break;
    const throughMs = performance.now() - started;
    return { tokens, directMs, throughMs, perTokenMs: (throughMs - directMs) / tokens };
  } finally {
    await server.close();
    ctx.close();
    await fake.close();
  }
}

/** Tokens sent and received to regenerate one paragraph against regenerating its whole section. */
async function regenerationTokens(): Promise<{ paragraph: number; section: number; paragraphOut: number; sectionOut: number }> {
  const brief = rawBrief();
  const fake = await startFakeOpenAI([{ kind: 'stream', content: goodSectionJson(brief, 'ket-qua') }]);
  const ctx = testApp(new OpenAIProvider(llmConfig(fake.baseURL)));
  try {
    const id = (await ctx.service.create(brief)).id;
    await ctx.service.draftSection(id, 'ket-qua');
    const redrafted = await ctx.service.draftSection(id, 'ket-qua');
    if (!redrafted.ok) throw new Error('section redraft failed');
    const section = (await ctx.service.detail(id)).sections.find((s) => s.key === 'ket-qua')!;
    const paragraph = section.paragraphs[2]!;
    const sectionUsage = section.paragraphs[0]!.current.usage!;
    fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: paragraph.current.text }) }]);
    const revision = await ctx.service.redraftParagraph(id, paragraph.id, 'ngắn gọn hơn');
    return {
      paragraph: revision.usage!.promptTokens,
      section: sectionUsage.promptTokens,
      paragraphOut: revision.usage!.completionTokens,
      sectionOut: sectionUsage.completionTokens,
    };
  } finally {
    ctx.close();
    await fake.close();
  }
}

const sequential = await timeDocument(1);
const concurrent = await timeDocument(4);
const overhead = await streamOverhead();
const tokens = await regenerationTokens();

const results = {
  at: new Date().toISOString(),
  setting: { firstChunkMs: FIRST_CHUNK_MS, tokensPerSecond: TOKENS_PER_SECOND },
  document: {
    modelCalls: concurrent.modelCalls,
    sequentialMs: Math.round(sequential.ms),
    concurrentMs: Math.round(concurrent.ms),
    speedup: Number((sequential.ms / concurrent.ms).toFixed(2)),
  },
  streaming: { tokens: overhead.tokens, directMs: Math.round(overhead.directMs), throughMs: Math.round(overhead.throughMs), overheadPerTokenMs: Number(overhead.perTokenMs.toFixed(3)) },
  regeneration: {
    paragraphPromptTokens: tokens.paragraph,
    sectionPromptTokens: tokens.section,
    promptRatio: Number((tokens.paragraph / tokens.section).toFixed(2)),
    paragraphCompletionTokens: tokens.paragraphOut,
    sectionCompletionTokens: tokens.sectionOut,
  },
};

console.table({
  'document, one section at a time (ms)': results.document.sequentialMs,
  'document, sections concurrently (ms)': results.document.concurrentMs,
  'speed-up': results.document.speedup,
  'stream overhead per token (ms)': results.streaming.overheadPerTokenMs,
  'prompt tokens, paragraph regeneration': results.regeneration.paragraphPromptTokens,
  'prompt tokens, section regeneration': results.regeneration.sectionPromptTokens,
  'completion tokens, paragraph regeneration': results.regeneration.paragraphCompletionTokens,
  'completion tokens, section regeneration': results.regeneration.sectionCompletionTokens,
});
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('bench/results/latest.json written');
