// npm run bench: figures for the LLM path against the scripted OpenAI-compatible server, at a set
// latency and token rate, each beside its goal. Every figure is measured after a warm-up run, as the
// median of a few runs, and each ratio from measurements of the same run. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startFakeOpenAI, type Reply } from '../test/helpers/fake-openai.js';
import { answerByHeading, goodSectionJson } from '../test/helpers/model-answers.js';
import { rawBrief } from '../test/helpers/fixtures.js';
import { llmConfig } from '../test/helpers/llm-app.js';
import { testApp } from '../test/helpers/app.js';
import { readSse, serveApp } from '../test/helpers/serve.js';
import { OpenAIProvider } from '../server/provider/openai/provider.js';
import { LOCAL_SCOPE } from '../server/auth/scope.js';

const FIRST_CHUNK_MS = 300;
const TOKENS_PER_SECOND = 200;
const CHARS_PER_TOKEN = 4;
const RUNS = 3;
const pace = { chunkSize: CHARS_PER_TOKEN, delayMs: 1000 / TOKENS_PER_SECOND, firstChunkMs: FIRST_CHUNK_MS };

/** The seed Báo cáo with all six sections of the template: every one is written by the model. */
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a measurement once to warm up (JIT, sockets, SQLite), then RUNS times; the median of each figure. */
async function measured<T extends Record<string, number>>(run: () => Promise<T>): Promise<T> {
  await run();
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return Object.fromEntries(Object.keys(results[0]!).map((k) => [k, median(results.map((r) => r[k]!))])) as T;
}

/** The whole document drafted at once, and each of its sections drafted alone, in the same run. */
async function documentTimes(): Promise<{ documentMs: number; slowestSectionMs: number; modelCalls: number }> {
  const brief = sixSectionBrief();
  const fake = await startFakeOpenAI((request) => ({ ...(answerByHeading(brief)(request) as Extract<Reply, { kind: 'stream' }>), ...pace }));
  const ctx = await testApp(new OpenAIProvider(llmConfig(fake.baseURL, { timeoutMs: 60_000 })));
  try {
    const id = (await ctx.service.create(LOCAL_SCOPE, brief)).id;
    const sections = brief.sections.map((s: { key: string }) => s.key);
    let slowestSectionMs = 0;
    for (const key of sections) {
      const started = performance.now();
      const outcome = await ctx.service.draftSection(LOCAL_SCOPE, id, key);
      if (!outcome.ok) throw new Error(`section ${key} failed: ${outcome.error?.message}`);
      slowestSectionMs = Math.max(slowestSectionMs, performance.now() - started);
    }
    fake.requests.length = 0;
    const started = performance.now();
    const outcomes = await ctx.service.draftAll(LOCAL_SCOPE, id);
    const documentMs = performance.now() - started;
    if (!outcomes.every((o) => o.ok)) throw new Error(`drafting failed: ${JSON.stringify(outcomes)}`);
    return { documentMs, slowestSectionMs, modelCalls: fake.requests.length };
  } finally {
    await ctx.close();
    await fake.close();
  }
}

/** Streams one long section through soanthao's SSE and straight from the model server; the difference per token is soanthao's overhead. */
async function streamOverhead(): Promise<{ tokens: number; directMs: number; throughMs: number; perTokenMs: number }> {
  const brief = rawBrief();
  const content = goodSectionJson(brief, 'ket-qua');
  const reply: Reply = { kind: 'stream', content, chunkSize: CHARS_PER_TOKEN, delayMs: 1 };
  const fake = await startFakeOpenAI([reply]);
  const ctx = await testApp(new OpenAIProvider(llmConfig(fake.baseURL, { timeoutMs: 60_000 })));
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
    const id = (await ctx.service.create(LOCAL_SCOPE, brief)).id;
    started = performance.now();
    const res = await fetch(`${server.url}/api/drafts/${id}/sections/ket-qua/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
    for await (const event of readSse(res)) if (event.event === 'done') break;
    const throughMs = performance.now() - started;
    return { tokens, directMs, throughMs, perTokenMs: (throughMs - directMs) / tokens };
  } finally {
    await server.close();
    await ctx.close();
    await fake.close();
  }
}

/** Tokens (prompt and completion) to regenerate one paragraph, against regenerating its whole section. */
async function regenerationTokens(): Promise<{ paragraph: number; section: number }> {
  const brief = rawBrief();
  const fake = await startFakeOpenAI([{ kind: 'stream', content: goodSectionJson(brief, 'ket-qua') }]);
  const ctx = await testApp(new OpenAIProvider(llmConfig(fake.baseURL)));
  try {
    const id = (await ctx.service.create(LOCAL_SCOPE, brief)).id;
    await ctx.service.draftAll(LOCAL_SCOPE, id);
    fake.script([{ kind: 'stream', content: goodSectionJson(brief, 'ket-qua') }]);
    const redrafted = await ctx.service.draftSection(LOCAL_SCOPE, id, 'ket-qua');
    if (!redrafted.ok) throw new Error('section redraft failed');
    const section = (await ctx.service.detail(LOCAL_SCOPE, id)).sections.find((s) => s.key === 'ket-qua')!;
    const paragraph = section.paragraphs[Math.floor(section.paragraphs.length / 2)]!;
    const sectionUsage = section.paragraphs[0]!.current.usage!;
    fake.script([{ kind: 'stream', content: JSON.stringify({ paragraph: paragraph.current.text }) }]);
    const revision = await ctx.service.redraftParagraph(LOCAL_SCOPE, id, paragraph.id, 'ngắn gọn hơn');
    return {
      paragraph: revision.usage!.promptTokens + revision.usage!.completionTokens,
      section: sectionUsage.promptTokens + sectionUsage.completionTokens,
    };
  } finally {
    await ctx.close();
    await fake.close();
  }
}

const document = await measured(documentTimes);
const overhead = await measured(streamOverhead);
const tokens = await measured(regenerationTokens);

const figures = [
  { figure: 'whole document ÷ its slowest section', value: document.documentMs / document.slowestSectionMs, goal: 1.2, unit: '×' },
  { figure: 'stream overhead per token', value: overhead.perTokenMs, goal: 1, unit: 'ms' },
  { figure: 'paragraph ÷ section regeneration tokens', value: tokens.paragraph / tokens.section, goal: 0.35, unit: '' },
];

const results = {
  at: new Date().toISOString(),
  setting: { firstChunkMs: FIRST_CHUNK_MS, tokensPerSecond: TOKENS_PER_SECOND, runs: RUNS, warmUp: 1 },
  document: { modelCalls: document.modelCalls, documentMs: Math.round(document.documentMs), slowestSectionMs: Math.round(document.slowestSectionMs) },
  streaming: { tokens: overhead.tokens, directMs: Math.round(overhead.directMs), throughMs: Math.round(overhead.throughMs) },
  regeneration: { paragraphTokens: tokens.paragraph, sectionTokens: tokens.section },
  figures: figures.map((f) => ({ ...f, value: Number(f.value.toFixed(3)), met: f.value <= f.goal })),
};

console.table(
  Object.fromEntries(
    results.figures.map((f) => [f.figure, { measured: `${f.value}${f.unit}`, goal: `≤ ${f.goal}${f.unit}`, met: f.met ? 'yes' : 'NO' }]),
  ),
);
console.log(
  `document ${results.document.documentMs} ms (${results.document.modelCalls} model calls), slowest section alone ${results.document.slowestSectionMs} ms; ` +
    `${results.streaming.tokens} tokens streamed in ${results.streaming.throughMs} ms through soanthao, ${results.streaming.directMs} ms direct; ` +
    `paragraph ${results.regeneration.paragraphTokens} tokens, section ${results.regeneration.sectionTokens} tokens`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('bench/results/latest.json written');
