/**
 * Reads any .docx (not only soanthao's own) into the small model the Nghị định 30 rules work on:
 * paragraphs with effective run formatting (docDefaults → table style → paragraph style →
 * character style → direct formatting, theme fonts resolved), tables, and page sections with
 * their headers and footers. Unknown markup is skipped, never fatal.
 */
import { DocxCheckError } from './errors.js';
import type {
  Alignment,
  CellRef,
  DocxModel,
  HeaderKind,
  Margins,
  ParagraphInfo,
  PartInfo,
  RunInfo,
  SectionInfo,
  TableInfo,
} from './model.js';
import { readDocxIsolated } from './docx-reader.js';
import { dirOf, openPackage, relByType, type MalformedPart, type Package } from './package.js';
import { child, childrenNamed, childVal, elements, textOf, type XElement } from './xml.js';

export { MAX_DOCX_BYTES } from './package.js';

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_STYLES = '/styles';
const REL_NUMBERING = '/numbering';
const REL_THEME = '/theme';

// ---------------------------------------------------------------------------------------------
// Property parsing

/** An ST_OnOff value: absent means on. */
function onOff(v: string | undefined): boolean {
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}

function toggle(el: XElement | null): boolean | undefined {
  return el ? onOff(el.attrs['w:val']) : undefined;
}

/** A length in twips; accepts plain numbers and the universal measures of strict OOXML. */
function twips(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  // Trimmed first: white space on both sides of an optional unit would make the pattern quadratic.
  const m = /^(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?$/.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'mm':
      return Math.round((n * 1440) / 25.4);
    case 'cm':
      return Math.round((n * 1440) / 2.54);
    case 'in':
      return Math.round(n * 1440);
    case 'pt':
      return Math.round(n * 20);
    case 'pc':
    case 'pi':
      return Math.round(n * 240);
    default:
      return Math.round(n);
  }
}

interface Theme {
  major: { latin: string | null; ea: string | null; cs: string | null };
  minor: { latin: string | null; ea: string | null; cs: string | null };
}

function parseTheme(root: XElement | null): Theme {
  const scheme = root ? findFirst(root, 'a:fontScheme') : null;
  const pick = (name: string) => {
    const f = child(scheme, name);
    const face = (n: string) => child(f, n)?.attrs.typeface || null;
    return { latin: face('a:latin'), ea: face('a:ea'), cs: face('a:cs') };
  };
  return { major: pick('a:majorFont'), minor: pick('a:minorFont') };
}

function findFirst(el: XElement, name: string): XElement | null {
  for (const c of elements(el)) {
    if (c.name === name) return c;
    const d = findFirst(c, name);
    if (d) return d;
  }
  return null;
}

function themeFont(theme: Theme, ref: string | undefined): string | null {
  if (!ref) return null;
  const group = ref.startsWith('major') ? theme.major : ref.startsWith('minor') ? theme.minor : null;
  if (!group) return null;
  if (ref.endsWith('EastAsia')) return group.ea;
  if (ref.endsWith('Bidi')) return group.cs;
  return group.latin;
}

interface RProps {
  ascii?: string | null;
  hAnsi?: string | null;
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  hidden?: boolean;
}

function parseRPr(rPr: XElement | null, theme: Theme): RProps {
  const out: RProps = {};
  if (!rPr) return out;
  const fonts = child(rPr, 'w:rFonts');
  if (fonts) {
    const slot = (nameAttr: string, themeAttr: string): string | null | undefined => {
      const t = fonts.attrs[themeAttr];
      if (t) {
        const f = themeFont(theme, t);
        if (f) return f;
      }
      const n = fonts.attrs[nameAttr];
      return n === undefined ? (t ? null : undefined) : n.trim();
    };
    const a = slot('w:ascii', 'w:asciiTheme');
    const h = slot('w:hAnsi', 'w:hAnsiTheme');
    if (a !== undefined) out.ascii = a;
    if (h !== undefined) out.hAnsi = h;
  }
  const sz = childVal(rPr, 'w:sz');
  if (sz !== null && /^\d+(\.\d+)?$/.test(sz)) out.sizePt = Number(sz) / 2;
  const b = toggle(child(rPr, 'w:b'));
  if (b !== undefined) out.bold = b;
  const i = toggle(child(rPr, 'w:i'));
  if (i !== undefined) out.italic = i;
  const v = toggle(child(rPr, 'w:vanish'));
  if (v !== undefined) out.hidden = v;
  return out;
}

interface PProps {
  jc?: Alignment;
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  numId?: string;
  ilvl?: number;
}

function alignmentOf(v: string | null): Alignment | undefined {
  switch (v) {
    case null:
      return undefined;
    case 'left':
    case 'start':
      return 'left';
    case 'right':
    case 'end':
      return 'right';
    case 'center':
      return 'center';
    default:
      // both, distribute, thaiDistribute, *Kashida: all justified.
      return 'both';
  }
}

function parsePPr(pPr: XElement | null): PProps {
  const out: PProps = {};
  if (!pPr) return out;
  const jc = alignmentOf(childVal(pPr, 'w:jc'));
  if (jc) out.jc = jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const left = twips(ind.attrs['w:left'] ?? ind.attrs['w:start']);
    const right = twips(ind.attrs['w:right'] ?? ind.attrs['w:end']);
    const firstLine = twips(ind.attrs['w:firstLine']);
    const hanging = twips(ind.attrs['w:hanging']);
    if (left !== null) out.left = left;
    if (right !== null) out.right = right;
    if (firstLine !== null) {
      out.firstLine = firstLine;
      out.hanging = 0;
    }
    if (hanging !== null) {
      out.hanging = hanging;
      if (firstLine === null) out.firstLine = 0;
    }
  }
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = childVal(numPr, 'w:numId');
    const ilvl = childVal(numPr, 'w:ilvl');
    if (numId !== null) out.numId = numId;
    if (ilvl !== null && /^\d+$/.test(ilvl)) out.ilvl = Number(ilvl);
  }
  return out;
}

const BORDER_SIDES = ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV', 'w:start', 'w:end'];

/** Visible (true) or hidden (false) per border side that the element sets. */
function parseBorders(el: XElement | null): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const side of BORDER_SIDES) {
    const b = child(el, side);
    if (!b) continue;
    const v = (b.attrs['w:val'] ?? '').toLowerCase();
    out[side] = v !== '' && v !== 'none' && v !== 'nil';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering

interface StyleDef {
  id: string;
  type: string;
  basedOn: string | null;
  pPr: PProps;
  rPr: RProps;
  tblBorders: Record<string, boolean>;
}

class Styles {
  readonly byId = new Map<string, StyleDef>();
  defaultRPr: RProps = {};
  defaultPPr: PProps = {};
  defaultParagraphStyle: string | null = null;
  defaultTableStyle: string | null = null;

  constructor(root: XElement | null, theme: Theme) {
    if (!root) return;
    const defaults = child(root, 'w:docDefaults');
    this.defaultRPr = parseRPr(child(child(defaults, 'w:rPrDefault'), 'w:rPr'), theme);
    this.defaultPPr = parsePPr(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    for (const s of childrenNamed(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      const type = s.attrs['w:type'] ?? 'paragraph';
      const def: StyleDef = {
        id,
        type,
        basedOn: childVal(s, 'w:basedOn'),
        pPr: parsePPr(child(s, 'w:pPr')),
        rPr: parseRPr(child(s, 'w:rPr'), theme),
        tblBorders: parseBorders(child(child(s, 'w:tblPr'), 'w:tblBorders')),
      };
      this.byId.set(id, def);
      if (s.attrs['w:default'] !== undefined && onOff(s.attrs['w:default'])) {
        if (type === 'paragraph' && this.defaultParagraphStyle === null) this.defaultParagraphStyle = id;
        if (type === 'table' && this.defaultTableStyle === null) this.defaultTableStyle = id;
      }
    }
  }

  /** The style and its bases, base first. */
  chain(id: string | null): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    let cur = id;
    while (cur !== null && !seen.has(cur) && out.length < 32) {
      seen.add(cur);
      const s = this.byId.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }
}

interface Level {
  fmt: string;
  text: string;
}

class Numbering {
  private readonly nums = new Map<string, Map<number, Level>>();

  constructor(root: XElement | null) {
    if (!root) return;
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id !== undefined) abstracts.set(id, levelsOf(a));
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      if (id === undefined) continue;
      const levels = new Map(abstracts.get(childVal(n, 'w:abstractNumId') ?? '') ?? []);
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        for (const [k, v] of levelsOf(o)) levels.set(k, v);
      }
      this.nums.set(id, levels);
    }
  }

  label(numId: string | undefined, ilvl: number | undefined): string | null {
    if (numId === undefined || numId === '0') return null;
    const lvl = this.nums.get(numId)?.get(ilvl ?? 0);
    if (!lvl || lvl.fmt === 'none') return null;
    if (lvl.fmt === 'bullet') return SYMBOL_BULLETS[lvl.text] ?? lvl.text;
    return lvl.text;
  }
}

/** Private-use characters of the Symbol and Wingdings fonts that Word uses as bullets. */
const SYMBOL_BULLETS: Record<string, string> = {
  '\uF0B7': '•',
  '\uF02D': '-',
  '\uF0A7': '▪',
  '\uF0D8': '➢',
  '\uF0FC': '✓',
  '\uF076': '❖',
};

function levelsOf(el: XElement): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const l of childrenNamed(el, 'w:lvl')) {
    const ilvl = Number(l.attrs['w:ilvl'] ?? '0');
    out.set(ilvl, { fmt: childVal(l, 'w:numFmt') ?? 'decimal', text: childVal(l, 'w:lvlText') ?? '' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Walking a part (body, header or footer)

interface Field {
  instr: string;
  phase: 'instr' | 'result';
  para: ParagraphInfo;
  recorded: boolean;
}

interface BlockContext {
  cell: CellRef | null;
  tableStyle: string | null;
}

interface SectionBreak {
  sectPr: XElement;
  lastParagraph: number;
}

class PartWalker {
  readonly paragraphs: ParagraphInfo[] = [];
  readonly tables: TableInfo[] = [];
  readonly breaks: SectionBreak[] = [];
  private fields: Field[] = [];
  /** Open fields still in their instruction, counted so a run need not scan the stack (a hostile file nests thousands). */
  private inInstr = 0;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly theme: Theme,
  ) {}

  blocks(container: XElement | null, ctx: BlockContext): void {
    for (const c of elements(container)) {
      switch (c.name) {
        case 'w:p':
          this.paragraph(c, ctx);
          break;
        case 'w:tbl':
          this.table(c, ctx);
          break;
        case 'w:sdt':
          this.blocks(child(c, 'w:sdtContent'), ctx);
          break;
        case 'w:customXml':
        case 'w:smartTag':
        case 'w:ins':
        case 'w:moveTo':
          this.blocks(c, ctx);
          break;
        default:
          break;
      }
    }
  }

  private table(tbl: XElement, ctx: BlockContext): void {
    const tblPr = child(tbl, 'w:tblPr');
    const styleId = childVal(tblPr, 'w:tblStyle') ?? this.styles.defaultTableStyle;
    const borders: Record<string, boolean> = {};
    for (const s of this.styles.chain(styleId)) Object.assign(borders, s.tblBorders);
    Object.assign(borders, parseBorders(child(tblPr, 'w:tblBorders')));
    let visible = Object.values(borders).some(Boolean);

    const info: TableInfo = {
      index: this.tables.length,
      parent: ctx.cell?.table ?? null,
      rows: 0,
      cols: 0,
      bordersVisible: false,
      firstParagraph: -1,
      lastParagraph: -1,
    };
    this.tables.push(info);
    const before = this.paragraphs.length;
    const rows = flatten(tbl, 'w:tr');
    rows.forEach((tr, r) => {
      const cells = flatten(tr, 'w:tc');
      info.cols = Math.max(info.cols, cells.length);
      cells.forEach((tc, c) => {
        const cellBorders = parseBorders(child(child(tc, 'w:tcPr'), 'w:tcBorders'));
        if (Object.values(cellBorders).some(Boolean)) visible = true;
        this.blocks(tc, { cell: { table: info.index, row: r, cell: c }, tableStyle: styleId });
      });
    });
    info.rows = rows.length;
    info.bordersVisible = visible;
    if (this.paragraphs.length > before) {
      info.firstParagraph = before;
      info.lastParagraph = this.paragraphs.length - 1;
    }
  }

  private paragraph(p: XElement, ctx: BlockContext): void {
    const pPrEl = child(p, 'w:pPr');
    const direct = parsePPr(pPrEl);
    const styleId = childVal(pPrEl, 'w:pStyle') ?? this.styles.defaultParagraphStyle;
    const pChain = this.styles.chain(styleId);
    const tChain = ctx.tableStyle ? this.styles.chain(ctx.tableStyle) : [];
    const ppr: PProps = Object.assign({}, this.styles.defaultPPr, ...tChain.map((s) => s.pPr), ...pChain.map((s) => s.pPr), direct);
    const baseR: RProps = Object.assign({}, this.styles.defaultRPr, ...tChain.map((s) => s.rPr), ...pChain.map((s) => s.rPr));

    const para: ParagraphInfo = {
      index: this.paragraphs.length,
      text: '',
      styleId,
      alignment: ppr.jc ?? null,
      indent: { left: ppr.left ?? 0, right: ppr.right ?? 0, firstLine: ppr.firstLine ?? 0, hanging: ppr.hanging ?? 0 },
      runs: [],
      listLabel: this.numbering.label(ppr.numId, ppr.ilvl),
      cell: ctx.cell,
      fields: [],
      section: 0,
    };
    this.paragraphs.push(para);
    this.inline(p, para, baseR, false);
    para.text = para.runs.map((r) => r.text).join('');
    const sectPr = child(pPrEl, 'w:sectPr');
    if (sectPr && ctx.cell === null) this.breaks.push({ sectPr, lastParagraph: para.index });
  }

  private inline(container: XElement | null, para: ParagraphInfo, baseR: RProps, inSimpleField: boolean): void {
    for (const c of elements(container)) {
      switch (c.name) {
        case 'w:r':
          this.run(c, para, baseR, inSimpleField);
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.inline(c, para, baseR, inSimpleField);
          break;
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent'), para, baseR, inSimpleField);
          break;
        case 'w:fldSimple': {
          const instr = (c.attrs['w:instr'] ?? '').trim();
          if (instr) para.fields.push(instr);
          this.inline(c, para, baseR, true);
          break;
        }
        default:
          // w:del, w:moveFrom (deleted text), bookmarks, math, proofing marks: not displayed text.
          break;
      }
    }
  }

  private run(r: XElement, para: ParagraphInfo, baseR: RProps, inSimpleField: boolean): void {
    const rPrEl = child(r, 'w:rPr');
    const rStyle = childVal(rPrEl, 'w:rStyle');
    const cChain = rStyle ? this.styles.chain(rStyle) : [];
    const eff: RProps = Object.assign({}, baseR, ...cChain.map((s) => s.rPr), parseRPr(rPrEl, this.theme));

    let buf = '';
    let bufIsField = false;
    const flush = () => {
      if (buf === '') return;
      const text = buf.normalize('NFC');
      const start = para.runs.length ? para.runs[para.runs.length - 1]!.end : 0;
      const info: RunInfo = {
        text,
        start,
        end: start + text.length,
        fontAscii: eff.ascii ?? null,
        fontHAnsi: eff.hAnsi ?? eff.ascii ?? null,
        sizePt: eff.sizePt ?? null,
        bold: eff.bold ?? false,
        italic: eff.italic ?? false,
        fieldResult: bufIsField,
      };
      para.runs.push(info);
      buf = '';
    };
    const append = (s: string) => {
      if (eff.hidden) return;
      if (this.inInstr > 0) return;
      const isField = inSimpleField || this.fields.length > 0;
      if (buf !== '' && isField !== bufIsField) flush();
      bufIsField = isField;
      buf += s;
    };

    for (const c of elements(r)) {
      switch (c.name) {
        case 'w:t':
          append(textOf(c));
          break;
        case 'w:tab':
        case 'w:ptab':
          append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
        case 'w:noBreakHyphen':
          append('-');
          break;
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType'];
          if (type === 'begin') {
            flush();
            this.fields.push({ instr: '', phase: 'instr', para, recorded: false });
            this.inInstr++;
          } else if (type === 'separate') {
            const f = this.fields[this.fields.length - 1];
            if (f) {
              if (f.phase === 'instr') this.inInstr--;
              f.phase = 'result';
              this.record(f);
            }
          } else if (type === 'end') {
            flush();
            const f = this.fields.pop();
            if (f?.phase === 'instr') this.inInstr--;
            if (f) this.record(f);
          }
          break;
        }
        case 'w:instrText': {
          const f = this.fields[this.fields.length - 1];
          if (f && f.phase === 'instr') f.instr += textOf(c);
          break;
        }
        default:
          // w:delText, w:drawing, w:pict, w:object, mc:AlternateContent, w:sym, w:softHyphen…
          break;
      }
    }
    flush();
  }

  private record(f: Field): void {
    if (f.recorded) return;
    f.recorded = true;
    const instr = f.instr.trim();
    if (instr) f.para.fields.push(instr);
  }
}

/** Children with a name, looking through content controls and custom XML wrappers (rows, cells). */
function flatten(el: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt') out.push(...flatten(child(c, 'w:sdtContent') ?? c, name));
    else if (c.name === 'w:customXml') out.push(...flatten(c, name));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Entry point

/** What reading a .docx gives: the model, and the parts that are not well-formed XML. */
export interface DocxReading {
  model: DocxModel;
  malformed: MalformedPart[];
}

/**
 * Opens a .docx and reads its model, in a worker with time and memory bounds (the file may come
 * from anyone); throws DocxCheckError on anything that is not a readable .docx.
 */
export async function readDocx(buf: Uint8Array): Promise<DocxModel> {
  return (await readDocxIsolated(buf)).model;
}

/** Reads a .docx in the calling thread: the worker's job. Callers with an uploaded file use readDocx. */
export async function readDocxHere(buf: Uint8Array): Promise<DocxReading> {
  const pkg = openPackage(buf);
  const model = await readModel(pkg);
  pkg.readRest();
  return { model, malformed: pkg.malformed };
}

async function readModel(pkg: Package): Promise<DocxModel> {
  let mainPath = 'word/document.xml';
  const pkgRels = await pkg.rels('');
  mainPath = relByType(pkgRels, REL_OFFICE_DOCUMENT) ?? mainPath;
  if (!pkg.file(mainPath)) mainPath = 'word/document.xml';
  const docRoot = await pkg.xml(mainPath);
  const body = child(docRoot, 'w:body');
  if (!docRoot || docRoot.name !== 'w:document' || !body) {
    throw new DocxCheckError('not_word', 'Tệp nén không chứa văn bản Word (thiếu word/document.xml); đây không phải tệp .docx.');
  }

  const rels = await pkg.rels(mainPath);
  const mainDir = dirOf(mainPath);
  const theme = parseTheme(await pkg.xml(relByType(rels, REL_THEME) ?? `${mainDir}theme/theme1.xml`));
  const styles = new Styles(await pkg.xml(relByType(rels, REL_STYLES) ?? `${mainDir}styles.xml`), theme);
  const numbering = new Numbering(await pkg.xml(relByType(rels, REL_NUMBERING) ?? `${mainDir}numbering.xml`));

  const walker = new PartWalker(styles, numbering, theme);
  walker.blocks(body, { cell: null, tableStyle: null });

  // Sections: each break closes a section; the body's own sectPr closes the last one.
  const sectPrs: SectionBreak[] = [...walker.breaks];
  const finalSectPr = child(body, 'w:sectPr');
  const lastIndex = walker.paragraphs.length - 1;
  if (finalSectPr || sectPrs.length === 0 || sectPrs[sectPrs.length - 1]!.lastParagraph < lastIndex) {
    sectPrs.push({ sectPr: finalSectPr ?? { name: 'w:sectPr', attrs: {}, children: [] }, lastParagraph: lastIndex });
  }

  const partCache = new Map<string, PartInfo | null>();
  const readPart = async (relId: string | undefined): Promise<PartInfo | null> => {
    const rel = relId ? rels.get(relId) : undefined;
    if (!rel || rel.external) return null;
    if (partCache.has(rel.target)) return partCache.get(rel.target)!;
    const root = await pkg.xml(rel.target);
    let part: PartInfo | null = null;
    if (root) {
      const w = new PartWalker(styles, numbering, theme);
      w.blocks(root, { cell: null, tableStyle: null });
      part = { path: rel.target, paragraphs: w.paragraphs, tables: w.tables };
    }
    partCache.set(rel.target, part);
    return part;
  };

  const sections: SectionInfo[] = [];
  let first = 0;
  for (const [i, br] of sectPrs.entries()) {
    const s = br.sectPr;
    const pgSz = child(s, 'w:pgSz');
    const pgMar = child(s, 'w:pgMar');
    const w = twips(pgSz?.attrs['w:w']);
    const h = twips(pgSz?.attrs['w:h']);
    const orient = pgSz?.attrs['w:orient'];
    const margins: Margins = {
      top: twips(pgMar?.attrs['w:top']),
      bottom: twips(pgMar?.attrs['w:bottom']),
      left: twips(pgMar?.attrs['w:left']),
      right: twips(pgMar?.attrs['w:right']),
      header: twips(pgMar?.attrs['w:header']),
      footer: twips(pgMar?.attrs['w:footer']),
      gutter: twips(pgMar?.attrs['w:gutter']) ?? 0,
    };
    const prev = sections[i - 1];
    const headers: SectionInfo['headers'] = { ...(prev?.headers ?? {}) };
    const footers: SectionInfo['footers'] = { ...(prev?.footers ?? {}) };
    for (const ref of childrenNamed(s, 'w:headerReference')) {
      const kind = (ref.attrs['w:type'] ?? 'default') as HeaderKind;
      const part = await readPart(ref.attrs['r:id']);
      if (part) headers[kind] = part;
      else delete headers[kind];
    }
    for (const ref of childrenNamed(s, 'w:footerReference')) {
      const kind = (ref.attrs['w:type'] ?? 'default') as HeaderKind;
      const part = await readPart(ref.attrs['r:id']);
      if (part) footers[kind] = part;
      else delete footers[kind];
    }
    const last = br.lastParagraph;
    sections.push({
      index: i,
      pageWidth: w,
      pageHeight: h,
      orientation: orient === 'landscape' ? 'landscape' : orient === 'portrait' ? 'portrait' : w !== null && h !== null ? (w > h ? 'landscape' : 'portrait') : null,
      margins,
      titlePg: toggle(child(s, 'w:titlePg')) ?? false,
      headers,
      footers,
      firstParagraph: last >= first ? first : -1,
      lastParagraph: last >= first ? last : -1,
    });
    for (let k = first; k <= last; k++) walker.paragraphs[k]!.section = i;
    first = last + 1;
  }
  // Header and footer paragraphs belong to the first section that uses them (each part visited
  // once: sections inherit their parts, and a hostile file has thousands of sections).
  const firstUse = new Map<PartInfo, number>();
  for (const sec of sections) {
    for (const part of [...Object.values(sec.headers), ...Object.values(sec.footers)]) {
      if (part && !firstUse.has(part)) firstUse.set(part, sec.index);
    }
  }
  for (const [part, index] of firstUse) for (const p of part.paragraphs) p.section = index;

  return { paragraphs: walker.paragraphs, tables: walker.tables, sections };
}
