import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What a provider (or a file of texts) wrote for one case: each section's text, paragraphs
 * separated by a blank line, numbered sub-headings of parts kept as lines, the `I.`/`II.`
 * headings apart. The reference texts have the same shape, so both are scored alike.
 */
export interface CaseOutput {
  sections: Record<string, string>;
  /** Printed headings per section key (`I. KẾT QUẢ THỰC HIỆN`), when the draft came from the drafting service. */
  headings?: Record<string, string>;
}

export function paragraphsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\n[ \t]*\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const OutputsFile = z.record(z.string(), z.record(z.string(), z.string()));

/** Reads `--outputs`: case id -> section key -> text. */
export function readOutputsFile(file: string): Map<string, CaseOutput> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được tệp văn bản ${file}: ${(e as Error).message}`);
  }
  const parsed = OutputsFile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Tệp ${file} phải là đối tượng JSON: mã tình huống -> { khóa mục -> văn bản }`);
  }
  const outputs = new Map<string, CaseOutput>();
  for (const [id, sections] of Object.entries(parsed.data)) {
    outputs.set(id, { sections: Object.fromEntries(Object.entries(sections).map(([k, t]) => [k, t.normalize('NFC')])) });
  }
  return outputs;
}
