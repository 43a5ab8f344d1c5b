import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';

/**
 * What a model returns for a section, one schema per shape: prose paragraphs, or the items of a dash
 * list (code adds the dashes). One part per numbered sub-section, or a single part when there is none.
 */
export const ProseOutput = z.object({ parts: z.array(z.object({ paragraphs: z.array(z.string()) })) });
export const DashListOutput = z.object({ parts: z.array(z.object({ items: z.array(z.string()) })) });

export interface SectionShapeOutput {
  schema: typeof ProseOutput | typeof DashListOutput;
  format: ReturnType<typeof zodResponseFormat>;
  /** The JSON shape as the prompt shows it. */
  example: string;
  /** The texts of each part, whatever the shape calls them. */
  texts(output: z.infer<typeof ProseOutput> | z.infer<typeof DashListOutput>): string[][];
}

export const SECTION_OUTPUTS: Record<'prose' | 'dash-list', SectionShapeOutput> = {
  prose: {
    schema: ProseOutput,
    format: zodResponseFormat(ProseOutput, 'section_prose'),
    example: '{"parts": [{"paragraphs": ["đoạn 1", "đoạn 2"]}]}',
    texts: (o) => (o as z.infer<typeof ProseOutput>).parts.map((p) => p.paragraphs),
  },
  'dash-list': {
    schema: DashListOutput,
    format: zodResponseFormat(DashListOutput, 'section_dash_list'),
    example: '{"parts": [{"items": ["ý 1", "ý 2"]}]}',
    texts: (o) => (o as z.infer<typeof DashListOutput>).parts.map((p) => p.items),
  },
};

/** What a model returns when it rewrites one paragraph. */
export const ParagraphOutput = z.object({ paragraph: z.string() });
export type ParagraphOutput = z.infer<typeof ParagraphOutput>;

export const PARAGRAPH_FORMAT = zodResponseFormat(ParagraphOutput, 'paragraph');

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

/** Tidies one paragraph: NFC, single spaces, and for a dash list exactly one leading "- " (code owns the dash). */
export function tidyParagraph(text: string, shape: 'prose' | 'dash-list'): string {
  const clean = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (shape !== 'dash-list') return clean;
  return `- ${clean.replace(/^[-–•*+]\s*/u, '')}`;
}
