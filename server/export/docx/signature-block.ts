import { AlignmentType, Paragraph, type Table } from 'docx';
import type { DocumentView } from '../../draft/document.js';
import { borderlessTable, split } from './layout.js';
import { textWidth } from './measure.js';
import { PT, text } from './styles.js';

/** Nơi nhận on the left, the signer on the right, as in the decree's sample forms (about 35:65). */
const SIGNATURE_COLUMNS = split(0.35);

/** Empty lines left for the handwritten signature and the seal: 5 lines of 14 pt, about 28 mm. */
const SIGNATURE_SPACE_LINES = 5;

/** Lines left blank for the quyền hạn and chức vụ when staff named no signer (e.g. "TM. …" / "CHỦ TỊCH"). */
const BLANK_SIGNER_LINES = 2;

/** Gap between the body's last line and the block. */
const GAP_BEFORE = 240;

/** "- " at the entries' size: a wrapped entry continues under its text, not under the dash. */
const ENTRY_HANG = Math.round(textWidth('- ', PT.copies));

/**
 * "Nơi nhận:" is level with the first signer line, both at the top of their cells. The signer lines and
 * the name are centred on the right column, whose axis is close to the Quốc hiệu's. Without a signer
 * the lines stay empty for the văn thư to fill in: a guessed authority would be printed as fact.
 */
export function signatureBlock(view: DocumentView): Table {
  const copies = [
    new Paragraph({ spacing: { before: GAP_BEFORE }, children: [text('Nơi nhận:', PT.copiesLabel, { bold: true, italics: true })] }),
    ...view.copies.map((line) => new Paragraph({ indent: { left: ENTRY_HANG, hanging: ENTRY_HANG }, children: [text(line, PT.copies)] })),
  ];
  const lines = view.signer.lines.length > 0 ? view.signer.lines : Array.from({ length: BLANK_SIGNER_LINES }, () => '');
  const signer = [
    ...lines.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: i === 0 ? GAP_BEFORE : 0 },
          children: [text(line, PT.signer, { bold: true })],
        }),
    ),
    ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => new Paragraph({})),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(view.signer.name, PT.signer, { bold: true })] }),
  ];
  return borderlessTable(SIGNATURE_COLUMNS, [[copies, signer]]);
}
