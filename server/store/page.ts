import { DraftError } from '../errors.js';

/** A page of a long list: `limit` items after the `cursor` a previous page returned. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last one. */
  nextCursor: string | null;
}

/**
 * A cursor is the sort key of the last item shown, opaque to clients: a page stays right when
 * items are added or changed meanwhile, where an offset would skip or repeat them.
 */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: ('string' | 'number')[]): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  const bad = () => new DraftError('bad_input', 'Con trỏ trang (cursor) không hợp lệ: hãy tải lại danh sách từ đầu.', [{ field: 'cursor', message: 'Không hợp lệ' }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(key) || key.length !== shape.length || key.some((v, i) => typeof v !== shape[i])) throw bad();
  return key as (string | number)[];
}
