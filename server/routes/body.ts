import type { Context } from 'hono';
import type { z } from 'zod';
import { DraftError, issuesOf } from '../errors.js';

/** Reads a JSON body and validates it; a broken body is a 422 naming what is wrong, in Vietnamese. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw new DraftError('bad_input', 'Dữ liệu gửi lên không phải JSON hợp lệ', [{ field: '', message: (e as Error).message }]);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new DraftError('bad_input', 'Dữ liệu gửi lên chưa hợp lệ', issuesOf(result.error));
  return result.data;
}

export function idParam(c: Context, name: string): number {
  const n = Number(c.req.param(name));
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new DraftError('not_found', 'Không tìm thấy mục được yêu cầu', [{ field: name, message: 'Mã không hợp lệ' }]);
  }
  return n;
}
