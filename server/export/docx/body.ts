import { AlignmentType, LineRuleType, Paragraph, type Table } from 'docx';
import type { BodyBlock } from '../../draft/document.js';
import { PT, text } from './styles.js';
import { taskTable } from './task-table.js';

/**
 * Phụ lục I §II.6.e: justified, first line indented 1 cm, at least 6 pt between paragraphs, line spacing
 * between single and 1.5 (1.2 here, so a report of a few pages stays readable without running long).
 */
const BODY_PARAGRAPH = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: 567 },
  spacing: { before: 120, after: 0, line: 288, lineRule: LineRuleType.AUTO },
} as const;

/**
 * Headings and subheadings are bold body-size lines with the body's indent, kept with what follows so a
 * heading never ends a page. Text is written as typed: a line starting "- " stays a typed dash, since
 * the decree wants no Word auto-bullets. A task table stands between paragraphs as a ruled table.
 * The last block is kept whole and on the page of what follows it, the signature block: a signature
 * alone on a page could be put under any text.
 */
export function body(blocks: readonly BodyBlock[]): (Paragraph | Table)[] {
  return blocks.map((block, i) => {
    const last = i === blocks.length - 1;
    if (block.kind === 'table') return taskTable(block, { keepWithNext: last });
    const isTitle = block.kind !== 'paragraph';
    return new Paragraph({
      ...BODY_PARAGRAPH,
      keepNext: isTitle || last,
      keepLines: last,
      children: [text(block.text, PT.body, { bold: isTitle })],
    });
  });
}
