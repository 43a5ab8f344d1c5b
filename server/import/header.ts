/**
 * The header fields of a read .docx, from the parts the Nghị định 30 layout finder located:
 * cơ quan, số and ký hiệu, địa danh and date, trích yếu, Kính gửi, signer, Nơi nhận.
 */
import type { Layout } from '../nd30/layout.js';
import type { ParagraphInfo } from '../nd30/model.js';
import { isSeparator } from '../nd30/layout.js';
import { fold, norm, segments, whole, type Segment } from '../nd30/text.js';
import { SYMBOL_PATTERN } from '../brief/schema.js';

export interface ImportedHeader {
  parentOrg: string;
  org: string;
  number: string;
  symbol: string | null;
  place: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` where the day was left blank; null when no date line was read. */
  date: string | null;
  subject: string;
  recipients: string[];
}

export interface ImportedClosing {
  signer: { lines: string[]; name: string };
  copies: string[];
  archive: string;
}

const isUpper = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
};
const allBold = (p: ParagraphInfo) => p.runs.some((r) => r.text.trim()) && p.runs.every((r) => !r.text.trim() || r.bold);

/** Lines of the header's left column above the Số line: cơ quan chủ quản and cơ quan ban hành. */
function orgLines(layout: Layout): { text: string; bold: boolean }[] {
  const { model, header, soLine } = layout;
  if (!header) return [];
  const last = soLine ? soLine.para.index : header.last;
  const lines: { text: string; bold: boolean }[] = [];
  for (const p of model.paragraphs.slice(header.first, last + 1)) {
    // Tab-laid headers put the right column after a tab; tables put it in a later cell.
    if (p.cell && p.cell.cell !== 0) continue;
    const seg = segments(p)[0];
    if (!seg || seg === soLine || (soLine && p.index === soLine.para.index)) continue;
    const text = norm(seg.text);
    const folded = fold(text);
    if (isSeparator(text) || folded.includes('xa hoi chu nghia') || /doc lap|hanh phuc/.test(folded) || !isUpper(text)) continue;
    lines.push({ text, bold: allBold(p) });
  }
  return lines;
}

/** A line that goes on naming a body from the line above: "ỦY BAN NHÂN DÂN" / "XÃ ĐÔNG SƠN". */
const CONTINUES_NAME = /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\b/;

/**
 * Cơ quan chủ quản is printed regular, cơ quan ban hành bold (PL I §II.3). Where both look alike, a
 * second line that names a place level continues the first name; otherwise the first line is the
 * chủ quản.
 */
function orgs(layout: Layout): { parentOrg: string; org: string } {
  const lines = orgLines(layout);
  const join = (from: number, to?: number) => lines.slice(from, to).map((l) => l.text).join(' ');
  if (lines.length === 0) return { parentOrg: '', org: '' };
  const bold = lines.filter((l) => l.bold);
  if (bold.length > 0 && bold.length < lines.length) {
    const firstBold = lines.findIndex((l) => l.bold);
    return { parentOrg: join(0, firstBold), org: join(firstBold) };
  }
  if (lines.length === 1 || CONTINUES_NAME.test(fold(lines[1]!.text))) return { parentOrg: '', org: join(0) };
  return { parentOrg: lines[0]!.text, org: join(1) };
}

function numberAndSymbol(so: Segment | null): { number: string; symbol: string | null } {
  if (!so) return { number: '', symbol: null };
  const m = /^số\s*[:.]?\s*([\d\s.…_]*)\/\s*(.+)$/iu.exec(norm(so.text));
  if (!m) return { number: '', symbol: null };
  const number = m[1]!.replace(/\D/g, '');
  const symbol = m[2]!.replace(/\s+/g, '');
  return { number: number.length <= 10 ? number : '', symbol: SYMBOL_PATTERN.test(symbol) ? symbol : null };
}

function isRealDate(y: number, m: number, d?: number): boolean {
  if (m < 1 || m > 12 || y < 1945 || y > 2100) return false;
  return d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
}

function placeAndDate(layout: Layout): { place: string; date: string | null } {
  const line = layout.dateLine ?? layout.shortDate;
  if (!line) return { place: '', date: null };
  const text = norm(line.text);
  const comma = text.indexOf(',');
  const place = comma > 0 ? text.slice(0, comma).trim() : '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const long = /ngày\s*(\d{1,2})?[\s.…_]*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu.exec(text);
  const short = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(text);
  const [d, m, y] = long ? [long[1] ? Number(long[1]) : undefined, Number(long[2]), Number(long[3])] : short ? [Number(short[1]), Number(short[2]), Number(short[3])] : [];
  if (m === undefined || y === undefined || !isRealDate(y, m, d)) return { place, date: null };
  return { place, date: d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}` };
}

/** The trích yếu: the lines under the tên loại, or the V/v line of a công văn. */
function subject(layout: Layout): string {
  const { model, typeLine, vv, bodyStart } = layout;
  if (vv) {
    const own = norm(vv.para.text.slice(vv.start)).replace(/^v\s*\/\s*v\s*[:.]?\s*/iu, '');
    // A V/v wrapped into a second paragraph of its cell.
    const next = model.paragraphs[vv.para.index + 1];
    const more = next && vv.para.cell && next.cell && next.cell.table === vv.para.cell.table && next.cell.row === vv.para.cell.row && next.cell.cell === vv.para.cell.cell;
    const nextText = more ? norm(next.text) : '';
    const continues = nextText && !/xa hoi|doc lap|^so\b|ngay.*thang/.test(fold(nextText)) && !isSeparator(nextText);
    return continues ? `${own} ${nextText}` : own;
  }
  if (!typeLine) return '';
  const lines: string[] = [];
  // The trích yếu is centred and bold under the tên loại, down to the short rule or the Kính gửi.
  for (let i = typeLine.para.index + 1; i < Math.min(bodyStart, model.paragraphs.length) && lines.length < 4; i++) {
    const p = model.paragraphs[i]!;
    const seg = whole(p);
    if (!seg || p.cell) continue;
    const text = norm(seg.text);
    if (isSeparator(text)) break;
    if (p.alignment !== 'center' || /^(kinh gui|can cu)/.test(fold(text))) break;
    lines.push(text);
  }
  return lines.join(' ');
}

const bare = (s: string) => norm(s).replace(/^[-–—+•*]\s*/, '').replace(/[;.,]+$/, '').trim();

function recipients(layout: Layout): string[] {
  const { kinhGui, model, bodyStart } = layout;
  if (!kinhGui) return [];
  const lines: string[] = [];
  const rest = norm(kinhGui.para.text.slice(kinhGui.start)).replace(/^kính gửi\s*[:.]?\s*/iu, '');
  lines.push(...rest.split('\n'));
  for (let i = kinhGui.para.index + 1; i < bodyStart; i++) lines.push(...segments(model.paragraphs[i]!, false).map((s) => s.text));
  return lines.map(bare).filter(Boolean);
}

export function readHeader(layout: Layout): ImportedHeader {
  return { ...orgs(layout), ...numberAndSymbol(layout.soLine), ...placeAndDate(layout), subject: subject(layout), recipients: recipients(layout) };
}

/** Words of the quyền hạn and chức vụ lines; a personal name has none of them. */
const TITLE_WORDS = /\b(tm|kt|tl|tuq|q|chu tich|pho|giam doc|truong|bi thu|chanh|tong|uy vien|thu ky|ke toan|can bo|cong chuc|nguoi|uy ban|hoi dong|ban|so|phong|thanh tra|chi cuc|cuc)\b/;

function isNameLike(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && !TITLE_WORDS.test(fold(line)) && !/[\d.,:;()]/.test(line);
}

const isPlaceholder = (text: string) => /^\(.*\)$/.test(text) || /^(đã ký|ký tên|chữ ký)/iu.test(text);

export function readClosing(layout: Layout): ImportedClosing {
  const lines: string[] = [];
  let name = '';
  for (const seg of layout.signerLines) {
    const text = norm(seg.text);
    if (!text || isSeparator(text) || isPlaceholder(text) || /^noi nhan/.test(fold(text))) continue;
    if (isUpper(text)) {
      if (name === '') lines.push(text);
    } else name = text;
  }
  // A name typed in capitals: the last line, when it is no title, is the signer's name.
  const lastLine = lines[lines.length - 1];
  if (!name && lines.length >= 2 && lastLine && isNameLike(lastLine)) name = lines.pop()!;
  const copies: string[] = [];
  let archive = '';
  for (const seg of layout.noiNhanEntries) {
    const text = norm(seg.text);
    const entry = bare(text);
    if (!entry) continue;
    if (/^lưu\b/iu.test(entry)) {
      archive = entry.replace(/^lưu\s*[:.]?\s*/iu, '');
      continue;
    }
    // A long entry continued on the next line, under its text.
    if (!/^[-–—+•*]/.test(text) && copies.length > 0 && !archive) copies[copies.length - 1] = `${copies[copies.length - 1]} ${entry}`;
    else copies.push(entry);
  }
  return { signer: { lines: lines.slice(0, 6), name }, copies, archive };
}
