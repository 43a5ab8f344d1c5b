import { TextRun, type IBaseParagraphStyleOptions, type IStylesOptions } from 'docx';

/**
 * Nghị định 30 prescribes Times New Roman. Given as a plain string, docx writes it for ascii, hAnsi,
 * eastAsia and cs alike; naming only ascii would let Word pick another font for the Vietnamese letters.
 */
export const FONT = 'Times New Roman';

/** Phụ lục I §I.4: black everywhere, never Word's theme "automatic" or accent colours. */
export const BLACK = '000000';

/** Sizes in points, each inside the range Phụ lục I gives for the element. */
export const PT = {
  parentOrg: 13,
  org: 13,
  // 12 keeps the Quốc hiệu on one line in the 60 % column; the Tiêu ngữ then takes 13 (the usual 12/13 pair).
  nationalTitle: 12,
  motto: 13,
  numberLine: 13,
  dateLine: 13,
  vv: 12,
  typeName: 14,
  subject: 14,
  body: 14,
  // Task tables in 13 pt: the body range's lower end, so five columns fit without breaking every word.
  table: 13,
  copiesLabel: 12,
  copies: 11,
  signer: 14,
  pageNumber: 14,
} as const;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/**
 * Every run carries font, size and colour directly rather than through styles: text copied out of the
 * file into another agency's template keeps the decree's look instead of taking that template's Normal.
 * NFC because text typed on some keyboards arrives decomposed, and Word then stacks the tone marks badly.
 */
export function text(value: string, pt: number, style: RunStyle = {}): TextRun {
  return new TextRun({ text: value.normalize('NFC'), font: FONT, size: pt * 2, color: BLACK, ...style });
}

// docx's built-in heading, caption and hyperlink styles are blue; someone editing the file in Word
// and applying one of them would otherwise bring colour into a document that must stay black.
const black: IBaseParagraphStyleOptions = { run: { color: BLACK } };

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      // Paragraph marks and anything typed later in Word fall back to these.
      run: { font: FONT, size: PT.body * 2, color: BLACK, language: { value: 'vi-VN' } },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    title: black,
    heading1: black,
    heading2: black,
    heading3: black,
    heading4: black,
    heading5: black,
    heading6: black,
    caption: black,
    hyperlink: { run: { color: BLACK, underline: {} } },
  },
};
