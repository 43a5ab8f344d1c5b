// npm run bench:load: what one server instance stands, beside a bare Hono app on the same machine,
// for SQLite and for PostgreSQL. The server runs compiled (as `npm start` does) in its own process;
// the model is the scripted OpenAI-compatible server at a known speed. A benchmark, not a test:
// every figure is printed beside its goal, and nothing fails the run but a broken request.
// `BENCH_STORES=postgres` (or `sqlite`) measures one store only.
import { execSync, fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOpenAI, type Reply } from '../../test/helpers/fake-openai.js';
import { answerByHeading } from '../../test/helpers/model-answers.js';
import { rawBrief } from '../../test/helpers/fixtures.js';
import { readSse } from '../../test/helpers/serve.js';
import startPostgres from '../../test/helpers/postgres-setup.js';
import { DraftStore } from '../../server/store/draft-store.js';
import { AccountStore } from '../../server/store/account-store.js';
import { hashPassword } from '../../server/auth/password.js';
import { LOCAL_SCOPE } from '../../server/auth/scope.js';
import type { StoreLocation } from '../../server/store/database.js';
import { parseBrief } from '../../server/brief/load.js';
import type { RevisionMeta } from '../../server/draft/model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const SECONDS = 2;
/** Rounds of (bare app, this server) in turn; the median ratio is reported, as the machine's load drifts. */
const ROUNDS = 3;
const CONNECTIONS = 32;
const STREAMS = 200;
const LIST_DRAFTS = 10_000;
/** The scripted model: 300 ms to the first token, then 200 tokens/s (4 characters a token). */
const PACE = { chunkSize: 40, delayMs: 50, firstChunkMs: 300 };

interface Proc {
  port: number;
  ask(type: string): Promise<any>;
  stop(): Promise<void>;
}

function startProcess(script: string, env: NodeJS.ProcessEnv): Promise<Proc> {
  // Plain node, as `npm start` runs: a fork would otherwise inherit this script's tsx loader, whose
  // hooks thread alone holds some 60 MB and would be counted as the server's memory.
  const child: ChildProcess = fork(script, [], { cwd: ROOT, env: { ...process.env, ...env }, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ask = (type: string) =>
    new Promise<any>((resolve) => {
      const on = (m: any) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m);
      };
      child.on('message', on);
      child.send({ type });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} stopped (exit ${code})`)));
    child.once('message', (m: any) =>
      resolve({
        port: m.port,
        ask,
        async stop() {
          child.send({ type: 'stop' });
          await exited;
        },
      }),
    );
  });
}

/** Requests per second that `connections` keep-alive clients get, each sending the next as soon as one is answered. */
async function throughput(port: number, path: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const one = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  const run = async (ms: number) => {
    let done = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          await one();
          done++;
        }
      }),
    );
    return done;
  };
  await run(500); // warm up: JIT, caches, connections
  const started = performance.now();
  const done = await run(seconds * 1000);
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function beside(barePort: number, barePath: string, port: number, path: string, headers: Record<string, string> = {}) {
  const rounds: { bare: number; ours: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push({ bare: await throughput(barePort, barePath), ours: await throughput(port, path, headers) });
  return { bare: median(rounds.map((r) => r.bare)), ours: median(rounds.map((r) => r.ours)), ratio: median(rounds.map((r) => r.ours / r.bare)) };
}

async function timed(n: number, work: (i: number) => Promise<void>): Promise<{ median: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(n / 2)]!, p95: ms[Math.min(n - 1, Math.ceil(n * 0.95) - 1)]! };
}

async function call(base: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<any> {
  const { json, ...rest } = init;
  const res = await fetch(`${base}${path}`, {
    ...rest,
    headers: { 'Content-Type': 'application/json', ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** A Báo cáo of about 100 pages: every body section full of facts, and 81 paragraphs of some 1,100 characters each. */
function hundredPageBrief() {
  const brief = rawBrief();
  const facts = (topic: string, n: number) => Array.from({ length: n }, (_, i) => `${topic}: kết quả số ${i + 1} đạt ${(i * 7) % 97} chỉ tiêu, ${i + 3} xã tham gia`);
  brief.sections = [
    brief.sections[0],
    { key: 'ket-qua', title: 'KẾT QUẢ THỰC HIỆN', parts: [0, 1, 2].map((p) => ({ title: `Lĩnh vực ${p + 1}`, facts: facts(`lĩnh vực ${p + 1}`, 20) })) },
    { key: 'ton-tai', facts: facts('tồn tại', 40) },
    { key: 'phuong-huong', facts: facts('nhiệm vụ', 40) },
    { key: 'kien-nghi', facts: facts('kiến nghị', 20) },
    brief.sections.at(-1),
  ];
  return brief;
}

const sentence = (i: number, j: number) =>
  `Ủy ban nhân dân huyện đã chỉ đạo các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị trấn tổ chức thực hiện nhiệm vụ số ${i * 10 + j} với ${(i + j) % 40 + 3} đơn vị tham gia, bảo đảm đúng tiến độ đề ra.`;
const longParagraph = (i: number) => Array.from({ length: 6 }, (_, j) => sentence(i, j)).join(' ');

/** A clerk's account, logged in: the session cookie to send. */
async function loggedIn(base: string, store: DraftStore): Promise<string> {
  const password = 'mùa lúa năm nay được mùa';
  await new AccountStore(store.db).create({ username: 'chuyenvien', officeCode: 'UBND-BENCH', role: 'chuyen-vien', passwordHash: await hashPassword(password) });
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'chuyenvien', password }) });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const STAFF: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: null, usage: null };

interface Figure {
  name: string;
  value: string;
  goal: string;
  ok: boolean | null;
}

async function measureStore(label: string, location: StoreLocation, env: NodeJS.ProcessEnv, bare: Proc, modelURL: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const server = await startProcess(join(HERE, 'server.mjs'), {
    ...env,
    OPENAI_BASE_URL: modelURL,
    OPENAI_API_KEY: 'bench',
    SOANTHAO_MODEL: 'bench-model',
    SOANTHAO_RETRIES: '0',
    SOANTHAO_TIMEOUT_MS: '300000',
    // A province's model server takes many calls at once; the default of 4 would spread 800 calls over minutes.
    SOANTHAO_MODEL_CONCURRENCY: process.env.SOANTHAO_MODEL_CONCURRENCY ?? '32',
  });
  const base = `http://127.0.0.1:${server.port}`;
  const store = await DraftStore.open(location);
  try {
    const idle = await server.ask('stats');
    figures.push({ name: 'idle memory (RSS)', value: `${(idle.rss / 2 ** 20).toFixed(0)} MB`, goal: 'for reference', ok: null });

    // 200 whole documents streamed at once, as at a deadline.
    const ids: string[] = [];
    for (let i = 0; i < STREAMS; i++) ids.push((await call(base, '/api/drafts', { method: 'POST', json: { brief: rawBrief() } })).id);
    await server.ask('reset');
    const started = performance.now();
    const outcomes = await Promise.all(
      ids.map(async (id) => {
        const res = await fetch(`${base}/api/drafts/${id}/draft`, { method: 'POST', headers: { Accept: 'text/event-stream' } });
        for await (const e of readSse(res)) if (e.event === 'done') return (e.data.sections as { ok: boolean }[]).every((s) => s.ok);
        return false;
      }),
    );
    const streamSeconds = (performance.now() - started) / 1000;
    const during = await server.ask('stats');
    const failed = outcomes.filter((ok) => !ok).length;
    const peakMb = during.peakRss / 2 ** 20;
    figures.push({
      name: `peak memory, ${STREAMS} whole-document streams (${streamSeconds.toFixed(1)} s${failed ? `, ${failed} failed` : ''})`,
      value: `${peakMb.toFixed(0)} MB`,
      goal: '≤ 250 MB',
      ok: peakMb <= 250 && failed === 0,
    });
    figures.push({ name: 'JavaScript heap in use meanwhile: peak', value: `${(during.peakHeap / 2 ** 20).toFixed(0)} MB`, goal: 'for reference', ok: null });
    figures.push({ name: 'event loop delay meanwhile: p99 / worst', value: `${during.loopP99Ms.toFixed(0)} / ${during.loopMaxMs.toFixed(0)} ms`, goal: 'p99 ≤ 50 ms', ok: during.loopP99Ms <= 50 });

    // Throughput of the cheapest route and of reading a drafted document, each in turn with the
    // bare app's on the same path, so both meet the same load on a shared machine.
    const health = await beside(bare.port, '/api/health', server.port, '/api/health');
    figures.push({ name: `/api/health (bare Hono ${health.bare.toFixed(0)} req/s)`, value: `${health.ours.toFixed(0)} req/s = ${(100 * health.ratio).toFixed(0)} %`, goal: '≥ 80 %', ok: health.ratio >= 0.8 });
    const read = await beside(bare.port, '/api/drafts/x', server.port, `/api/drafts/${ids[0]}`);
    figures.push({ name: `GET /api/drafts/:id (bare Hono ${read.bare.toFixed(0)} req/s)`, value: `${read.ours.toFixed(0)} req/s = ${(100 * read.ratio).toFixed(0)} %`, goal: '≥ 50 %', ok: read.ratio >= 0.5 });
    // The same read by a user logged in, as on a network server: the session is one more read a request.
    const cookie = await loggedIn(base, store);
    const mine = await call(base, '/api/drafts', { method: 'POST', json: { brief: rawBrief() }, headers: { Cookie: cookie } });
    await call(base, `/api/drafts/${mine.id}/draft`, { method: 'POST', headers: { Cookie: cookie } });
    const signed = await beside(bare.port, '/api/drafts/x', server.port, `/api/drafts/${mine.id}`, { Cookie: cookie });
    figures.push({ name: `  the same, logged in (bare Hono ${signed.bare.toFixed(0)} req/s)`, value: `${signed.ours.toFixed(0)} req/s = ${(100 * signed.ratio).toFixed(0)} %`, goal: '≥ 50 %', ok: signed.ratio >= 0.5 });

    // Editing one paragraph of a 100-page draft.
    const big = await call(base, '/api/drafts', { method: 'POST', json: { brief: hundredPageBrief() } });
    const bodyKeys = ['ket-qua', 'ton-tai', 'phuong-huong', 'kien-nghi'];
    for (const key of bodyKeys) {
      const paragraphs = Array.from({ length: 81 }, (_, i) => ({ part: key === 'ket-qua' ? Math.floor(i / 27) : null, text: longParagraph(i), findings: [] }));
      await store.writeSection(big.id, key, paragraphs, STAFF, []);
    }
    const detail = await call(base, `/api/drafts/${big.id}`);
    const chars = detail.sections.flatMap((s: any) => s.paragraphs).reduce((n: number, p: any) => n + p.current.text.length, 0);
    const target = detail.sections.find((s: any) => s.key === 'ton-tai').paragraphs[10];
    const edit = await timed(20, (i) => call(base, `/api/drafts/${big.id}/paragraphs/${target.id}`, { method: 'PUT', json: { text: `${longParagraph(i)} Sửa lần ${i + 1}.` } }));
    figures.push({
      name: `edit a paragraph, ${Math.round(chars / 3_500)}-page draft: median (p95)`,
      value: `${edit.median.toFixed(1)} (${edit.p95.toFixed(1)}) ms`,
      goal: '≤ 30 ms',
      ok: edit.median <= 30,
    });
    const bigRead = await timed(10, async () => void (await call(base, `/api/drafts/${big.id}`)));
    figures.push({ name: 'GET that draft: median', value: `${bigRead.median.toFixed(1)} ms`, goal: 'for reference', ok: null });

    // The list with 10,000 drafts: most recent first, one page.
    const briefJson = JSON.stringify(parseBrief(rawBrief()));
    const have = (await store.listDrafts(LOCAL_SCOPE.actor)).items.length;
    for (let done = have; done < LIST_DRAFTS; ) {
      const n = Math.min(500, LIST_DRAFTS - done);
      const t0 = Date.now() - (LIST_DRAFTS - done) * 1000;
      await store.db.kysely
        .insertInto('drafts')
        .values(Array.from({ length: n }, (_, i) => {
          const at = new Date(t0 + i * 1000).toISOString();
          return { id: `bench-${done + i}`, title: `Báo cáo số ${done + i}`, template_id: 'bao-cao', brief_json: briefJson, created_at: at, updated_at: at };
        }))
        .execute();
      done += n;
    }
    const list = await timed(30, async () => void (await call(base, '/api/drafts')));
    figures.push({ name: `list drafts at ${LIST_DRAFTS.toLocaleString('en')} drafts: median (p95)`, value: `${list.median.toFixed(1)} (${list.p95.toFixed(1)}) ms`, goal: '≤ 20 ms', ok: list.median <= 20 });
  } finally {
    await store.close();
    await server.stop();
  }
  return figures.map((f) => ({ ...f, name: `${label.padEnd(10)} ${f.name}` }));
}

async function main() {
  console.log('bench:load: building the server (npm run build)…');
  execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  const brief = rawBrief();
  const fake = await startFakeOpenAI((request) => ({ ...(answerByHeading(brief)(request) as Extract<Reply, { kind: 'stream' }>), ...PACE }));
  const bare = await startProcess(join(HERE, 'bare.mjs'), {});

  const figures: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-bench-'));
  const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
  try {
    if (stores.includes('sqlite')) figures.push(...(await measureStore('SQLite', { file: join(dir, 'soanthao.db') }, { SOANTHAO_DATA_DIR: dir, DATABASE_URL: '' }, bare, fake.baseURL)));
    if (stores.includes('postgres')) {
      process.env.SOANTHAO_TEST_DATABASE = 'postgres';
      delete process.env.SOANTHAO_TEST_PG_URL;
      const stopPostgres = await startPostgres();
      try {
        const url = process.env.SOANTHAO_TEST_PG_URL!;
        figures.push(...(await measureStore('PostgreSQL', { url }, { SOANTHAO_DATA_DIR: dir, DATABASE_URL: url }, bare, fake.baseURL)));
      } finally {
        stopPostgres?.();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await bare.stop();
    await fake.close();
  }

  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padEnd(22)}  ${'goal'.padEnd(14)}  met`);
  for (const f of figures) console.log(`${f.name.padEnd(width)}  ${f.value.padEnd(22)}  ${f.goal.padEnd(14)}  ${f.ok === null ? '' : f.ok ? 'yes' : 'NO'}`);
  console.log(`\n${CONNECTIONS} keep-alive clients, ${ROUNDS} rounds of ${SECONDS} s beside the bare app (median ratio); PostgreSQL is a throwaway local cluster (fsync off).`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/load.json'), `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
