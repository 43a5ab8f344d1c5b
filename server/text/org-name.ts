/**
 * The issuing body as written in running text, from its UPPER-case header form (Phụ lục II):
 * "ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN" -> "Ủy ban nhân dân huyện Nghi Xuân",
 * "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" -> "Phòng Giáo dục và Đào tạo",
 * "TRƯỜNG THCS XUÂN LƯƠNG" -> "Trường THCS Xuân Lương", "BẢO HIỂM XÃ HỘI VIỆT NAM" -> "Bảo hiểm xã hội Việt Nam".
 */
import { defaultLexicon } from '../lexicon/lexicon.js';
import { isSyllable } from '../lexicon/syllable.js';

/** Kinds of body, longest first where one begins another; their words stay lower case after the first. */
const BODY_TYPES = [
  'ủy ban mặt trận tổ quốc việt nam', 'ủy ban nhân dân', 'hội đồng nhân dân', 'bảo hiểm xã hội', 'kho bạc', 'liên đoàn',
  'ban quản lý', 'bệnh viện', 'ngân hàng', 'công an', 'thanh tra', 'trạm',
  'văn phòng', 'trung tâm', 'chi cục', 'tổng cục', 'sở', 'bộ', 'phòng', 'cục', 'trường', 'ban', 'đài', 'hội', 'viện', 'tòa án nhân dân',
  'viện kiểm sát nhân dân', 'đảng ủy', 'huyện ủy', 'tỉnh ủy', 'thành ủy',
].sort((a, b) => b.length - a.length);
const UNITS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'xã', 'quận', 'phường'];
/** Unit words that are the start of an ordinary word instead ("xã hội", "tỉnh lộ"). */
const NOT_A_UNIT = new Set(['xã hội', 'xã viên', 'tỉnh lộ', 'huyện lộ', 'tỉnh ủy', 'huyện ủy', 'thành ủy']);
/** A school's level: the words after it are the school's own name ("Trường Tiểu học Đông Sơn"). */
const SCHOOL_LEVELS = ['mầm non', 'tiểu học', 'trung học cơ sở', 'trung học phổ thông', 'tiểu học và trung học cơ sở', 'trung học cơ sở và trung học phổ thông'].sort(
  (a, b) => b.length - a.length,
);
/** Proper names that follow a body's field ("Bảo hiểm xã hội Việt Nam"). */
const PROPER = ['việt nam'];

const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

/** An acronym kept upper case inside a name: known to the lexicon, or no Vietnamese syllable ("THCS", "PTDTBT"). */
function isAcronym(upperWord: string): boolean {
  const lex = defaultLexicon();
  return lex.entries.has(upperWord) || lex.keep.has(upperWord) || (/^[\p{Lu}&-]{2,}$/u.test(upperWord) && !isSyllable(upperWord));
}

export function orgNameInProse(upper: string): string {
  const original = upper.normalize('NFC').trim().split(/\s+/u);
  const words = original.map((w) => w.toLocaleLowerCase('vi'));
  const lower = words.join(' ');
  const type = BODY_TYPES.find((t) => lower === t || lower.startsWith(`${t} `));
  const typeLength = type ? type.split(' ').length : 1;
  // The place name follows the last unit word ("huyện Nghi Xuân"); it is a proper name.
  let unitAt = -1;
  for (let i = words.length - 1; i >= typeLength; i--) {
    const two = `${words[i - 1]} ${words[i]}`;
    const isUnit = (at: number) => !NOT_A_UNIT.has(words.slice(at, at + 2).join(' '));
    if (UNITS.includes(two) && i - 1 >= typeLength && isUnit(i - 1)) {
      unitAt = i - 1;
      break;
    }
    if (UNITS.includes(words[i]!) && isUnit(i)) {
      unitAt = i;
      break;
    }
  }
  const unitLength = unitAt >= 0 && UNITS.includes(`${words[unitAt]} ${words[unitAt + 1]}`) ? 2 : 1;
  const proper = new Set<number>();
  for (const p of PROPER) {
    const len = p.split(' ').length;
    for (let i = 0; i + len <= words.length; i++) if (words.slice(i, i + len).join(' ') === p) for (let k = i; k < i + len; k++) proper.add(k);
  }
  const level = type === 'trường' ? SCHOOL_LEVELS.find((l) => words.slice(1, 1 + l.split(' ').length).join(' ') === l) : undefined;
  const nameFrom = level ? 1 + level.split(' ').length : isAcronym(original[typeLength] ?? '') && !isSyllable(original[typeLength] ?? '') ? typeLength + 1 : Infinity;
  return words
    .map((w, i) => {
      if (isAcronym(original[i]!) && !isSyllable(original[i]!)) return original[i]!;
      if (i === 0 || proper.has(i)) return cap(w);
      if (i < typeLength) return w;
      // A school's level, then its own name: "Trường Trung học cơ sở Xuân Lương", "Trường THCS Xuân Lương".
      if (i === typeLength && level) return cap(w);
      if (i >= nameFrom && !(unitAt >= 0 && i >= unitAt && i < unitAt + unitLength)) return cap(w);
      if (i < nameFrom && level) return w;
      if (unitAt >= 0 && i >= unitAt) return i < unitAt + unitLength ? w : cap(w);
      // The field of a specialised body: its first word, and the first word after "và".
      if (i === typeLength || words[i - 1] === 'và' || words[i - 1] === '-') return cap(w);
      return w;
    })
    .join(' ');
}
