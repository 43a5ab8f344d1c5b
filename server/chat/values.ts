import { SYMBOL_PATTERN } from '../brief/schema.js';
import { BriefDate } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import { expandAbbreviations } from '../lexicon/index.js';

/** A value staff typed, read for one field; `error` is a Vietnamese message when it cannot be read. */
export type Read<T> = { value: T } | { error: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** "05/12/2021", "5-12-2021", "ngày 5 tháng 12 năm 2021", "12/2021", "2021-12-05", "hôm nay", "tháng này". */
export function readDate(text: string, now: Date = new Date()): Read<string> {
  const t = text.trim().toLocaleLowerCase('vi');
  const ymd = (y: number, m: number, d?: number) => (d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`);
  let value: string | undefined;
  let m: RegExpExecArray | null;
  if (/^hôm nay$/u.test(t)) value = ymd(now.getFullYear(), now.getMonth() + 1, now.getDate());
  else if (/^(tháng này|để trống ngày)$/u.test(t)) value = ymd(now.getFullYear(), now.getMonth() + 1);
  else if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/u.exec(t))) value = ymd(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined);
  else if ((m = /^(?:ngày\s+)?(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})$/u.exec(t))) value = ymd(+m[3]!, +m[2]!, +m[1]!);
  else if ((m = /^(?:tháng\s+)?(\d{1,2})\s*(?:[/.-]|\s+năm\s+)\s*(\d{4})$/u.exec(t))) value = ymd(+m[2]!, +m[1]!);
  if (value === undefined || !BriefDate.safeParse(value).success) {
    const [y, mo, d] = (value ?? '').split('-').map(Number);
    const why =
      d && mo && mo >= 1 && mo <= 12 ? ` (tháng ${mo} năm ${y} không có ngày ${d})` : mo && (mo < 1 || mo > 12) ? ` (không có tháng ${mo})` : '';
    return { error: `Ngày "${text.trim()}" không hợp lệ${why}: ghi ngày/tháng/năm như 05/12/2021, hoặc tháng/năm như 12/2021 để trống ngày.` };
  }
  return { value };
}

/** "BC-UBND", "15/BC-UBND", or just "UBND" (the template's code is put in front). */
export function readSymbol(text: string, template: Template | undefined): Read<{ number: string; symbol?: string }> {
  // Spaces around the dashes are a slip, not a different ký hiệu: "UBND - NCTH" is "UBND-NCTH".
  const t = text.trim().replace(/^số\s*:?\s*/iu, '').replace(/\s*-\s*/gu, '-');
  // "Số: 85" alone is the number; the ký hiệu is asked for, or kept, separately.
  if (/^\d+$/u.test(t)) return { value: { number: t } };
  const m = /^(?:(\d+)\s*\/\s*)?(\S+)$/u.exec(t);
  let symbol = m?.[2]?.toLocaleUpperCase('vi').replace(/^TTR-/u, 'TTr-') ?? '';
  if (template?.code && symbol && !symbol.startsWith(`${template.code}-`) && !symbol.toUpperCase().startsWith(`${template.code.toUpperCase()}-`)) {
    symbol = `${template.code}-${symbol}`;
  }
  if (!m || !SYMBOL_PATTERN.test(symbol)) {
    return { error: `Ký hiệu "${text.trim()}" không hợp lệ: viết liền, không dấu cách, các nhóm nối bằng "-" (ví dụ ${template?.code ? `${template.code}-UBND` : 'UBND-VP'}).` };
  }
  return { value: { number: m[1] ?? '', symbol } };
}

/** The issuing body in its UPPER-case header form, abbreviations spelled out ("UBND huyện X" -> "ỦY BAN NHÂN DÂN HUYỆN X"). */
export function readOrg(text: string): string {
  return expandAbbreviations(text.trim().replace(/\s+/gu, ' ')).toLocaleUpperCase('vi');
}

/** A place name with each word capitalised ("nghi xuân" -> "Nghi Xuân"). */
export function readPlace(text: string): string {
  return text
    .trim()
    .replace(/\s+/gu, ' ')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

/** Folds Vietnamese to plain letters, to recognise words typed without accents ("thong bao"). */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLocaleLowerCase('vi');
}

/** One entry a line (or separated by ";"), bullets and closing marks taken off. */
export function readList(text: string): string[] {
  return text
    .split(/\n|;/u)
    .map((l) => l.replace(/^\s*[-–•*+]\s*/u, '').replace(/[.;,]\s*$/u, '').trim())
    .filter(Boolean);
}

/** Quyền hạn and chức vụ lines in capitals, then the name: one a line, or separated by "/". */
export function readSigner(text: string): Read<{ lines: string[]; name: string }> {
  const parts = text.split(/\n|\//u).map((l) => l.trim()).filter(Boolean);
  if (parts.length === 0) return { error: 'Chưa có thông tin người ký.' };
  const last = parts[parts.length - 1]!;
  const isName = last !== last.toLocaleUpperCase('vi');
  const lines = (isName ? parts.slice(0, -1) : parts).map((l) => l.toLocaleUpperCase('vi').replace(/^(TM|KT|TL|TUQ|Q)\s*\.?\s+/u, '$1. '));
  return { value: { lines, name: isName ? last : '' } };
}

export function capitalizeFirst(text: string): string {
  const t = text.trim().replace(/\s+/gu, ' ');
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}
