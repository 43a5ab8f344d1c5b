import { z } from 'zod';
import { BRIEF_LIMITS, SYMBOL_PATTERN, text } from '../brief/schema.js';
import { GlossarySchema } from '../lexicon/glossary.js';

const filled = (label: string, max?: number, message = `Cần ${label.toLocaleLowerCase('vi')}`) =>
  text(label, max).refine((s) => s.length > 0, { error: message });

/** Letters and digits of a ký hiệu group, as PL I §II.3 writes them (`UBND`, `SNV`, `VP`). */
const symbolPart = (label: string, example: string) =>
  text(label, 20).refine((s) => s === '' || SYMBOL_PATTERN.test(s), {
    error: `${label} không hợp lệ: viết liền, không dấu cách (ví dụ ${example})`,
  });

export const ProfileSigner = z.object({
  lines: z
    .array(text('Dòng quyền hạn, chức vụ', 200), { error: 'Quyền hạn, chức vụ người ký phải là một mảng dòng' })
    .min(1, { error: 'Người ký cần ít nhất một dòng quyền hạn, chức vụ (ví dụ TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH)' })
    .max(6, { error: 'Người ký có tối đa 6 dòng quyền hạn, chức vụ' }),
  name: text('Họ tên người ký', 100).default(''),
});
export type ProfileSigner = z.infer<typeof ProfileSigner>;

/**
 * What a cơ quan writes the same way on every document: its names, địa danh, ký hiệu, signers and usual
 * Nơi nhận. Saved once, it prefills new briefs of any type. Unknown fields are refused so a typo is
 * not silently lost.
 */
export const OfficeProfile = z.strictObject({
  parentOrg: text('Cơ quan chủ quản').default(''),
  org: filled('Cơ quan ban hành', undefined, 'Cần tên cơ quan ban hành'),
  /** The cơ quan as written in running text, when the header form does not derive it well. */
  orgName: text('Tên cơ quan trong văn bản').optional(),
  place: filled('Địa danh', 100, 'Cần địa danh của dòng ngày tháng'),
  /** The cơ quan's part of the ký hiệu: `BC-<suffix>`, and for công văn `<suffix>-<unit>`. */
  symbolSuffix: symbolPart('Ký hiệu cơ quan', 'UBND').refine((s) => s.length > 0, { error: 'Cần ký hiệu viết tắt của cơ quan (ví dụ UBND)' }),
  /** The usual drafting unit of a công văn's ký hiệu (`VP`, `KT`); a prefill request may name another. */
  unit: symbolPart('Đơn vị soạn thảo', 'VP').default(''),
  signers: z
    .array(ProfileSigner, { error: 'Danh sách người ký phải là một mảng' })
    .max(10, { error: 'Hồ sơ có tối đa 10 người ký' })
    .default([]),
  /** Nơi nhận entries besides "Như trên", which the prefill adds where the type has Kính gửi. */
  // Entries are kept bare: the export adds "- " and ";", so what staff typed with them is not doubled.
  copies: z
    .array(text('Nơi nhận', 300).transform((s) => s.replace(/^[-–•]\s*/u, '').replace(/[;.,]\s*$/u, '').trim()), {
      error: 'Nơi nhận phải là một mảng chuỗi',
    })
    .max(BRIEF_LIMITS.listItems, { error: `Nơi nhận có tối đa ${BRIEF_LIMITS.listItems} mục` })
    .default([]),
  archive: text('Lưu', 100)
    .transform((s) => s.replace(/^[-–]?\s*lưu\s*:\s*/iu, '').replace(/[;.,]\s*$/u, '').trim())
    .default(''),
  /** The office's own meanings of abbreviations, from staff's answers; they override the lexicon in every draft. */
  glossary: GlossarySchema.optional(),
});
export type OfficeProfile = z.infer<typeof OfficeProfile>;
