import { z } from 'zod';
import type OpenAI from 'openai';
import type { TemplateSection } from '../../template/schema.js';

/** Servers that follow the schema strictly (vLLM, llama.cpp) cannot return a part more or fewer. */
type JsonSchema = Record<string, unknown>;

/**
 * A text of the answer. Its length is asked for in the prompt and judged by a finding, not bound here:
 * OpenAI's strict mode refuses minLength and maxLength, while it keeps minItems and maxItems.
 */
const TEXT: JsonSchema = { type: 'string' };

/** The name the texts of a part go under: paragraphs of prose, or the items of a dash list (code adds the dashes). */
export const itemsKey = (shape: TemplateSection['shape']) => (shape === 'dash-list' ? 'items' : 'paragraphs');

/** The exact shape of a section's answer: `partCount` parts (minItems = maxItems), each with one to `maxParagraphs` texts. */
export function sectionFormat(shape: TemplateSection['shape'], partCount: number, maxParagraphs: number): OpenAI.ResponseFormatJSONSchema {
  const key = itemsKey(shape);
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['parts'],
    properties: {
      parts: {
        type: 'array',
        minItems: partCount,
        maxItems: partCount,
        items: {
          type: 'object',
          additionalProperties: false,
          required: [key],
          properties: { [key]: { type: 'array', minItems: 1, maxItems: maxParagraphs, items: TEXT } },
        },
      },
    },
  };
  return { type: 'json_schema', json_schema: { name: shape === 'dash-list' ? 'section_dash_list' : 'section_prose', strict: true, schema } };
}

export function paragraphFormat(): OpenAI.ResponseFormatJSONSchema {
  const schema: JsonSchema = { type: 'object', additionalProperties: false, required: ['paragraph'], properties: { paragraph: TEXT } };
  return { type: 'json_schema', json_schema: { name: 'paragraph', strict: true, schema } };
}

/** Lenient readers of the same shapes: the count and the bounds are judged by the pipeline, with a message. */
export const SectionOutput = z.object({
  parts: z.array(z.union([z.object({ paragraphs: z.array(z.string()) }), z.object({ items: z.array(z.string()) })])),
});
export const ParagraphOutput = z.object({ paragraph: z.string() });

export function sectionTexts(output: z.infer<typeof SectionOutput>): string[][] {
  return output.parts.map((p) => ('paragraphs' in p ? p.paragraphs : p.items));
}

/** The model's answer could not be used; the message says why, in Vietnamese, for staff and for the repair prompt. */
export class BadOutput extends Error {}

/**
 * Parses a model's answer leniently: servers that ignore `response_format` wrap JSON in a code fence
 * or add text around it. Prose with no JSON object at all is a BadOutput.
 */
export function parseLenient<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  const trimmed = text.trim().replace(/^```(?:json)?\s*/iu, '').replace(/\s*```\s*$/u, '');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) throw new BadOutput('Câu trả lời không phải JSON: cần đúng một đối tượng JSON theo lược đồ.');
    try {
      value = JSON.parse(trimmed.slice(start, end + 1));
    } catch (e) {
      throw new BadOutput(`JSON trong câu trả lời bị lỗi cú pháp (${(e as Error).message}).`);
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new BadOutput(`JSON không đúng lược đồ: ${where}.`);
  }
  return result.data;
}
