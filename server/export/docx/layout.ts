import { BorderStyle, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { BLACK } from './styles.js';

/** A4 in twips, written out: convertMillimetersToTwip(210) rounds to 11905. */
export const PAGE_SIZE = { width: 11906, height: 16838 } as const;

/** The minimum of each Phụ lục I §I.3 range (20/20/30/15 mm); the page number sits 10 mm from the top. */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567 } as const;

export const TEXT_WIDTH = PAGE_SIZE.width - MARGIN.left - MARGIN.right;

/** Columns in twips for a table spanning the text width, the left one taking `leftShare` of it. */
export function split(leftShare: number): [number, number] {
  const left = Math.round(TEXT_WIDTH * leftShare);
  return [left, TEXT_WIDTH - left];
}

/**
 * Share of the text line above taken by the short rules under the issuing body and under the trích yếu:
 * Phụ lục I §II.2.b and §II.5.b want 1/3 to 1/2 of that line; the middle leaves room for the renderer's
 * own rounding either way.
 */
export const SHORT_RULE = 0.4;

/** The short rule under text whose widest line is `lineWidth` twips, centred in a box `within` twips wide. */
export function shortRule(lineWidth: number, within: number): Paragraph {
  return rule(Math.round(lineWidth * SHORT_RULE), within);
}

/**
 * A centred horizontal rule `length` twips long inside a box `within` twips wide: an empty paragraph whose
 * top border is narrowed by its indents. Unlike a drawn shape it stays in place when the text above reflows.
 * The 4 pt above keeps it clear of descenders, so it reads as a rule rather than an underline.
 */
export function rule(length: number, within: number): Paragraph {
  const side = Math.round((within - length) / 2);
  return new Paragraph({
    spacing: { before: 80 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
  });
}

/**
 * A layout table with no visible lines. Cell padding is zero so that text centred in a cell is centred on
 * the column the decree measures, and the left column's text starts at the margin like the body.
 * Rows never split, so a block such as the signature stays on one page.
 */
export function borderlessTable(columnWidths: readonly [number, number], rows: readonly (readonly [Paragraph[], Paragraph[]])[]): Table {
  return new Table({
    width: { size: columnWidths[0] + columnWidths[1], type: WidthType.DXA },
    columnWidths: [...columnWidths],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: columnWidths[i]!, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.TOP,
                children,
              }),
          ),
        }),
    ),
  });
}
