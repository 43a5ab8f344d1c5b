import { z } from 'zod';
import { Brief } from './schema.js';

/** The JSON Schema of brief version 1, generated from the zod schema (input side: what a file may hold). */
export function briefJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Brief, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://soanthao.local/schema/brief-v1.json',
    title: 'Ý liệu văn bản (brief), phiên bản 1',
  };
}
