import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible chat completions server on 127.0.0.1, scripted per request, so the real
 * `openai` client does the talking: real HTTP, real SSE, real retries and aborts.
 */
export type Reply =
  /** A streamed answer: the content is cut into chunks; `cutAfter` closes the socket after that many chunks. */
  | {
      kind: 'stream';
      content: string;
      chunkSize?: number;
      /** Pause after each chunk (the token rate). */
      delayMs?: number;
      /** Pause before the first chunk (the model's latency). */
      firstChunkMs?: number;
      cutAfter?: number;
      usage?: { prompt: number; completion: number };
      /** `stop` unless told: `length` is a server that cut the answer at max_tokens. */
      finishReason?: 'stop' | 'length';
    }
  /** A non-streamed JSON answer. */
  | { kind: 'json'; content: string }
  /** An HTTP error with an OpenAI-style body. */
  | { kind: 'error'; status: number; message?: string; headers?: Record<string, string> }
  /** Accept the request and never answer (a timeout). */
  | { kind: 'hang' };

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** True when the client went away before the answer was complete. */
  aborted: boolean;
}

export type Script = Reply[] | ((request: ReceivedRequest, index: number) => Reply);

export interface FakeOpenAI {
  baseURL: string;
  requests: ReceivedRequest[];
  /** Replaces the script; replies are taken in order from the next request on, the last one repeats. */
  script(script: Script): void;
  /** Resolves once a request has been marked aborted. */
  waitForAbort(timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

/** A chat message text, as the test server sees it: every message joined. */
export function promptText(request: ReceivedRequest): string {
  return (request.body?.messages ?? []).map((m: { content: string }) => m.content).join('\n');
}

export async function startFakeOpenAI(initial: Script = []): Promise<FakeOpenAI> {
  let script: Script = initial;
  /** Requests answered since the script was last set: replies are taken from the script in this order. */
  let answered = 0;
  const requests: ReceivedRequest[] = [];
  const open = new Set<ServerResponse>();
  const abortWaiters: ((r: ReceivedRequest) => void)[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const record: ReceivedRequest = { path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null, aborted: false };
    requests.push(record);
    const index = answered++;
    open.add(res);
    let finished = false;
    res.on('close', () => {
      open.delete(res);
      if (!finished) {
        record.aborted = true;
        abortWaiters.splice(0).forEach((w) => w(record));
      }
    });
    const reply = typeof script === 'function' ? script(record, index) : script[Math.min(index, script.length - 1)];
    if (!reply) {
      res.writeHead(500).end('no scripted reply');
      finished = true;
      return;
    }
    await answer(reply, record, res, () => (finished = true));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(s) {
      script = s;
      answered = 0;
    },
    waitForAbort(timeoutMs = 5000) {
      const already = requests.find((r) => r.aborted);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no request was aborted')), timeoutMs);
        abortWaiters.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
    },
    async close() {
      for (const res of open) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The client's idle keep-alive sockets would hold the close for seconds.
      server.closeAllConnections();
      await closed;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answer(reply: Reply, req: ReceivedRequest, res: ServerResponse, done: () => void): Promise<void> {
  const model = req.body?.model ?? 'fake-model';
  if (reply.kind === 'hang') return;
  if (reply.kind === 'error') {
    res.writeHead(reply.status, { 'Content-Type': 'application/json', ...(reply.headers ?? {}) });
    res.end(JSON.stringify({ error: { message: reply.message ?? `error ${reply.status}`, type: 'server_error', code: null } }));
    done();
    return;
  }
  if (reply.kind === 'json' || !req.body?.stream) {
    const content = reply.content;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      }),
    );
    done();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  if (reply.firstChunkMs) await sleep(reply.firstChunkMs);
  const size = reply.chunkSize ?? 24;
  const pieces: string[] = [];
  for (let i = 0; i < reply.content.length; i += size) pieces.push(reply.content.slice(i, i + size));
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  for (let i = 0; i < pieces.length; i++) {
    if (res.destroyed) return;
    if (reply.cutAfter !== undefined && i >= reply.cutAfter) {
      // Let what was written reach the client first, so the cut falls mid-stream, not before it.
      await sleep(50);
      res.destroy();
      return;
    }
    send({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: { content: pieces[i] }, finish_reason: null }] });
    if (reply.delayMs) await sleep(reply.delayMs);
  }
  send({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta: {}, finish_reason: reply.finishReason ?? 'stop' }] });
  if (req.body?.stream_options?.include_usage) {
    const usage = reply.usage ?? { prompt: Math.ceil(JSON.stringify(req.body.messages).length / 4), completion: Math.ceil(reply.content.length / 4) };
    send({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion } });
  }
  res.write('data: [DONE]\n\n');
  res.end();
  done();
}
