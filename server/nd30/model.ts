/**
 * What the checker knows about a .docx after reading it: paragraphs with their effective run
 * formatting (styles and defaults resolved), tables, and page sections with their headers.
 * Lengths are in twips (1/20 pt, 1/1440 inch) unless the name says otherwise.
 */

export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface RunInfo {
  text: string;
  /** Range [start, end) of this run within the paragraph text. */
  start: number;
  end: number;
  /** Font used for ASCII characters (w:ascii), after styles and the theme are resolved. */
  fontAscii: string | null;
  /** Font used for other characters, among them Vietnamese letters (w:hAnsi). */
  fontHAnsi: string | null;
  /** Size in points; null when no size is given anywhere (Word then uses 10 pt). */
  sizePt: number | null;
  bold: boolean;
  italic: boolean;
  /** The run is the visible result of a field (PAGE, DATE…). */
  fieldResult: boolean;
  /**
   * Colour the run prints in, other than black: `FF0000`, or a theme colour's name (`accent1`); null
   * for black or automatic (which prints black on white paper).
   */
  color: string | null;
}

export interface CellRef {
  /** Index into `DocxModel.tables` (or the part's tables) of the innermost table. */
  table: number;
  row: number;
  cell: number;
  /** Width of the cell in twips, from the cell or the table grid; null when the file does not say. */
  width?: number | null;
}

export interface ParagraphInfo {
  /** 0-based index in document order within its part (body, or one header/footer). */
  index: number;
  text: string;
  styleId: string | null;
  alignment: Alignment | null;
  indent: { left: number; right: number; firstLine: number; hanging: number };
  runs: RunInfo[];
  /** Bullet character of an automatic list (`-`, `•`…), or the level text of a numbered list (`%1.`). */
  listLabel: string | null;
  cell: CellRef | null;
  /** Field instructions that start in this paragraph, e.g. `PAGE`, `PAGE \* MERGEFORMAT`. */
  fields: string[];
  /** Index into `DocxModel.sections`; header and footer paragraphs take their owner's first use. */
  section: number;
  /** Line spacing (w:spacing line, lineRule); null when nothing sets it (single). `line` is in 240ths of a line for `auto`, else twips. */
  lineSpacing: { line: number; rule: 'auto' | 'exact' | 'atLeast' } | null;
  /** Space before and after the paragraph, in twips (0 when nothing sets it). */
  paragraphSpacing: { before: number; after: number };
  /** Paragraph borders drawn above and below (a short rule is often an empty paragraph with one). */
  border: { top: boolean; bottom: boolean };
  /** Straight lines drawn as shapes anchored in the paragraph (another way to draw the header rules). */
  lineShapes: number;
  /** The paragraph stands in a text box (w:txbxContent) anchored in the paragraph before it. */
  inTextBox: boolean;
}

export interface TableInfo {
  index: number;
  /** Index of the table this one is nested in, or null for a table at top level. */
  parent: number | null;
  rows: number;
  /** Largest number of cells in a row. */
  cols: number;
  /** Any table or cell border drawn (a border whose value is not none/nil). */
  bordersVisible: boolean;
  /** Range of paragraph indexes [first, last] inside the table, nested tables included; -1 when empty. */
  firstParagraph: number;
  lastParagraph: number;
}

export interface PartInfo {
  /** Path inside the zip, e.g. `word/header1.xml`. */
  path: string;
  paragraphs: ParagraphInfo[];
  tables: TableInfo[];
}

export interface Margins {
  top: number | null;
  bottom: number | null;
  left: number | null;
  right: number | null;
  header: number | null;
  footer: number | null;
  gutter: number;
}

export type HeaderKind = 'default' | 'first' | 'even';

export interface SectionInfo {
  index: number;
  pageWidth: number | null;
  pageHeight: number | null;
  orientation: 'portrait' | 'landscape' | null;
  margins: Margins;
  /** Different first page (w:titlePg). */
  titlePg: boolean;
  /** Headers and footers in effect, inherited from the previous section where not given. */
  headers: Partial<Record<HeaderKind, PartInfo>>;
  footers: Partial<Record<HeaderKind, PartInfo>>;
  /** Body paragraph range [first, last] of the section; -1 when empty. */
  firstParagraph: number;
  lastParagraph: number;
}

export interface DocxModel {
  paragraphs: ParagraphInfo[];
  tables: TableInfo[];
  sections: SectionInfo[];
}
