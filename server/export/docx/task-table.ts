import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { BodyBlock } from '../../draft/document.js';
import { TEXT_WIDTH } from './layout.js';
import { BLACK, PT, text } from './styles.js';

type TaskTable = Extract<BodyBlock, { kind: 'table' }>;

/**
 * Shares of the text width for TT, Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn: the task takes the
 * most room; a deadline such as "Trước 15/9/2024" fits on one or two lines.
 */
const SHARES = [0.07, 0.37, 0.2, 0.2, 0.16] as const;

/** Single black lines of ½ pt (sz is in eighths of a point): Word's ordinary grid, printed black as Phụ lục I §I.4 wants. */
const LINE = { style: BorderStyle.SINGLE, size: 4, color: BLACK } as const;

/** About 1.5 mm of padding on each side, so text never touches the grid. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 85, right: 85 } as const;

/** Columns whose cells are short values, centred; the others are text, aligned left (justified text gaps badly in a narrow cell). */
const CENTRED = new Set([0, 4]);

function widths(count: number): number[] {
  const shares = count === SHARES.length ? [...SHARES] : Array.from({ length: count }, () => 1 / count);
  const cols = shares.map((s) => Math.floor(TEXT_WIDTH * s));
  // The rounding remainder goes to the widest column, so the table spans the text width exactly.
  const widest = cols.indexOf(Math.max(...cols));
  cols[widest] = cols[widest]! + TEXT_WIDTH - cols.reduce((a, b) => a + b, 0);
  return cols;
}

function cell(value: string, width: number, options: { bold: boolean; centred: boolean; keepNext: boolean }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: options.centred ? AlignmentType.CENTER : AlignmentType.LEFT,
        keepNext: options.keepNext,
        children: [text(value, PT.table, { bold: options.bold })],
      }),
    ],
  });
}

/**
 * A kế hoạch's task table across the text width, ruled all round. The header row is bold and centred and
 * repeats on every page the table runs onto; no row is split across pages, so a task reads whole.
 * `keepWithNext` keeps its last row on the page of what follows (the signature, when the table ends the body).
 */
export function taskTable(block: TaskTable, options: { keepWithNext: boolean } = { keepWithNext: false }): Table {
  const cols = widths(block.columns.length);
  const row = (cells: readonly string[], header: boolean, keepNext = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((value, i) => cell(value, cols[i]!, { bold: header, centred: header || CENTRED.has(i), keepNext })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [row(block.columns, true), ...block.rows.map((r, i) => row(r, false, options.keepWithNext && i === block.rows.length - 1))],
  });
}
