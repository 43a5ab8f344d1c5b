import { fold } from '../accents/table.js';
import type { Read } from './values.js';

export interface Signer {
  lines: string[];
  name: string;
}

/** Chức vụ of the head of a cơ quan, unaccented as typed, and as printed. */
const TITLES: [string, string][] = [
  ['chu tich', 'CHỦ TỊCH'],
  ['tong giam doc', 'TỔNG GIÁM ĐỐC'],
  ['giam doc', 'GIÁM ĐỐC'],
  ['truong phong', 'TRƯỞNG PHÒNG'],
  ['chanh van phong', 'CHÁNH VĂN PHÒNG'],
  ['chanh thanh tra', 'CHÁNH THANH TRA'],
  ['chanh an', 'CHÁNH ÁN'],
  ['truong ban', 'TRƯỞNG BAN'],
  ['bi thu', 'BÍ THƯ'],
  ['chi cuc truong', 'CHI CỤC TRƯỞNG'],
  ['cuc truong', 'CỤC TRƯỞNG'],
  ['hieu truong', 'HIỆU TRƯỞNG'],
  ['vien truong', 'VIỆN TRƯỞNG'],
  ['chu nhiem', 'CHỦ NHIỆM'],
  ['thu truong', 'THỦ TRƯỞNG'],
].sort(([a], [b]) => b.length - a.length) as [string, string][];

/** Short forms staff use: "PCT Nguyễn Viết Hưng". */
const SHORT: Record<string, string> = {
  ct: 'chu tich',
  pct: 'pho chu tich',
  gd: 'giam doc',
  pgd: 'pho giam doc',
  tp: 'truong phong',
  ptp: 'pho truong phong',
  cvp: 'chanh van phong',
  pcvp: 'pho chanh van phong',
};

/** Quyền hạn before a chức vụ (ND30 Phụ lục I §II.8): thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền. */
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\s*\.\s*|^(TM|KT|TL|TUQ)\s+/iu;

/** A chức vụ at the start of a part, and what follows it (the name, when on one line). */
function readTitle(part: string): { line: string; head: string; deputy: boolean; rest: string } | null {
  let f = fold(part);
  let offset = 0;
  const short = /^(pcvp|cvp|pct|ct|pgd|gd|ptp|tp)\.?(?=\s|$)/u.exec(f);
  if (short) {
    offset = short[0].length;
    f = SHORT[short[1]!]! + f.slice(offset);
    offset -= SHORT[short[1]!]!.length;
  }
  const deputy = /^pho\s+/u.exec(f);
  const after = deputy ? deputy[0].length : 0;
  const found = TITLES.find(([t]) => f.startsWith(t, after) && (f.length === after + t.length || /\s/u.test(f.charAt(after + t.length))));
  if (!found) return null;
  const end = after + found[0].length + offset;
  return { line: `${deputy ? 'PHÓ ' : ''}${found[1]}`, head: found[1], deputy: !!deputy, rest: part.slice(end).trim() };
}

/** A cơ quan named after the chức vụ; surnames such as Vũ, Đoàn, Trương are not taken for one. */
const ISSUER = /^(?:ubnd|uy ban|hdnd|hoi dong|so|phong|van phong|ban)\s/u;
const NAME = /^[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){1,5}$/u;
const capitalizeWords = (s: string) =>
  s
    .split(/\s+/u)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
const isUpper = (s: string) => s === s.toLocaleUpperCase('vi');

export interface SignerContext {
  /** The cơ quan ban hành, to know when the head signs for a collective ("TM. ỦY BAN NHÂN DÂN"). */
  org?: string;
  /** The office profile's signers: a name alone picks its lines. */
  known?: Signer[];
}

/** A UBND decides as a collective: its head signs "TM. ỦY BAN NHÂN DÂN" (ND30 Phụ lục I §II.8.a). */
function collective(org: string | undefined): string | null {
  const f = fold(org ?? '').trim();
  return /^(uy ban nhan dan|ubnd)(\s|$)/u.test(f) ? 'ỦY BAN NHÂN DÂN' : null;
}

/**
 * The signer block from what staff typed, on one line or several: quyền hạn, chức vụ and the name
 * ("Phó Chủ tịch Nguyễn Viết Hưng" of a UBND is TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /
 * Nguyễn Viết Hưng). Quyền hạn staff wrote are kept as written; otherwise they follow from the
 * chức vụ: a deputy signs KT. for the head, and the head of a UBND signs for it.
 */
export function readSigner(text: string, ctx: SignerContext = {}): Read<Signer> {
  const parts = text
    .split(/\n|\/|,|;/u)
    // A closing full stop is a slip, not part of the name.
    .map((l) => l.trim().replace(/(?<=[\p{L}\p{M}]{2,})[.]$/u, ''))
    .filter(Boolean);
  if (parts.length === 0) return { error: 'Chưa có thông tin người ký: ghi chức vụ và họ tên, ví dụ "Phó Chủ tịch Nguyễn Văn A".' };
  const lines: string[] = [];
  let name = '';
  let written = false;
  let title: ReturnType<typeof readTitle> = null;
  for (const [i, part] of parts.entries()) {
    const auth = AUTHORITY.exec(part);
    const prefix = auth ? `${(auth[1] ?? auth[2])!.toLocaleUpperCase('vi')}. ` : '';
    const body = auth ? part.slice(auth[0].length).trim() : part;
    if (auth) written = true;
    const t = readTitle(body);
    if (t) {
      title ??= t;
      lines.push(prefix + t.line);
      if (t.rest) {
        // "Chủ tịch UBND huyện Nguyễn Văn A": where the cơ quan ends and the name begins is not sure; ask.
        if (i < parts.length - 1 || !NAME.test(t.rest) || ISSUER.test(fold(t.rest))) return { error: `Chưa đọc được họ tên người ký "${t.rest}": ghi họ tên sau chức vụ, ví dụ "Phó Chủ tịch Nguyễn Văn A".` };
        name = capitalizeWords(t.rest);
      }
    } else if (auth || isUpper(body)) {
      lines.push(prefix + body.toLocaleUpperCase('vi'));
    } else if (i === parts.length - 1 && NAME.test(body)) {
      name = capitalizeWords(body);
    } else if (i === parts.length - 1 && /\d/u.test(body)) {
      return { error: `Họ tên người ký "${body}" có chữ số: ghi họ tên, ví dụ "Nguyễn Văn A".` };
    } else {
      lines.push(body.toLocaleUpperCase('vi'));
    }
  }
  if (lines.length === 0) {
    const known = ctx.known?.find((s) => fold(s.name) === fold(name));
    if (known) return { value: { lines: [...known.lines], name: known.name } };
    return { error: `Chưa rõ chức vụ của người ký "${name}": ghi chức vụ trước họ tên, ví dụ "Phó Chủ tịch ${name}".` };
  }
  if (!written && title) {
    const at = lines.indexOf(title.line);
    if (title.deputy) lines.splice(at, 0, `KT. ${title.head}`);
    const body = collective(ctx.org);
    if (body && title.head === 'CHỦ TỊCH') lines.unshift(`TM. ${body}`);
  }
  return { value: { lines, name } };
}
