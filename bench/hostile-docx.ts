// npm run bench:hostile: how long each generated hostile .docx takes to be refused (or read) by the
// check, and the process's peak resident memory meanwhile; then all of them at once over HTTP with
// a normal check among them. Printed figures, not a test.
import { checkDocx, DocxCheckError } from '../server/nd30/check.js';
import { testApp } from '../test/helpers/app.js';
import { serveApp } from '../test/helpers/serve.js';
import { buildDocx } from '../test/nd30/fixture.js';
import { HOSTILE, largeDocument } from '../test/nd30/hostile.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Peak RSS while `run` runs, sampled every 5 ms (worker threads are in this process). */
async function measure<T>(run: () => Promise<T>): Promise<{ value: T | Error; ms: number; peak: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const start = performance.now();
  let value: T | Error;
  try {
    value = await run();
  } catch (e) {
    value = e as Error;
  }
  const ms = performance.now() - start;
  clearInterval(timer);
  return { value, ms, peak: Math.max(peak, process.memoryUsage.rss()) };
}

function outcome(v: unknown): string {
  if (v instanceof DocxCheckError) return `${v.status} ${v.reason}`;
  if (v instanceof Error) return `lỗi: ${v.message}`;
  const findings = (v as { findings: { rule: string }[] }).findings;
  return `đọc được, ${findings.filter((f) => f.rule === 'docx.well-formed').length ? 'báo lỗi cú pháp XML' : 'XML hợp lệ'}`;
}

const cases: [string, () => Buffer | Promise<Buffer>][] = [
  ['văn bản bình thường', () => buildDocx()],
  ...Object.entries(HOSTILE),
  ['văn bản rất dài (40.000 đoạn)', () => largeDocument(40_000)],
  ['văn bản khổng lồ (250.000 đoạn)', () => largeDocument(250_000)],
];

// Files are made first and the first read starts a worker, so each figure is the file's own.
const files: [string, Buffer][] = [];
for (const [name, make] of cases) files.push([name, await make()]);
await checkDocx(files[0]![1]);
(globalThis as { gc?: () => void }).gc?.();
const baseline = process.memoryUsage.rss();
console.log(`RSS khi bắt đầu (các tệp đã tạo, một worker đã chạy): ${mb(baseline)}\n`);
console.log(`${'tệp'.padEnd(34)}${'cỡ tệp'.padStart(10)}${'thời gian'.padStart(12)}${'RSS đỉnh'.padStart(12)}  kết quả`);
for (const [name, buf] of files) {
  const { value, ms, peak } = await measure(() => checkDocx(buf));
  console.log(`${name.padEnd(34)}${mb(buf.length).padStart(10)}${`${Math.round(ms)} ms`.padStart(12)}${mb(peak).padStart(12)}  ${outcome(value)}`);
}

// All at once over HTTP, a normal check sent last: when is it answered?
const ctx = await testApp();
const server = await serveApp(ctx.app);
const normal = await buildDocx();
const bodies = files.filter(([name]) => name in HOSTILE).map(([, buf]) => buf);
const post = (body: Buffer) => fetch(`${server.url}/api/nd30/check`, { method: 'POST', body: new Uint8Array(body) });
const { value, ms, peak } = await measure(async () => {
  const start = performance.now();
  const hostile = bodies.map((b) => post(b).then(async (r) => (await r.arrayBuffer(), performance.now() - start)));
  const ok = post(normal).then(async (r) => ({ status: r.status, at: performance.now() - start }));
  const health = fetch(`${server.url}/api/health`).then(() => performance.now() - start);
  return { hostile: await Promise.all(hostile), ok: await ok, health: await health };
});
await server.close();
await ctx.close();
if (value instanceof Error) throw value;
console.log(
  `\nQua HTTP, ${bodies.length} tệp độc hại gửi cùng lúc với một tệp bình thường: tệp bình thường được trả lời (${value.ok.status}) sau ${Math.round(value.ok.at)} ms, ` +
    `/api/health sau ${Math.round(value.health)} ms, tệp độc hại chậm nhất sau ${Math.round(Math.max(...value.hostile))} ms; tổng ${Math.round(ms)} ms, RSS đỉnh ${mb(peak)}.`,
);
