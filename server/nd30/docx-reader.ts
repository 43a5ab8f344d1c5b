/**
 * Reads .docx files off the calling thread: a small pool of worker threads, each with a bounded
 * heap, and a time limit per file after which its worker is terminated. A hostile file thus gets
 * a Vietnamese DocxCheckError within the limit while the server goes on answering everyone else.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { DocxCheckError, type DocxCheckReason } from './errors.js';
import { assertDocxBytes } from './package.js';
import type { DocxCheckResult } from './check.js';
import type { DocxReading } from './read-docx.js';

/** What a worker does with a file: read its model, or read it and run the rules on it. */
export interface Jobs {
  read: DocxReading;
  check: DocxCheckResult;
}

export interface ReadRequest {
  id: number;
  kind: keyof Jobs;
  bytes: Uint8Array;
}

export type ReadReply =
  | { id: number; ok: true; result: Jobs[keyof Jobs] }
  | { id: number; ok: false; reason: DocxCheckReason; message: string; detail?: string };

export interface DocxReaderOptions {
  /** Longest a worker may take over one file before it is terminated. */
  timeLimitMs: number;
  /** Heap of each worker; a file needing more is refused. */
  maxHeapMb: number;
  /** Files read at the same time; more wait their turn. */
  workers: number;
  /** An idle worker is kept this long for the next file, then ended. */
  idleMs: number;
}

export const DOCX_READER_DEFAULTS: DocxReaderOptions = {
  timeLimitMs: 5_000,
  maxHeapMb: 256,
  workers: 2,
  idleMs: 30_000,
};

// The worker is the file next to this one, with this one's extension: `.ts` under tsx and
// vitest, `.js` once compiled.
const EXT = extname(fileURLToPath(import.meta.url));
const WORKER_URL = new URL(`./docx-worker${EXT}`, import.meta.url);

function spawn(resourceLimits: ResourceLimits): Worker {
  if (EXT !== '.ts') return new Worker(WORKER_URL, { resourceLimits });
  // Loader hooks of the parent (tsx, vitest) do not reach a worker: it compiles its own TypeScript.
  const boot = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(WORKER_URL.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, resourceLimits });
}

interface Job {
  kind: keyof Jobs;
  bytes: Uint8Array<ArrayBuffer>;
  resolve: (r: Jobs[keyof Jobs]) => void;
  reject: (e: unknown) => void;
}

type Outcome = { alive: boolean; result?: Jobs[keyof Jobs]; error?: DocxCheckError };

const UNREADABLE = 'Không đọc được nội dung tệp Word; tệp có thể bị hỏng. Hãy mở tệp trong Word, lưu lại dưới dạng .docx rồi kiểm tra lại.';

export class DocxReader {
  private readonly idle: Worker[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly queue: Job[] = [];
  private running = 0;
  private nextId = 1;
  private readonly options: DocxReaderOptions;

  constructor(options: Partial<DocxReaderOptions> = {}) {
    this.options = { ...DOCX_READER_DEFAULTS, ...options };
  }

  /** Reads the file in a worker; rejects with DocxCheckError when it cannot or may not be read. */
  read(buf: Uint8Array): Promise<DocxReading> {
    return this.submit('read', buf);
  }

  /** Reads the file and runs the Nghị định 30 rules on it in a worker. */
  check(buf: Uint8Array): Promise<DocxCheckResult> {
    return this.submit('check', buf);
  }

  private submit<K extends keyof Jobs>(kind: K, buf: Uint8Array): Promise<Jobs[K]> {
    try {
      assertDocxBytes(buf);
    } catch (e) {
      return Promise.reject(e);
    }
    // A private copy, handed over to the worker without a second copy.
    const bytes = new Uint8Array(buf.length);
    bytes.set(buf);
    return new Promise<Jobs[K]>((resolve, reject) => {
      this.queue.push({ kind, bytes, resolve: resolve as Job['resolve'], reject });
      this.pump();
    });
  }

  /** Ends the idle workers (those at work end with their file). */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    for (const w of idle) clearTimeout(this.idleTimers.get(w));
    this.idleTimers.clear();
    await Promise.all(idle.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && this.running < this.options.workers) {
      const job = this.queue.shift()!;
      this.running++;
      this.run(job)
        .catch((e: unknown) => job.reject(new DocxCheckError('unreadable', UNREADABLE, { cause: e })))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  private async run(job: Job): Promise<void> {
    let worker: Worker;
    try {
      worker = this.idle.pop() ?? (await this.start());
    } catch (cause) {
      job.reject(new DocxCheckError('unreadable', UNREADABLE, { cause }));
      return;
    }
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    worker.ref();
    const id = this.nextId++;
    const seconds = (this.options.timeLimitMs / 1000).toLocaleString('vi-VN');
    const outcome = await new Promise<Outcome>((resolve) => {
      const settle = (o: Outcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(o);
      };
      const timer = setTimeout(
        () =>
          settle({
            alive: false,
            error: new DocxCheckError(
              'too_complex',
              `Đọc tệp quá ${seconds} giây nên đã dừng: tệp quá phức tạp hoặc đã bị làm hỏng. Hãy mở tệp trong Word, lưu lại dưới dạng .docx rồi kiểm tra lại.`,
            ),
          }),
        this.options.timeLimitMs,
      );
      const onMessage = (reply: ReadReply) => {
        if (reply.id !== id) return;
        if (reply.ok) settle({ alive: true, result: reply.result });
        else settle({ alive: true, error: new DocxCheckError(reply.reason, reply.message, { cause: reply.detail }) });
      };
      const onError = (err: Error & { code?: string }) =>
        settle({
          alive: false,
          error:
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new DocxCheckError('too_complex', 'Đọc tệp cần quá nhiều bộ nhớ nên đã dừng: tệp quá lớn, quá phức tạp hoặc đã bị làm hỏng có chủ ý.', { cause: err })
              : new DocxCheckError('unreadable', UNREADABLE, { cause: err }),
        });
      const onExit = () => settle({ alive: false, error: new DocxCheckError('unreadable', UNREADABLE) });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, kind: job.kind, bytes: job.bytes } satisfies ReadRequest, [job.bytes.buffer]);
    });
    if (outcome.alive) this.rest(worker);
    else void worker.terminate();
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.result!);
  }

  /** A new worker, once it has loaded its code (so loading is not counted against the file). */
  private start(): Promise<Worker> {
    const worker = spawn({ maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 32 });
    // A worker being terminated (time limit) may still run out of memory before it stops; an
    // 'error' event nobody listens to would end the whole server.
    worker.on('error', () => {});
    return new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        off();
        resolve(worker);
      };
      const onError = (e: Error) => {
        off();
        void worker.terminate();
        reject(e);
      };
      const onExit = (code: number) => onError(new Error(`docx worker exited with ${code} while starting`));
      const off = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  private rest(worker: Worker): void {
    // An idle worker must not keep a CLI run alive.
    worker.unref();
    this.idle.push(worker);
    const timer = setTimeout(() => {
      const i = this.idle.indexOf(worker);
      if (i !== -1) this.idle.splice(i, 1);
      this.idleTimers.delete(worker);
      void worker.terminate();
    }, this.options.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }
}

/** The reader every caller shares. */
const shared = new DocxReader();

/** Reads a .docx in the shared worker pool. */
export function readDocxIsolated(buf: Uint8Array): Promise<DocxReading> {
  return shared.read(buf);
}

/** Checks a .docx against Nghị định 30 in the shared worker pool. */
export function checkDocxIsolated(buf: Uint8Array): Promise<DocxCheckResult> {
  return shared.check(buf);
}
