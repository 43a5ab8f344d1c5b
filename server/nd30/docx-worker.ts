/**
 * The worker that reads uploaded .docx files, so that a hostile file costs this thread and its
 * bounded heap, never the server's. One request at a time; the pool terminates it on overrun.
 */
import { parentPort } from 'node:worker_threads';
import { DocxCheckError } from './errors.js';
import { readDocxHere } from './read-docx.js';
import type { ReadReply, ReadRequest } from './docx-reader.js';

const port = parentPort!;

port.on('message', async ({ id, bytes }: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id, ok: true, reading: await readDocxHere(bytes) };
  } catch (e) {
    reply =
      e instanceof DocxCheckError
        ? { id, ok: false, reason: e.reason, message: e.message }
        : { id, ok: false, reason: 'unreadable', message: UNREADABLE, detail: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});

const UNREADABLE = 'Không đọc được nội dung tệp Word; tệp có thể bị hỏng. Hãy mở tệp trong Word, lưu lại dưới dạng .docx rồi kiểm tra lại.';

port.postMessage({ ready: true });
