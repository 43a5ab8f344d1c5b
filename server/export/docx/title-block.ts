import { AlignmentType, Paragraph } from 'docx';
import type { DocumentView } from '../../draft/document.js';
import { shortRule, TEXT_WIDTH } from './layout.js';
import { noLoneLastWord } from '../../text/line-breaks.js';
import { widestLine } from './measure.js';
import { PT, text } from './styles.js';

/** Room between the header table and the title, so the title reads as its own block. */
const GAP_BEFORE_TITLE = 360;

function centredBold(value: string, pt: number, before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before },
    keepNext: true,
    children: [text(value, pt, { bold: true })],
  });
}

/**
 * Tên loại and trích yếu, centred on the page with a short rule below, as long as a share of the
 * trích yếu's widest line. A công văn has neither here: its `V/v …` line belongs to the header's left column.
 */
export function titleBlock(view: DocumentView): Paragraph[] {
  if (view.template.vv) return [];
  const { typeName, subject } = view.header;
  const trichYeu = noLoneLastWord(subject);
  return [
    ...(typeName ? [centredBold(typeName, PT.typeName, GAP_BEFORE_TITLE)] : []),
    centredBold(trichYeu, PT.subject, typeName ? 0 : GAP_BEFORE_TITLE),
    shortRule(widestLine(trichYeu, PT.subject, true, TEXT_WIDTH), TEXT_WIDTH),
  ];
}
