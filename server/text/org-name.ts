/**
 * The issuing body as written in running text, from its UPPER-case header form (Phụ lục II):
 * "ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN" -> "Ủy ban nhân dân huyện Nghi Xuân",
 * "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" -> "Phòng Giáo dục và Đào tạo".
 */

const BODY_TYPES = [
  'ủy ban nhân dân', 'hội đồng nhân dân', 'ủy ban mặt trận tổ quốc việt nam', 'thanh tra', 'văn phòng',
  'trung tâm', 'ban quản lý', 'chi cục', 'sở', 'bộ', 'phòng', 'cục', 'trường', 'ban', 'tổng cục', 'đài',
];
const UNITS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'xã', 'quận', 'phường'];

const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);

export function orgNameInProse(upper: string): string {
  const words = upper.normalize('NFC').trim().toLocaleLowerCase('vi').split(/\s+/u);
  const lower = words.join(' ');
  const type = BODY_TYPES.find((t) => lower === t || lower.startsWith(`${t} `));
  const typeLength = type ? type.split(' ').length : 1;
  // The place name follows the last unit word ("huyện Nghi Xuân"); it is a proper name.
  let unitAt = -1;
  for (let i = words.length - 1; i >= typeLength; i--) {
    const two = `${words[i - 1]} ${words[i]}`;
    if (UNITS.includes(words[i]!) || UNITS.includes(two)) {
      unitAt = UNITS.includes(two) && i - 1 >= typeLength ? i - 1 : i;
      break;
    }
  }
  const unitLength = unitAt >= 0 && UNITS.includes(`${words[unitAt]} ${words[unitAt + 1]}`) ? 2 : 1;
  return words
    .map((w, i) => {
      if (i === 0) return cap(w);
      if (i < typeLength) return w;
      if (unitAt >= 0 && i >= unitAt) return i < unitAt + unitLength ? w : cap(w);
      // The field of a specialised body: its first word, and the first word after "và".
      if (i === typeLength || words[i - 1] === 'và') return cap(w);
      return w;
    })
    .join(' ');
}
