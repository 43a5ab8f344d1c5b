import { SYMBOL_PATTERN } from '../brief/schema.js';
import { BriefDate } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import { expandAbbreviations } from '../lexicon/index.js';
import { fold } from '../accents/table.js';
import { isAddressee, isAgency } from './agency.js';

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

const quoted = (text: string) => `"${text.trim().slice(0, 80)}${text.trim().length > 80 ? '…' : ''}"`;

/** The cơ quan ban hành, checked to be the name of a cơ quan. */
export function readIssuer(text: string): Read<string> {
  if (!isAgency(text)) {
    return { error: `${quoted(text)} không giống tên cơ quan ban hành: ghi tên cơ quan, ví dụ "UBND huyện Nghi Xuân" hoặc "Sở Tư pháp tỉnh Hà Tĩnh".` };
  }
  return { value: readOrg(text) };
}

/** Kính gửi: each entry a cơ quan or a chức danh. */
export function readRecipients(text: string): Read<string[]> {
  const list = readList(text);
  if (list.length === 0) return { error: 'Chưa có nơi kính gửi: ghi tên cơ quan hoặc chức danh, mỗi nơi một dòng.' };
  const odd = list.find((r) => !isAddressee(r));
  if (odd !== undefined) {
    return { error: `${quoted(odd)} không giống tên cơ quan hay chức danh: Kính gửi ghi cơ quan (ví dụ "Sở Tư pháp tỉnh Hà Tĩnh") hoặc chức danh (ví dụ "Chủ tịch UBND huyện"), mỗi nơi một dòng.` };
  }
  return { value: list };
}

/** A địa danh: a place's name, a few words of letters ("Nghi Xuân", "Thành phố Hồ Chí Minh"). */
/** A document type's name typed alone where something else is asked: the clerk means another type. */
function notAType(text: string): { error: string } | null {
  const t = text.trim();
  if (!/^(?:bao cao|cong van|to trinh|ke hoach|thong bao)[.!]?$/u.test(fold(t))) return null;
  return { error: `"${t}" là tên loại văn bản. Để đổi loại, gõ "đổi sang ${t.replace(/[.!]$/u, '').toLocaleLowerCase('vi')}"; nếu không, hãy trả lời câu hỏi dưới đây.` };
}

export function readPlaceName(text: string): Read<string> {
  const type = notAType(text);
  if (type) return type;
  const t = text.trim().replace(/\s+/gu, ' ');
  const words = t.split(' ');
  const letters = /^[\p{L}\p{M}]+(?:[ -][\p{L}\p{M}]+)*$/u.test(t) && words.length <= 6;
  // A ký hiệu ("BC-UBND") or a cơ quan ("UBND huyện Nghi Xuân") typed where the place is asked.
  const code = /\p{Lu}{2,}-\p{Lu}{2,}/u.test(t);
  const agency = /^(?:ubnd|uy ban|so|phong|ban|van phong)\s/u.test(fold(t)) && words.length > 2;
  if (!letters || code || agency) {
    return { error: `${quoted(text)} không giống một địa danh: ghi tên nơi ban hành ở dòng ngày tháng, ví dụ "Nghi Xuân" hoặc "Hà Tĩnh".` };
  }
  // Capitals staff typed are theirs ("Thành phố Hồ Chí Minh"); a name typed all in lower case is capitalised.
  return { value: t === t.toLocaleLowerCase('vi') ? readPlace(t) : t };
}

/** A trích yếu: a few words saying what the document is about. */
export function readSubject(text: string): Read<string> {
  const type = notAType(text);
  if (type) return type;
  const t = text.replace(/^(v\/v|về việc)\s*/iu, '').trim();
  if (t.split(/\s+/u).length < 2 || !/\p{L}/u.test(t)) {
    return { error: `Trích yếu ${quoted(text)} quá ngắn: ghi tóm tắt nội dung văn bản, ví dụ "Kết quả thực hiện chương trình ... năm 2021".` };
  }
  // A cơ quan's name alone is the answer to another question, not what the document is about.
  if (/^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|so|phong|van phong)\s/u.test(fold(t)) && t.split(/\s+/u).length <= 8 && isAgency(t) && !/\d/u.test(t)) {
    return { error: `${quoted(text)} là tên một cơ quan, không phải trích yếu: ghi tóm tắt nội dung văn bản, ví dụ "Kết quả thực hiện chương trình ... năm 2021".` };
  }
  return { value: capitalizeFirst(t) };
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
export { fold as foldAccents };

/** One entry a line (or separated by ";"), bullets and closing marks taken off. */
export function readList(text: string): string[] {
  return text
    .split(/\n|;/u)
    .map((l) => l.replace(/^\s*[-–•*+]\s*/u, '').replace(/[.;,]\s*$/u, '').trim())
    .filter(Boolean);
}

export function capitalizeFirst(text: string): string {
  const t = text.trim().replace(/\s+/gu, ' ');
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}
