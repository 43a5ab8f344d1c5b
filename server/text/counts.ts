/**
 * Counts of things below 10 take a leading zero ("06 văn bản", "01 hội nghị"), and nothing else
 * does: a citation (điểm, khoản, Điều, Bảng, Phụ lục, số …, also each number of a list "khoản 2, 3"),
 * a date part, an ordinal, a rating, a measure, an amount, a percentage, a ratio or a year.
 */

/** Words after which a number names or orders something rather than counting it. */
const NAMING_WORDS = new Set(
  [
    'điểm', 'khoản', 'điều', 'chương', 'mục', 'phần', 'tiết', 'bảng', 'biểu', 'mẫu', 'hình', 'phụ lục', 'số', 'trang',
    'ngày', 'tháng', 'năm', 'quý', 'tuần', 'thứ', 'lần thứ', 'đợt', 'kỳ', 'khóa', 'giai đoạn', 'lớp', 'khối', 'cấp',
    'hạng', 'loại', 'bậc', 'nhóm', 'khu', 'tổ', 'xóm', 'thôn', 'ấp', 'bản', 'đội', 'phòng', 'tầng', 'quận', 'phường',
    'top', 'vòng', 'câu', 'ý', 'phương án', 'cơ sở', 'km', 'quốc lộ', 'tỉnh lộ', 'đường', 'tuyến', 'cụm', 'lô', 'thửa', 'tờ',
  ].map((w) => w.normalize('NFC')),
);

/** Words after a number that make it a measure, a rating or an amount, not a count of things. */
const MEASURE_WORDS = [
  'sao', 'tại chỗ', 'giờ', 'phút', 'giây', '%', 'km', 'm', 'm2', 'm²', 'm3', 'ha', 'kg', 'tấn', 'tạ', 'yến', 'lít', 'cm', 'mm',
  'độ', 'x', 'tỷ', 'triệu', 'nghìn', 'ngàn', 'đồng', 'usd', 'điểm', 'lần', 'phần trăm', 'tuổi', 'mét',
].map((w) => w.normalize('NFC'));

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');

/** Characters before a number that decide whether it names something: a citation word and a short list of numbers. */
const CONTEXT = 40;
/** A character no list of numbers ("2, 3a và 5") holds, and one no run of words does. */
const NOT_IN_LIST = /[^\d\sa-zđàặế,\-–]/u;
const NOT_IN_WORDS = /[^\p{L}\s]/u;

/** Whether a number after this text names or orders something (a citation, a date part, an ordinal) rather than counts. */
export function isNamingContext(before: string): boolean {
  // Only the end of the text matters, but the patterns below, anchored at its end, cost as much as the
  // text is long: a paragraph's numbers would each rescan everything before them. A tail decides when
  // nothing before it could join what it holds: past the list (which a character no list holds
  // closes), its last two words begin after its first character, or a character no word holds stands
  // before them. Otherwise the whole text is read.
  if (before.length > CONTEXT) {
    const tail = namingContext(before.slice(-CONTEXT));
    if (NOT_IN_LIST.test(tail.head) && (tail.twoAt > 0 || NOT_IN_WORDS.test(tail.head))) return tail.naming;
  }
  return namingContext(before).naming;
}

function namingContext(before: string): { naming: boolean; head: string; twoAt: number } {
  // A list of numbers after a citation word names each of them: "khoản 2, 3 và 5 Điều 162".
  const head = before.replace(/(?:\d+[a-zđ]?\s*(?:,|và|hoặc|-|–|đến)\s*)+$/u, '');
  const one = /([\p{L}]+)\s*$/u.exec(head)?.[1];
  const two = /([\p{L}]+\s+[\p{L}]+)\s*$/u.exec(head);
  const naming = (one !== undefined && NAMING_WORDS.has(lower(one))) || (two !== null && NAMING_WORDS.has(lower(two[1]!)));
  return { naming, head, twoAt: two?.index ?? -1 };
}

function measuredAfter(after: string): boolean {
  const rest = lower(after.trimStart());
  return MEASURE_WORDS.some((w) => rest.startsWith(w) && !/[\p{L}\p{N}]/u.test(rest.charAt(w.length)));
}

/** "1 số" is "một số" (some), never a count of one "số". */
export function someInWords(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}.,/-])1\s+số(?!\s*(?:\d|hiệu|\/))(?![\p{L}\p{M}])/gu, 'một số');
}

/** Pads counts below 10: "ban hành 6 văn bản" -> "ban hành 06 văn bản"; "khoản 2, 3 Điều 162" stays. */
export function padCounts(text: string): string {
  return someInWords(text).replace(/(?<![\p{L}\p{N}.,/:-])([1-9])(?=\s+[\p{L}%])/gu, (digit: string, _g: string, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const after = whole.slice(offset + 1);
    if (isNamingContext(before) || measuredAfter(after)) return digit;
    // A number that opens a ratio or a range is not a count ("3/5", "3 - 5").
    if (/^\s*[/–-]\s*\d/u.test(after)) return digit;
    return `0${digit}`;
  });
}
