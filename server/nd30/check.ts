/** Checks any .docx against the format of Nghị định 30/2020/NĐ-CP. */
import type { Finding } from '../checks/finding.js';
import { DocxCheckError } from './errors.js';
import { locate } from './layout.js';
import { readDocx } from './read-docx.js';
import { RULES } from './rules/index.js';

export { DocxCheckError } from './errors.js';
export { MAX_DOCX_BYTES } from './read-docx.js';
export { RULES } from './rules/index.js';

export interface DocxCheckResult {
  findings: Finding[];
  /** Template id of the recognised type (`bao-cao`, `to-trinh`, `ke-hoach`, `thong-bao`, `cong-van`, or another ND30 type slug); null when unknown. */
  documentType: string | null;
}

/**
 * Reads the file and runs every rule. Throws DocxCheckError when the file cannot be checked at all
 * (not a .docx, damaged, over 20 MB); a rule that fails on an odd document is skipped, not fatal.
 */
export async function checkDocx(buf: Buffer | Uint8Array): Promise<DocxCheckResult> {
  let layout;
  try {
    layout = locate(await readDocx(buf));
  } catch (e) {
    if (e instanceof DocxCheckError) throw e;
    throw new DocxCheckError('unreadable', 'Không đọc được nội dung tệp Word; tệp có thể bị hỏng. Hãy mở tệp trong Word, lưu lại dưới dạng .docx rồi kiểm tra lại.', { cause: e });
  }
  const findings: Finding[] = [];
  for (const rule of RULES) {
    try {
      findings.push(...rule.check(layout));
    } catch {
      // One rule tripping over an unusual document must not hide the others' findings.
      findings.push({
        rule: rule.id,
        severity: 'warning',
        where: {},
        message: `Không kiểm tra được mục “${rule.title}” vì văn bản có cấu trúc khác thường; hãy tự kiểm tra mục này (Nghị định 30, ${rule.source}).`,
      });
    }
  }
  return { findings, documentType: layout.type?.id ?? null };
}
