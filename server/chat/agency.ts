import { fold } from '../accents/table.js';

/** First words of a cơ quan's name, unaccented: "Sở …", "UBND …", "Phòng …", "Văn phòng …". */
const AGENCY_HEADS = [
  'uy ban', 'ubnd', 'hdnd', 'hoi dong', 'so', 'phong', 'ban', 'bo', 'cuc', 'chi cuc', 'tong cuc', 'vu', 'van phong', 'thanh tra',
  'cong an', 'toa an', 'vien', 'trung tam', 'truong', 'benh vien', 'kho bac', 'ngan hang', 'bao hiem', 'quy', 'doan', 'hoi',
  'mat tran', 'tinh uy', 'huyen uy', 'thanh uy', 'thi uy', 'dang uy', 'dang bo', 'thuong truc', 'thuong vu', 'chinh phu', 'quoc hoi',
  'cong ty', 'tap doan', 'chi nhanh', 'dai phat thanh', 'dai truyen hinh', 'lien doan', 'hop tac xa', 'ban quan ly', 'bo chi huy', 'ban chi huy', 'quan doi',
  'don vi', 'co quan', 'cac', 'nha xuat ban', 'hoc vien', 'xi nghiep', 'lien minh', 'kiem toan', 'vien kiem sat', 'hoi lien hiep',
  'ubmttq', 'mttq', 'tand', 'vksnd', 'bhxh', 'kbnn', 'nhnn', 'ttyt', 'tt', 'vp', 'uy vien', 'dai hoc', 'cao dang', 'ubnd tinh', 'ubnd huyen',
  'ubnd xa', 'so tu phap', 'tinh', 'huyen', 'xa', 'phuong', 'thi tran', 'thanh pho', 'thi xa', 'quan uy',
];
/** First words of a chức danh someone is addressed by: "Chủ tịch UBND huyện", "Giám đốc Sở …", "Ông …". */
const TITLE_HEADS = [
  'chu tich', 'pho chu tich', 'giam doc', 'pho giam doc', 'truong phong', 'pho truong phong', 'chanh', 'pho chanh', 'bi thu', 'pho bi thu',
  'thu truong', 'bo truong', 'thu tuong', 'pho thu tuong', 'ong', 'ba', 'dong chi', 'lanh dao', 'hieu truong', 'truong ban', 'pho truong ban',
  'cuc truong', 'chi cuc truong', 'tong giam doc', 'vien truong', 'chu nhiem', 'dai bieu', 'can bo', 'ct', 'pct', 'gd', 'tp',
];

const startsWithAny = (folded: string, heads: string[]) => heads.some((h) => folded === h || folded.startsWith(`${h} `) || folded.startsWith(`${h}.`));

/** Does the text read as the name of a cơ quan (as printed in a header or a Kính gửi)? */
export function isAgency(text: string): boolean {
  const f = fold(text.trim()).replace(/\s+/gu, ' ');
  return /\p{L}/u.test(f) && startsWithAny(f, AGENCY_HEADS);
}

/** Does the text read as a cơ quan, or a chức danh someone is addressed by? */
export function isAddressee(text: string): boolean {
  const f = fold(text.trim()).replace(/\s+/gu, ' ');
  return isAgency(text) || startsWithAny(f, TITLE_HEADS);
}
