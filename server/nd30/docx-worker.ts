/**
 * The worker that reads uploaded .docx files, so that a hostile file costs this thread and its
 * bounded heap, never the server's. One request at a time; the pool terminates it on overrun.
 */
import { parentPort } from 'node:worker_threads';
import { checkReading } from './check.js';
import { DocxCheckError } from './errors.js';
import { readDocxHere } from './read-docx.js';
import type { ReadReply, ReadRequest } from './docx-reader.js';

const port = parentPort!;

port.on('message', async ({ id, kind, bytes }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const reading = await readDocxHere(bytes);
    // Rules run here too: on a huge model they would otherwise hold up the server's thread.
    reply = { id, ok: true, result: kind === 'check' ? checkReading(reading) : reading };
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
