import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../helpers/app.js';
import { llmConfig } from '../helpers/llm-app.js';
import { startFakeOpenAI, promptText, type FakeOpenAI, type ReceivedRequest, type Reply } from '../helpers/fake-openai.js';
import { answerByHeading } from '../helpers/model-answers.js';
import { rawBrief } from '../helpers/fixtures.js';
import { readSse, serveApp, type SseEvent } from '../helpers/serve.js';
import { OpenAIProvider } from '../../server/provider/openai/provider.js';
import { ModelQueue } from '../../server/queue/model-queue.js';
import { QueuedProvider } from '../../server/queue/queued-provider.js';
import { defaultCallerKey, type CallerKey } from '../../server/queue/caller.js';
import { createApp, depsFromConfig } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

/** What accounts will do: the office a request carries names its line; here a header stands for the session. */
const byOffice: CallerKey = (c) => c.req.header('x-office') ?? defaultCallerKey(false)(c);

let fake: FakeOpenAI | undefined;
let ctx: Awaited<ReturnType<typeof testApp>> | undefined;
let server: Awaited<ReturnType<typeof serveApp>> | undefined;
afterEach(async () => {
  await server?.close();
  await ctx?.close();
  await fake?.close();
  server = ctx = fake = undefined;
});

async function start(limit: number) {
  fake = await startFakeOpenAI([]);
  // Positions are told at once (no pacing) so each step of the line is seen.
  const queue = new ModelQueue({ limit, tellEveryMs: 0 });
  ctx = await testApp(new QueuedProvider(new OpenAIProvider(llmConfig(fake.baseURL)), queue), { callerKey: byOffice });
  server = await serveApp(ctx.app);
  return { fake, queue, url: server.url };
}

function briefOf(subject: string) {
  const brief = rawBrief();
  brief.header.subject = subject;
  return brief;
}

/** Good answers for each brief, told apart by the subject in the prompt. */
function answers(...briefs: any[]) {
  const byBrief = briefs.map((b) => ({ subject: b.header.subject as string, answer: answerByHeading(b) }));
  return (request: ReceivedRequest): Reply => byBrief.find((b) => promptText(request).includes(b.subject))!.answer(request);
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function createDraft(url: string, brief: unknown): Promise<string> {
  const res = await fetch(`${url}/api/drafts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ brief }) });
  return ((await res.json()) as { id: string }).id;
}

/** A drafting request streamed in the background: its events as they arrive, and its end. */
function stream(url: string, path: string, office?: string, signal?: AbortSignal) {
  const events: SseEvent[] = [];
  const done = (async () => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { Accept: 'text/event-stream', ...(office ? { 'x-office': office } : {}) }, signal });
    for await (const e of readSse(res)) events.push(e);
  })();
  return { events, done, positions: () => events.filter((e) => e.event === 'queued').map((e) => e.data.position as number) };
}

/** Waits for something the server does in the background (no time limit but the test's own). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe('the model queue', () => {
  it('keeps three documents drafted at once within the configured two model calls in flight', async () => {
    fake = await startFakeOpenAI([]);
    const dir = mkdtempSync(join(tmpdir(), 'soanthao-queue-'));
    const deps = await depsFromConfig(
      loadConfig({ SOANTHAO_DATA_DIR: dir, OPENAI_BASE_URL: fake.baseURL, SOANTHAO_MODEL: 'fake-model', SOANTHAO_RETRIES: '0', SOANTHAO_MODEL_CONCURRENCY: '2' }),
    );
    server = await serveApp(createApp(deps).app);
    const url = server.url;
    try {
      const briefs = [briefOf('Tài liệu thứ nhất'), briefOf('Tài liệu thứ hai'), briefOf('Tài liệu thứ ba')];
      const answer = answers(...briefs);
      // The model holds every answer until the test lets go, so whatever the server lets through is open at once.
      const hold = gate();
      const model = fake;
      model.script((request) => ({ kind: 'gated', gate: hold.promise, reply: answer(request) }));
      const ids = await Promise.all(briefs.map((b) => createDraft(url, b)));
      const streamed = ids.slice(0, 2).map((id) => stream(url, `/api/drafts/${id}/draft`));
      // The third asks for JSON, as before: it waits its turn as well, with no positions in its answer.
      const json = fetch(`${url}/api/drafts/${ids[2]}/draft`, { method: 'POST' }).then((r) => r.json() as Promise<any>);
      const waitingSections = () => streamed.flatMap((s) => s.events.filter((e) => e.event === 'queued' && e.data.position > 0).map((e) => e.data.section)).length;
      await until(() => {
        expect(model.inFlight).toBeLessThanOrEqual(2);
        return model.requests.length === 2 && waitingSections() >= 6;
      });
      expect(model.inFlight).toBe(2);
      hold.open();
      await Promise.all(streamed.map((s) => s.done));
      for (const s of streamed) expect(s.events.at(-1)!.data.sections.every((x: any) => x.ok)).toBe(true);
      expect(await json).toMatchObject({ sections: ['mo-dau', 'ket-qua', 'phuong-huong', 'ket-thuc'].map((section) => ({ section, ok: true, findings: expect.any(Array) })) });
      expect(model.requests).toHaveLength(12);
      expect(model.peakInFlight).toBe(2);
    } finally {
      await server.close();
      server = undefined;
      await deps.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves another office's single section before the first office's waiting ones", async () => {
    const { fake, queue, url } = await start(1);
    const busy = briefOf('Ba báo cáo của phòng A');
    const single = briefOf('Một mục của phòng B');
    const answer = answers(busy, single);
    const first = gate();
    fake.script((request) => ({ kind: 'gated', gate: first.promise, reply: answer(request) }));
    const ids = await Promise.all([busy, busy, busy].map((b) => createDraft(url, b)));
    const loneId = await createDraft(url, single);
    const office = ids.map((id) => stream(url, `/api/drafts/${id}/draft`, 'phong-a'));
    await until(() => fake.requests.length === 1 && queue.stats.waiting === 11);
    const lone = stream(url, `/api/drafts/${loneId}/sections/ket-qua/draft`, 'phong-b');
    await until(() => lone.positions().length > 0);
    expect(lone.positions()[0]).toBe(1);
    first.open();
    await Promise.all([...office.map((s) => s.done), lone.done]);
    const whose = fake.requests.map((r) => (promptText(r).includes(single.header.subject) ? 'B' : 'A'));
    expect(whose).toEqual(['A', 'B', ...Array(11).fill('A')]);
    expect(lone.events.at(-1)!.data).toMatchObject({ section: 'ket-qua', ok: true });
  });

  it('streams a waiting section its place in the line, lets a cancelled one leave at once, and starts it when its turn comes', async () => {
    const { fake, queue, url } = await start(1);
    const briefs = [briefOf('Bản đang soạn'), briefOf('Bản bị dừng'), briefOf('Bản chờ lượt')];
    const answer = answers(...briefs);
    const first = gate();
    fake.script((request) => ({ kind: 'gated', gate: first.promise, reply: answer(request) }));
    const [runningId, stoppedId, waitingId] = await Promise.all(briefs.map((b) => createDraft(url, b)));
    const running = stream(url, `/api/drafts/${runningId}/sections/ket-qua/draft`, 'phong-a');
    await until(() => fake.requests.length === 1);
    const stop = new AbortController();
    const stopped = stream(url, `/api/drafts/${stoppedId}/sections/ket-qua/draft`, 'phong-b', stop.signal);
    await until(() => stopped.positions().length > 0);
    const waiting = stream(url, `/api/drafts/${waitingId}/sections/ket-qua/draft`, 'phong-c');
    await until(() => waiting.positions().length > 0);
    expect(stopped.positions()).toEqual([1]);
    expect(waiting.positions()).toEqual([2]);

    stop.abort();
    await stopped.done.catch(() => undefined);
    // The tab that closed leaves the line: the next one moves up while the first call still runs.
    await until(() => waiting.positions().length > 1);
    expect(waiting.positions()).toEqual([2, 1]);
    expect(queue.stats).toMatchObject({ running: 1, waiting: 1 });

    first.open();
    await Promise.all([running.done, waiting.done]);
    expect(waiting.positions()).toEqual([2, 1, 0]);
    const kinds = waiting.events.map((e) => e.event);
    expect(kinds.indexOf('text')).toBeGreaterThan(kinds.lastIndexOf('queued'));
    expect(waiting.events.find((e) => e.event === 'queued')!.data).toEqual({ type: 'queued', section: 'ket-qua', position: 2 });
    expect(kinds.at(-1)).toBe('done');
    // The stopped section never reached the model.
    expect(fake.requests.map((r) => promptText(r).includes('Bản bị dừng'))).toEqual([false, false]);
    expect(queue.stats).toMatchObject({ running: 0, waiting: 0 });
  });

  it('takes its limit from SOANTHAO_MODEL_CONCURRENCY, and refuses a limit that is not a whole number from 1', () => {
    expect(loadConfig({}).modelConcurrency).toBe(4);
    expect(loadConfig({ SOANTHAO_MODEL_CONCURRENCY: '16' }).modelConcurrency).toBe(16);
    expect(() => loadConfig({ SOANTHAO_MODEL_CONCURRENCY: '0' })).toThrow(/SOANTHAO_MODEL_CONCURRENCY: must be a whole number from 1/);
    expect(() => loadConfig({ SOANTHAO_MODEL_CONCURRENCY: 'nhiều' })).toThrow(/SOANTHAO_MODEL_CONCURRENCY/);
  });
});
