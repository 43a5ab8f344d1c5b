import { Hono } from 'hono';
import { checkDocx, MAX_DOCX_BYTES } from '../nd30/check.js';
import { DraftError } from '../errors.js';

/** The Nghị định 30 check of any .docx staff upload (the body is the file itself). */
export function nd30Routes() {
  return new Hono().post('/check', async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (body.length === 0) {
      throw new DraftError('bad_input', 'Chưa có tệp .docx nào được gửi lên.', [{ field: 'file', message: 'Cần nội dung tệp' }]);
    }
    return c.json(await checkDocx(body));
  });
}

export const ND30_MAX_BYTES = MAX_DOCX_BYTES;
