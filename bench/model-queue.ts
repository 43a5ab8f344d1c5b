// npm run bench:queue: 200 whole documents drafted at once through a soanthao server process against
// the scripted model at a known speed. Prints the most model streams open at once (counted at the
// model), the server's peak memory and its event loop's worst stall, each beside its goal. Not a test.
//   DOCUMENTS=200 SOANTHAO_MODEL_CONCURRENCY=32 npm run bench:queue   (DATABASE_URL=postgres://… for PostgreSQL)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI, type Reply } from '../test/helpers/fake-openai.js';
import { answerByHeading, goodSectionJson } from '../test/helpers/model-answers.js';
import { rawBrief } from '../test/helpers/fixtures.js';
import { readSse } from '../test/helpers/serve.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCUMENTS = Number(process.env.DOCUMENTS ?? 200);
const LIMIT = Number(process.env.SOANTHAO_MODEL_CONCURRENCY ?? 32);
// The scripted model: first token after 200 ms, then 500 tokens a second of 4 characters.
const pace = { firstChunkMs: 200, chunkSize: 4, delayMs: 2 };
const GOALS = { rssMB: 250, p99Ms: 50 };

interface Report {
  peakRssMB: number;
  p99Ms: number;
  maxMs: number;
}

/** The compiled server as `npm start` runs it (the npm script builds it first), with the probe measuring it from inside. */
async function startServer(modelURL: string, dataDir: string) {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', join(ROOT, 'bench/model-queue/probe.mjs'), join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SOANTHAO_DATA_DIR: dataDir,
      OPENAI_BASE_URL: modelURL,
      OPENAI_API_KEY: 'bench',
      SOANTHAO_MODEL: 'bench-model',
      SOANTHAO_MODEL_CONCURRENCY: String(LIMIT),
      SOANTHAO_TIMEOUT_MS: '60000',
      SOANTHAO_RETRIES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(`http://${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}):\n${out}`)));
  });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send(message);
    });
  return {
    url,
    ask,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main() {
  const brief = rawBrief();
  const goodLength = goodSectionJson(brief, 'ket-qua').length;
  const fake = await startFakeOpenAI((request) => ({ ...(answerByHeading(brief)(request) as Extract<Reply, { kind: 'stream' }>), ...pace }));
  const dataDir = mkdtempSync(join(tmpdir(), 'soanthao-bench-queue-'));
  const server = await startServer(fake.baseURL, dataDir);
  try {
    const ids: string[] = [];
    for (let i = 0; i <= DOCUMENTS; i++) {
      const res = await fetch(`${server.url}/api/drafts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ brief }) });
      if (!res.ok) throw new Error(`creating a draft: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // A server that has drafted before: the first draft's one-off work (loading modules, word lists) is not what is measured.
    const warm = await fetch(`${server.url}/api/drafts/${ids.pop()}/draft`, { method: 'POST' });
    if (!warm.ok) throw new Error(`warming up: ${warm.status} ${await warm.text()}`);
    // The stall of the idle server is the machine's own noise (other processes on the same cores).
    const idle = await server.ask<{ rssMB: number }>('reset');
    await new Promise((r) => setTimeout(r, 2000));
    const quiet = await server.ask<Report>('report');
    await server.ask('reset');
    const before = fake.requests.length;
    let queued = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        const res = await fetch(`${server.url}/api/drafts/${id}/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
        for await (const e of readSse(res)) {
          if (e.event === 'queued') queued++;
          if (e.event === 'done') failed += e.data.sections.filter((s: { ok: boolean }) => !s.ok).length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const report = await server.ask<Report>('report');
    const row = (figure: string, value: string, goal: string, met: boolean | null) => ({ figure, value, goal, met: met === null ? '' : met ? 'yes' : 'NO' });
    const calls = fake.requests.length - before;
    const tokens = calls * Math.ceil(goodLength / pace.chunkSize);
    console.log(
      `${DOCUMENTS} whole documents drafted at once, ${calls} model calls in ${seconds.toFixed(1)} s (${Math.round(tokens / seconds)} tokens/s relayed), ` +
        `${failed} sections failed, ${queued} queue positions streamed; store: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
    );
    console.table([
      row('model streams open at once (peak)', String(fake.peakInFlight), `≤ ${LIMIT} (SOANTHAO_MODEL_CONCURRENCY)`, fake.peakInFlight <= LIMIT),
      row('server memory, idle before drafting (MB)', idle.rssMB.toFixed(0), '', null),
      row('server memory while drafting, peak RSS (MB)', report.peakRssMB.toFixed(0), `≤ ${GOALS.rssMB}`, report.peakRssMB <= GOALS.rssMB),
      row('event loop delay p99 (ms)', report.p99Ms.toFixed(1), `≤ ${GOALS.p99Ms}`, report.p99Ms <= GOALS.p99Ms),
      row('event loop delay max (ms)', report.maxMs.toFixed(1), '', null),
      row('event loop delay p99, server idle (ms)', quiet.p99Ms.toFixed(1), '(the machine itself)', null),
    ]);
  } finally {
    await server.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
