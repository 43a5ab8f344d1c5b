/**
 * Document types of Nghị định 30 the checker recognises: the tên loại printed on the document,
 * the ký hiệu code (PL III §I) and whether a Kính gửi line belongs in it (PL I §II.9).
 */

export type KinhGuiRule = 'required' | 'optional' | 'forbidden' | 'unchecked';

export interface DocTypeInfo {
  /** Template id for the five types soanthao drafts (`bao-cao` …), a similar slug for the others. */
  id: string;
  /** Vietnamese name in normal case, for messages. */
  name: string;
  /** Tên loại as printed (UPPER); null for công văn, which has none. */
  typeName: string | null;
  /** Ký hiệu code from PL III §I; null for công văn. */
  code: string | null;
  kinhGui: KinhGuiRule;
  /** Nơi nhận starts with "- Như trên;" when the document has a Kính gửi. */
  nhuTren: boolean;
}

const t = (id: string, name: string, typeName: string | null, code: string | null, kinhGui: KinhGuiRule = 'unchecked', nhuTren = false): DocTypeInfo => ({
  id,
  name,
  typeName,
  code,
  kinhGui,
  nhuTren,
});

export const DOC_TYPES: readonly DocTypeInfo[] = [
  t('bao-cao', 'Báo cáo', 'BÁO CÁO', 'BC', 'optional', true),
  t('to-trinh', 'Tờ trình', 'TỜ TRÌNH', 'TTr', 'required', true),
  t('ke-hoach', 'Kế hoạch', 'KẾ HOẠCH', 'KH', 'forbidden'),
  t('thong-bao', 'Thông báo', 'THÔNG BÁO', 'TB', 'forbidden'),
  t('cong-van', 'Công văn', null, null, 'required', true),
  t('quyet-dinh', 'Quyết định', 'QUYẾT ĐỊNH', 'QĐ', 'forbidden'),
  t('nghi-quyet', 'Nghị quyết', 'NGHỊ QUYẾT', 'NQ', 'forbidden'),
  t('giay-moi', 'Giấy mời', 'GIẤY MỜI', 'GM', 'forbidden'),
  t('chi-thi', 'Chỉ thị', 'CHỈ THỊ', 'CT'),
  t('quy-che', 'Quy chế', 'QUY CHẾ', 'QC'),
  t('quy-dinh', 'Quy định', 'QUY ĐỊNH', 'QyĐ'),
  t('thong-cao', 'Thông cáo', 'THÔNG CÁO', 'TC'),
  t('huong-dan', 'Hướng dẫn', 'HƯỚNG DẪN', 'HD'),
  t('chuong-trinh', 'Chương trình', 'CHƯƠNG TRÌNH', 'CTr'),
  t('phuong-an', 'Phương án', 'PHƯƠNG ÁN', 'PA'),
  t('de-an', 'Đề án', 'ĐỀ ÁN', 'ĐA'),
  t('du-an', 'Dự án', 'DỰ ÁN', 'DA'),
  t('bien-ban', 'Biên bản', 'BIÊN BẢN', 'BB'),
  t('hop-dong', 'Hợp đồng', 'HỢP ĐỒNG', 'HĐ'),
  t('cong-dien', 'Công điện', 'CÔNG ĐIỆN', 'CĐ'),
  t('ban-ghi-nho', 'Bản ghi nhớ', 'BẢN GHI NHỚ', 'BGN'),
  t('ban-thoa-thuan', 'Bản thỏa thuận', 'BẢN THỎA THUẬN', 'BTT'),
  t('giay-uy-quyen', 'Giấy ủy quyền', 'GIẤY ỦY QUYỀN', 'GUQ'),
  t('giay-gioi-thieu', 'Giấy giới thiệu', 'GIẤY GIỚI THIỆU', 'GGT'),
  t('giay-nghi-phep', 'Giấy nghỉ phép', 'GIẤY NGHỈ PHÉP', 'GNP'),
  t('phieu-gui', 'Phiếu gửi', 'PHIẾU GỬI', 'PG'),
  t('phieu-chuyen', 'Phiếu chuyển', 'PHIẾU CHUYỂN', 'PC'),
  t('phieu-bao', 'Phiếu báo', 'PHIẾU BÁO', 'PB'),
];

export const CONG_VAN = DOC_TYPES.find((d) => d.id === 'cong-van')!;

/** Codes that name a document type, and "CV", which is not an ND30 code at all. */
export const TYPE_CODES: ReadonlySet<string> = new Set([...DOC_TYPES.flatMap((d) => (d.code ? [d.code] : [])), 'SY', 'TrS', 'SL']);

export function typeByName(upperText: string): DocTypeInfo | null {
  return DOC_TYPES.find((d) => d.typeName === upperText) ?? null;
}

export function typeByCode(code: string): DocTypeInfo | null {
  return DOC_TYPES.find((d) => d.code === code) ?? null;
}
