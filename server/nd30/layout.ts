/**
 * Finds the parts of an administrative document in a read .docx: the header block (Quốc hiệu,
 * Tiêu ngữ, Số, date line), the tên loại and trích yếu, Kính gửi, the body, and the closing block
 * (Nơi nhận, signer). Works on documents soanthao did not make, so every part may be missing.
 */
import { CONG_VAN, typeByCode, typeByName, DOC_TYPES, type DocTypeInfo } from './doc-types.js';
import type { DocxModel, ParagraphInfo, TableInfo } from './model.js';
import { fold, isBlank, norm, segments, whole, type Segment } from './text.js';

export interface Layout {
  model: DocxModel;
  /** Paragraph range of the header block, or null when no Quốc hiệu, Số or date line was found. */
  header: { table: TableInfo | null; first: number; last: number } | null;
  quocHieu: Segment | null;
  tieuNgu: Segment | null;
  soLine: Segment | null;
  dateLine: Segment | null;
  /** A date in short form (`Hà Nội, 05/3/2020`) where the date line belongs. */
  shortDate: Segment | null;
  vv: Segment | null;
  typeLine: Segment | null;
  /** A "CÔNG VĂN" line printed as if it were a tên loại; a công văn has none. */
  congVanTitle: Segment | null;
  /** Lines of the trích yếu under the tên loại. */
  titleLines: Segment[];
  /** A rule (underscores, a paragraph border or a drawn line) under the trích yếu. */
  titleRule: boolean;
  /** Lines of the issuing body's name (the last upper-case lines of the header's left column). */
  issuerLines: Segment[];
  /**
   * Rules under the issuing body and under the Tiêu ngữ: true or false where the header's columns can be
   * told apart (a table), else null, and `count` of the rules seen in the header block.
   */
  headerRules: { issuer: boolean | null; motto: boolean | null; count: number };
  /** Paragraphs that draw the rules under the issuing body, the Tiêu ngữ and the trích yếu, where found. */
  ruleAt: { issuer: ParagraphInfo | null; motto: ParagraphInfo | null; title: ParagraphInfo | null };
  type: DocTypeInfo | null;
  /** The type was only guessed from the ký hiệu code (no tên loại line, no V/v). */
  typeFromCode: boolean;
  kinhGui: Segment | null;
  /** First paragraph index of the body. */
  bodyStart: number;
  /** First paragraph index of the closing block; the paragraph count when none was found. */
  signatureStart: number;
  signatureTable: TableInfo | null;
  noiNhan: Segment | null;
  /** Recipient lines after "Nơi nhận:", the drafter code line (`PL.(300)`) left out. */
  noiNhanEntries: Segment[];
  /** Lines of the closing block where the signer's quyền hạn and chức vụ stand. */
  signerLines: Segment[];
  /** The signer's name: the last line of the signer's block in normal case; null when there is none. */
  signerName: Segment | null;
  /** Body paragraphs outside tables. */
  body: ParagraphInfo[];
  /** Last paragraph of the body, where "./." belongs. */
  bodyEnd: Segment | null;
}

const HEADER_SCAN = 60;

const isQuocHieu = (s: Segment) => fold(s.text).includes('xa hoi chu nghia');
const isTieuNgu = (s: Segment) => /doc lap|hanh phuc/.test(fold(s.text));
const isSoLine = (s: Segment) => /^so(\s*[:.]|\s+[\d/])/.test(fold(s.text));
const isDateLine = (s: Segment) => /ngay.*\bthang\b.*\bnam\b/.test(fold(s.text));
const isShortDate = (s: Segment) => /^[^,\d]{2,},\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/.test(norm(s.text));
const isVv = (s: Segment) => /^v\s*\/\s*v\b/i.test(norm(s.text));
const isKinhGui = (s: Segment) => fold(s.text).startsWith('kinh gui');
/** The label alone on its line (or before a tab), so that a body sentence starting "Nơi nhận hồ sơ…" is not taken for it. */
const isNoiNhan = (s: Segment) => /^noi nhan\s*[:.;]?$/.test(fold(s.text));
export const isSeparator = (text: string) => /^[\s_\-–—.…=*]+$/.test(text) && !isBlank(text);
/** Short rules drawn by any of the usual means in or at this paragraph: lines, borders, underscores. */
const rulesIn = (p: ParagraphInfo): number =>
  p.lineShapes + (p.border.bottom ? 1 : 0) + (p.border.top && isBlank(p.text) ? 1 : 0) + segments(p).filter((s) => isSeparator(s.text)).length;
const hasRule = (p: ParagraphInfo): boolean => rulesIn(p) > 0;
/** A placeholder of the signature space: "(Đã ký)", "(Chữ ký, dấu)". */
const isSignaturePlaceholder = (text: string) => /^\(.*\)$/u.test(norm(text));
const endsEntry = (text: string) => /[;.]$/.test(norm(text));
/** `PL.(300)`: drafter initials and number of copies, after the Lưu entry (PL I §III.3). */
export const isDrafterCode = (text: string) => /^[A-ZĐ]{1,8}\.?\s*\(\d+\)\.?$/u.test(norm(text));

/** A line that starts like a quyền hạn prefix (TM., KT., Q., TL., TUQ., also miswritten). */
export const LOOSE_PREFIX = /^([Tt][.\/]?[Mm]|[Kk][.\/]?[Tt]|[Tt][.\/]?[Uu][.\/]?[Qq]|[Tt][.\/]?[Ll]|[Qq])(?=[\s.:\/,]|$)([.:\/,]*)(\s*)(?=\p{Lu})/u;

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

function rootTable(model: DocxModel, index: number | undefined | null): TableInfo | null {
  if (index === undefined || index === null) return null;
  let t = model.tables[index] ?? null;
  while (t && t.parent !== null) t = model.tables[t.parent] ?? null;
  return t;
}

function firstTextAt(p: ParagraphInfo): number {
  return p.text.length - p.text.trimStart().length;
}

function sameCell(a: ParagraphInfo, b: ParagraphInfo): boolean {
  return !!a.cell && !!b.cell && a.cell.table === b.cell.table && a.cell.row === b.cell.row && a.cell.cell === b.cell.cell;
}

/** Lines of a paragraph, each cut at its first tab (the text of the left column in tab layouts). */
function leftLines(para: ParagraphInfo): Segment[] {
  return segments(para, false).map((s) => {
    const tab = s.text.indexOf('\t');
    if (tab === -1) return s;
    const text = s.text.slice(0, tab).trimEnd();
    return { para, start: s.start, end: s.start + text.length, text };
  }).filter((s) => s.text !== '');
}

export function locate(model: DocxModel): Layout {
  const P = model.paragraphs;
  const segsIn = (first: number, last: number) => P.slice(Math.max(0, first), last + 1).flatMap((p) => segments(p));
  const find = (segs: Segment[], pred: (s: Segment) => boolean, after?: Segment | null) =>
    segs.find((s) => pred(s) && (!after || s.para.index > after.para.index || (s.para.index === after.para.index && s.start >= after.end))) ?? null;

  // ---- header block
  let headerTable: TableInfo | null = null;
  for (const t of model.tables) {
    if (t.parent !== null || t.firstParagraph < 0 || t.firstParagraph > HEADER_SCAN) continue;
    if (segsIn(t.firstParagraph, t.lastParagraph).some((s) => isQuocHieu(s) || isTieuNgu(s))) {
      headerTable = t;
      break;
    }
  }
  let headerLast: number;
  if (headerTable) {
    headerLast = headerTable.lastParagraph;
    // Some documents put Số | date in a second table right after the first one.
    const segs = segsIn(0, headerLast);
    if (!segs.some(isSoLine) || !segs.some(isDateLine)) {
      const next = model.tables.find((t) => t.parent === null && t.firstParagraph > headerLast && t.firstParagraph <= headerLast + 4);
      if (next && segsIn(next.firstParagraph, next.lastParagraph).some((s) => isSoLine(s) || isDateLine(s))) headerLast = next.lastParagraph;
    }
  } else {
    const segs = segsIn(0, HEADER_SCAN);
    const qh = segs.find(isQuocHieu) ?? segs.find(isTieuNgu);
    const from = qh ? qh.para.index : 0;
    const near = segsIn(0, from + 12);
    const found = [qh, near.find(isSoLine), near.find(isDateLine), near.find(isShortDate)].filter((s): s is Segment => !!s);
    headerLast = found.length ? Math.max(...found.map((s) => s.para.index)) : -1;
  }
  const headerSegs = segsIn(0, headerLast);
  const quocHieu = find(headerSegs, isQuocHieu);
  const tieuNgu = find(headerSegs, isTieuNgu, quocHieu) ?? find(headerSegs, isTieuNgu);
  const soLine = find(headerSegs, isSoLine);
  const dateLine = find(headerSegs, isDateLine);
  const shortDate = dateLine ? null : find(headerSegs, isShortDate);
  let vv = find(headerSegs, isVv);
  if (!vv) {
    // V/v may stand under the header table.
    vv = segsIn(headerLast + 1, headerLast + 3).find(isVv) ?? null;
  }
  const header = headerLast >= 0 ? { table: headerTable, first: 0, last: headerLast } : null;

  // ---- issuing body and the rules under it and under the Tiêu ngữ
  const headerParas = P.slice(0, headerLast + 1);
  // The left column down to the Số line, which may share a paragraph with the names (line breaks).
  const upToSo = (p: ParagraphInfo) => !soLine || p.index <= soLine.para.index;
  const beforeSoLine = (segs: Segment[]) => {
    const at = segs.findIndex(isSoLine);
    return at === -1 ? segs : segs.slice(0, at);
  };
  let leftColumn: Segment[];
  let headerRules: Layout['headerRules'];
  let leftParas: ParagraphInfo[] = [];
  let rightParas: ParagraphInfo[] = [];
  const ruleCount = headerParas.reduce((n, p) => n + rulesIn(p), 0);
  const qhCell = quocHieu?.para.cell;
  if (headerTable && qhCell) {
    const row = headerParas.filter((p) => p.cell && p.cell.table === qhCell.table && p.cell.row === qhCell.row);
    const left = (leftParas = row.filter((p) => p.cell!.cell < qhCell.cell));
    const right = (rightParas = row.filter((p) => p.cell!.cell === qhCell.cell));
    leftColumn = beforeSoLine(left.filter(upToSo).flatMap((p) => segments(p)));
    // Lines drawn as floating shapes may be anchored outside their column (often in the first paragraph
    // after the table): each such line stands for one rule missing from a column.
    let floating = P.slice(0, headerLast + 3).reduce((n, p) => n + (p.cell && rootTable(model, p.cell.table) === headerTable ? 0 : p.lineShapes), 0);
    const column = (paras: ParagraphInfo[]) => {
      if (paras.some(hasRule)) return true;
      if (floating === 0) return false;
      floating--;
      return true;
    };
    headerRules = { issuer: left.length ? column(left) : null, motto: column(right), count: ruleCount };
  } else {
    leftColumn = beforeSoLine(headerParas.filter(upToSo).flatMap((p) => leftLines(p))).filter((s) => !isQuocHieu(s) && !isTieuNgu(s));
    headerRules = { issuer: null, motto: null, count: ruleCount };
  }
  const issuerLines: Segment[] = [];
  for (const seg of [...leftColumn].reverse()) {
    if (isSeparator(seg.text) || isSoLine(seg) || isDateLine(seg)) {
      if (issuerLines.length) break;
      continue;
    }
    if (!isUpper(seg.text)) break;
    issuerLines.unshift(seg);
  }
  const lastIssuer = issuerLines[issuerLines.length - 1];
  const ruleAt: Layout['ruleAt'] = {
    issuer: lastIssuer ? (leftParas.find((p) => p.index >= lastIssuer.para.index && hasRule(p)) ?? null) : null,
    motto: tieuNgu ? (rightParas.find((p) => p.index >= tieuNgu.para.index && hasRule(p)) ?? null) : null,
    title: null,
  };

  // ---- tên loại, trích yếu
  let typeLine: Segment | null = null;
  let congVanTitle: Segment | null = null;
  let type: DocTypeInfo | null = null;
  let seen = 0;
  for (let i = headerLast + 1; i < P.length && seen < 8; i++) {
    const p = P[i]!;
    // The tên loại is the paragraph's first line: some writers put the trích yếu after a line break.
    const seg = segments(p, false)[0];
    if (!seg || p.cell !== null) continue;
    seen++;
    const text = norm(seg.text);
    if (!isUpper(text)) continue;
    if (text === 'CÔNG VĂN') {
      typeLine = congVanTitle = seg;
      type = CONG_VAN;
      break;
    }
    const t = typeByName(text) ?? DOC_TYPES.find((d) => d.typeName !== null && text.startsWith(`${d.typeName} `)) ?? null;
    if (t) {
      typeLine = seg;
      type = t;
      break;
    }
  }
  let typeFromCode = false;
  if (!type && vv) type = CONG_VAN;
  if (!type && soLine) {
    const code = /\/\s*([^-/\s]+)/.exec(soLine.text)?.[1];
    const t = code ? typeByCode(code) : null;
    if (t) {
      type = t;
      typeFromCode = true;
    }
  }
  let titleEnd = typeLine ? typeLine.para.index : -1;
  const titleLines: Segment[] = typeLine ? segments(typeLine.para, false).slice(1) : [];
  let titleRule = !!typeLine && (typeLine.para.lineShapes > 0 || typeLine.para.border.bottom);
  // A rule drawn as a floating shape may be anchored in the paragraph after the title (Kính gửi, the body).
  const titleAnchor = (end: number) => P.slice(end + 1).find((p) => p.cell === null && whole(p) !== null);
  if (typeLine) {
    let lines = 0;
    for (let i = typeLine.para.index + 1; i < P.length && lines < 4; i++) {
      const p = P[i]!;
      if (p.cell !== null) break;
      const seg = whole(p);
      if (!seg) {
        if (hasRule(p)) {
          titleRule = true;
          ruleAt.title ??= p;
        }
        continue;
      }
      if (isSeparator(seg.text)) {
        titleEnd = i;
        titleRule = true;
        ruleAt.title ??= p;
        continue;
      }
      if (p.alignment !== 'center' || isKinhGui(seg) || fold(seg.text).startsWith('can cu') || titleRule) break;
      titleEnd = i;
      titleLines.push(...segments(p, false));
      if (hasRule(p)) titleRule = true;
      lines++;
    }
    if (!titleRule && (titleAnchor(titleEnd)?.lineShapes ?? 0) > 0) titleRule = true;
  }

  // ---- Nơi nhận and the closing block
  const afterHeader = Math.max(headerLast, titleEnd) + 1;
  let noiNhan: Segment | null = null;
  for (let i = afterHeader; i < P.length && !noiNhan; i++) noiNhan = segments(P[i]!).find(isNoiNhan) ?? null;

  let signatureTable = rootTable(model, noiNhan?.para.cell?.table);
  if (!signatureTable) {
    signatureTable =
      model.tables.find(
        (t) =>
          t.parent === null &&
          t.firstParagraph >= afterHeader &&
          segsIn(t.firstParagraph, t.lastParagraph).some((s) => LOOSE_PREFIX.test(s.text) && isUpper(s.text)),
      ) ?? null;
  }
  let signatureStart = P.length;
  if (signatureTable) signatureStart = signatureTable.firstParagraph;
  else {
    if (noiNhan) signatureStart = noiNhan.para.index;
    for (let i = afterHeader; i < signatureStart; i++) {
      const p = P[i]!;
      if (p.cell === null && segments(p).some((s) => LOOSE_PREFIX.test(s.text) && isUpper(s.text))) {
        signatureStart = i;
        break;
      }
    }
  }

  // ---- Kính gửi
  let kinhGui: Segment | null = null;
  let kinhGuiEnd = -1;
  for (let i = afterHeader; i < signatureStart && i < afterHeader + 12; i++) {
    const seg = segments(P[i]!, false).find(isKinhGui);
    if (!seg) continue;
    kinhGui = seg;
    kinhGuiEnd = i;
    const rest = norm(seg.text).replace(/^kính gửi\s*:?/iu, '');
    if (rest === '') {
      for (let k = i + 1; k < signatureStart; k++) {
        const next = whole(P[k]!);
        if (!next) continue;
        if (/^[-–—+•]/.test(norm(next.text)) || P[k]!.listLabel) kinhGuiEnd = k;
        else break;
      }
    }
    break;
  }

  const bodyStart = Math.max(afterHeader, kinhGuiEnd + 1, vv ? vv.para.index + 1 : 0);
  const body = P.slice(bodyStart, signatureStart).filter((p) => {
    if (p.cell !== null) return false;
    const seg = whole(p);
    return !!seg && !isSeparator(seg.text) && !isVv(seg);
  });

  // ---- last body paragraph: skip signer titles, names and placeholders of a closing block without table
  let bodyEnd: Segment | null = null;
  for (let i = signatureStart - 1; i >= bodyStart; i--) {
    const p = P[i]!;
    if (signatureTable && i >= signatureTable.firstParagraph && i <= signatureTable.lastParagraph) continue;
    const seg = whole(p);
    if (!seg || isSeparator(seg.text)) continue;
    if (!signatureTable && !noiNhan) {
      const words = norm(seg.text).split(' ').length;
      const signerLike =
        (isUpper(seg.text) && words <= 12) ||
        /^\((đã )?ký/iu.test(norm(seg.text)) ||
        (words <= 6 && (p.alignment === 'center' || p.alignment === 'right' || p.indent.left > 2800));
      if (signerLike) continue;
    }
    bodyEnd = seg;
    break;
  }

  // ---- Nơi nhận entries
  const noiNhanEntries: Segment[] = [];
  if (noiNhan) {
    const label = noiNhan.para;
    const own = leftLines(label);
    const labelLine = own.findIndex((s) => isNoiNhan(s));
    const candidates: Segment[] = own.slice(labelLine + 1);
    if (label.cell) {
      for (let i = label.index + 1; i < P.length && sameCell(P[i]!, label); i++) candidates.push(...leftLines(P[i]!));
    } else {
      for (let i = label.index + 1; i < P.length; i++) {
        const lines = leftLines(P[i]!);
        if (lines.length === 0) break;
        const first = norm(lines[0]!.text);
        const continues = candidates.length > 0 && !endsEntry(candidates[candidates.length - 1]!.text);
        if (!continues && !/^[-–—+•*]/.test(first) && !P[i]!.listLabel && !isDrafterCode(first) && !/^lưu\b/iu.test(first)) break;
        candidates.push(...lines);
      }
    }
    // A long entry wraps onto a line of its own (the decree's own samples do this): a line that does not
    // start an entry, after one that has not ended, continues it.
    for (const s of candidates) {
      if (isDrafterCode(s.text)) continue;
      const prev = noiNhanEntries[noiNhanEntries.length - 1];
      const startsEntry = /^[-–—‒−•+*·]/.test(norm(s.text)) || (s.para.listLabel !== null && s.start === firstTextAt(s.para));
      if (prev && !startsEntry && !endsEntry(prev.text)) {
        noiNhanEntries[noiNhanEntries.length - 1] = { ...prev, text: `${prev.text} ${s.text}` };
      } else noiNhanEntries.push(s);
    }
  }

  // ---- signer lines
  let signerLines: Segment[] = [];
  if (signatureTable) {
    signerLines = P.slice(signatureTable.firstParagraph, signatureTable.lastParagraph + 1)
      .filter((p) => !(noiNhan && sameCell(p, noiNhan.para)))
      .flatMap((p) => segments(p));
  } else if (signatureStart < P.length) {
    const entryParas = new Set(noiNhanEntries.map((s) => s.para.index));
    signerLines = P.slice(signatureStart)
      .filter((p) => p.cell === null)
      .flatMap((p) => segments(p))
      .filter((s) => !isNoiNhan(s) && !(entryParas.has(s.para.index) && /^[-–—+•]/.test(s.text)));
  }

  // ---- signer's name: the last line in normal case, below the quyền hạn and chức vụ
  const signerName =
    [...signerLines].reverse().find((s) => !isUpper(s.text) && !isSignaturePlaceholder(s.text) && !isSeparator(s.text) && /\p{L}/u.test(s.text)) ?? null;

  return {
    model,
    header,
    congVanTitle,
    titleLines,
    titleRule,
    issuerLines,
    headerRules,
    ruleAt,
    signerName,
    quocHieu,
    tieuNgu,
    soLine,
    dateLine,
    shortDate,
    vv,
    typeLine,
    type,
    typeFromCode,
    kinhGui,
    bodyStart,
    signatureStart,
    signatureTable,
    noiNhan,
    noiNhanEntries,
    signerLines,
    body,
    bodyEnd,
  };
}
