import type { Context } from 'hono';
import { z } from 'zod';
import type { PageRequest } from '../store/page.js';
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

/**
 * `?limit=&cursor=` of a paged list. `fallback` is the page size when none is asked for (undefined:
 * the whole list); a limit above `max` is refused rather than quietly cut.
 */
export function pageQuery(c: Context, { fallback, max }: { fallback: number | undefined; max: number }): PageRequest {
  const Query = z.object({
    limit: z.coerce
      .number({ error: `Số mục mỗi trang (limit) là số nguyên từ 1 đến ${max}` })
      .int({ error: `Số mục mỗi trang (limit) là số nguyên từ 1 đến ${max}` })
      .min(1, { error: `Số mục mỗi trang (limit) là số nguyên từ 1 đến ${max}` })
      .max(max, { error: `Số mục mỗi trang (limit) là số nguyên từ 1 đến ${max}` })
      .optional(),
    cursor: z.string().max(500, { error: 'Con trỏ trang (cursor) không hợp lệ' }).optional(),
  });
  const query = Query.safeParse(c.req.query());
  if (!query.success) throw new DraftError('bad_input', 'Yêu cầu trang danh sách chưa hợp lệ', issuesOf(query.error));
  return { limit: query.data.limit ?? fallback, cursor: query.data.cursor };
}
