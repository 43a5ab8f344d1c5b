/** Checks any .docx against the format of Nghị định 30/2020/NĐ-CP. */
import type { Finding } from '../checks/finding.js';
import { checkDocxIsolated } from './docx-reader.js';
import { locate } from './layout.js';
import type { MalformedPart } from './package.js';
import type { DocxReading } from './read-docx.js';
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
 * Reads the file and runs every rule, in a worker within bounds of time and memory; a part that is
 * not well-formed XML is an error finding. Throws DocxCheckError when the file cannot be checked at
 * all (not a .docx, damaged, over 20 MB, past a bound); a rule that fails on an odd document is
 * skipped, not fatal.
 */
export function checkDocx(buf: Buffer | Uint8Array): Promise<DocxCheckResult> {
  return checkDocxIsolated(buf);
}

/** Runs every rule on a document read in this thread: the worker's job. */
export function checkReading({ model, malformed }: DocxReading): DocxCheckResult {
  const layout = locate(model);
  const findings: Finding[] = malformed.map(malformedFinding);
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

/** Word refuses to open a file with a part that is not well-formed XML, so this comes first. */
function malformedFinding(m: MalformedPart): Finding {
  return {
    rule: 'docx.well-formed',
    severity: 'error',
    where: {},
    message: `Phần ${m.part} của tệp không đúng cú pháp XML (dòng ${m.line}, cột ${m.column}: ${m.message}); Word sẽ báo tệp bị hỏng hoặc không mở được. Hãy xuất lại văn bản, hoặc mở tệp bằng LibreOffice và lưu lại.`.normalize('NFC'),
  };
}
