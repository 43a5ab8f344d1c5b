import { AlignmentType, Paragraph } from 'docx';
import { PT, text } from './styles.js';


/** Where "Kính gửi:" starts when it heads a list: 3.5 cm, as in the decree's Mẫu 1.5 công văn. */
const LIST_INDENT = 1985;

/** Room after the title's rule, or after a công văn's V/v line. */
const GAP_BEFORE = 240;

/**
 * Widths at the body size, in twips, measured from Liberation Serif (Times New Roman's metrics): the
 * dashes must start where a recipient written on the label's own line would have started.
 */
const LABEL_WIDTH = Math.round(81.95 * PT.body); // "Kính gửi: ", with its space
const DASH_WIDTH = Math.round(11.66 * PT.body); // "- "

/**
 * One recipient goes on the label's line. Several go one per line, "- …;" and the last "- ….", with the
 * dashes lined up just after the label's colon; each line hangs so a wrapped recipient continues under
 * its own text rather than under the dash.
 */
export function kinhGui(lines: readonly string[]): Paragraph[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: GAP_BEFORE },
        keepNext: true,
        children: [text(lines[0]!, PT.body)],
      }),
    ];
  }
  const dashAt = LIST_INDENT + LABEL_WIDTH;
  return [
    new Paragraph({
      indent: { left: LIST_INDENT },
      spacing: { before: GAP_BEFORE },
      keepNext: true,
      children: [text(lines[0]!, PT.body)],
    }),
    ...lines.slice(1).map(
      (line) =>
        new Paragraph({
          indent: { left: dashAt + DASH_WIDTH, hanging: DASH_WIDTH },
          keepNext: true,
          children: [text(line, PT.body)],
        }),
    ),
  ];
}
