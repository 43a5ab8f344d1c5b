/**
 * Capitals of Nghị định 30 Phụ lục II in running text, where notes often lack them: a law's name
 * ("luật doanh nghiệp" -> "Luật Doanh nghiệp"), a chức danh of a named body or person ("chủ tịch
 * Ủy ban nhân dân huyện" -> "Chủ tịch Ủy ban nhân dân huyện"). Acronyms are left as written.
 */

/** Words after "luật" that make a common noun, not a law's name ("luật định", "luật sư"). */
const NOT_A_LAW = new Set([
  'định', 'sư', 'pháp', 'lệ', 'chơi', 'số', 'này', 'đó', 'nêu', 'trên', 'và', 'hiện', 'mới', 'các', 'của', 'giao', 'hóa',
  // A word that links "luật" to what follows is no law's name: "pháp luật về đất đai", "luật với ...".
  'về', 'với', 'cho', 'để', 'đã', 'được', 'là', 'có', 'sẽ', 'không', 'thì', 'mà', 'khi', 'nhưng', 'hoặc', 'nào',
]);

/** "luật" after "pháp" is the common noun "pháp luật" (the law in general), never a law's name. */
const LAW = /(?<![\p{L}\p{M}])(?<!pháp\s)(?<!Pháp\s)(bộ luật|Bộ luật|luật|Luật|pháp lệnh|Pháp lệnh)\s+(\p{L}[\p{L}\p{M}]*)/gu;

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export function capitalizeLaws(text: string): string {
  return text.replace(LAW, (whole, kind: string, word: string) => {
    if (NOT_A_LAW.has(word.toLocaleLowerCase('vi'))) return whole;
    // "Luật BHYT" and other acronyms stay as written; "luật doanh nghiệp" names the law.
    const name = /^\p{Lu}{2,}/u.test(word) ? word : upperFirst(word);
    const head = kind.toLocaleLowerCase('vi') === 'bộ luật' ? 'Bộ luật' : kind.toLocaleLowerCase('vi') === 'luật' ? 'Luật' : 'Pháp lệnh';
    return `${head} ${name}`;
  });
}

const TITLES = [
  'phó chủ tịch', 'chủ tịch', 'phó giám đốc', 'giám đốc', 'phó trưởng phòng', 'trưởng phòng', 'phó trưởng ban', 'trưởng ban',
  'phó bí thư', 'bí thư', 'phó hiệu trưởng', 'hiệu trưởng', 'chánh văn phòng', 'phó chánh văn phòng', 'chánh thanh tra',
  'phó chánh thanh tra', 'trưởng trạm', 'trưởng công an', 'chỉ huy trưởng', 'phó chỉ huy trưởng', 'thủ tướng', 'bộ trưởng', 'thứ trưởng',
];
/** What a chức danh belongs to when it is a specific post: a body, a unit, or a person's name. */
const OWNER = '(?:Ủy ban|Hội đồng|Sở|Phòng|Ban|Văn phòng|Thanh tra|Trung tâm|Trạm|Trường|Bệnh viện|Đảng ủy|Huyện ủy|Tỉnh ủy|Thành ủy|Công an|Mặt trận|Hội|Đoàn|Chính phủ|Bộ|UBND|HĐND|MTTQ|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|thị xã|nước)(?![\\p{L}\\p{M}])';
const TITLE = new RegExp(`(?<![\\p{L}\\p{M}])(${TITLES.join('|')})(?=\\s+${OWNER})`, 'gu');

/** "chủ tịch Ủy ban nhân dân xã" -> "Chủ tịch Ủy ban nhân dân xã"; "phó chủ tịch" -> "Phó Chủ tịch" (its two words). */
export function capitalizeTitles(text: string): string {
  return text.replace(TITLE, (title: string) => {
    const words = title.split(' ');
    // A deputy's title keeps its post's capital too: "Phó Chủ tịch", "Phó Giám đốc".
    if (words[0] === 'phó' && words.length > 1) return `Phó ${upperFirst(words[1]!)}${words.length > 2 ? ` ${words.slice(2).join(' ')}` : ''}`;
    return upperFirst(title);
  });
}

const SCHOOL = /(?<![\p{L}\p{M}])trường(?=\s+(?:Mầm non|Tiểu học|Trung học cơ sở|Trung học phổ thông|Phổ thông|MN|TH|THCS|THPT|PTDTBT|PTDTNT)(?:\s+và\s+\S+(?:\s+\S+)*?)?\s+\p{Lu})/gu;

/** A school named by its level and name is a proper name: "trường THCS Xuân Lương" -> "Trường THCS Xuân Lương". */
export function capitalizeSchools(text: string): string {
  return text.replace(SCHOOL, 'Trường');
}

/** Lower-cases the first letter unless the first word is an acronym or a proper name kept as typed. */
export function uncapitalize(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}
