import { AlignmentType, Paragraph, type Table } from 'docx';
import type { DocumentView } from '../../draft/document.js';
import { borderlessTable, rule, shortRule, split } from './layout.js';
import { keepNamesTogether, noLoneLastWord } from '../../text/line-breaks.js';
import { textWidth, widestLine } from './measure.js';
import { PT, text, type RunStyle } from './styles.js';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** ASCII hyphens with spaces, as Phụ lục I §II.1.b writes it; an en dash is a common mistake. */
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Tên cơ quan on the left, Quốc hiệu on the right, in the 40:60 split of the decree's sample forms. */
const HEADER_COLUMNS = split(0.4);

function centred(value: string, pt: number, style: RunStyle = {}, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children: [text(value, pt, style)] });
}

/**
 * The page-1 header as a 2×2 table. Số and the date share the second row so they sit on the same line
 * however many lines the names above them wrap to, which Phụ lục I §II.4 requires. Names wrap only
 * between their word groups; the rule under the issuing body takes its length from the body's name as
 * it wraps in the column, and the rule under the Tiêu ngữ is exactly as long as the Tiêu ngữ.
 */
export function headerBlock(view: DocumentView): Table {
  const { header } = view;
  const [left, right] = HEADER_COLUMNS;
  const org = keepNamesTogether(header.org);

  const orgCell = [
    ...(header.parentOrg ? [centred(keepNamesTogether(header.parentOrg), PT.parentOrg)] : []),
    centred(org, PT.org, { bold: true }),
    shortRule(widestLine(org, PT.org, true, left), left),
  ];
  const nationCell = [
    centred(NATIONAL_TITLE, PT.nationalTitle, { bold: true }),
    centred(MOTTO, PT.motto, { bold: true }),
    rule(Math.round(textWidth(MOTTO, PT.motto, true)), right),
  ];
  const numberCell = [
    centred(header.numberLine, PT.numberLine),
    // A công văn has no tên loại: its trích yếu stands under Số, 6 pt below it.
    ...(view.template.vv ? [centred(noLoneLastWord(header.subject), PT.vv, {}, 120)] : []),
  ];
  const dateCell = [centred(header.dateLine, PT.dateLine, { italics: true })];

  return borderlessTable(HEADER_COLUMNS, [
    [orgCell, nationCell],
    [numberCell, dateCell],
  ]);
}
