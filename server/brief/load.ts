import { Brief } from './schema.js';
import { DraftError, issuesOf } from '../errors.js';

/** Parses and validates a brief from JSON text or a parsed value; throws DraftError('bad_input'). */
export function parseBrief(input: unknown): Brief {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      throw new DraftError('bad_input', `Tệp ý liệu không phải JSON hợp lệ: ${(e as Error).message}`, [
        { field: '', message: 'JSON không hợp lệ' },
      ]);
    }
  }
  const result = Brief.safeParse(value);
  if (!result.success) {
    throw new DraftError('bad_input', 'Ý liệu chưa hợp lệ, xin sửa các trường sau', issuesOf(result.error));
  }
  return result.data;
}
