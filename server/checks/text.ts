import type { Finding } from './finding.js';

const MARKDOWN: { pattern: RegExp; what: string }[] = [
  { pattern: /\*\*[^*]+\*\*|__[^_]+__/u, what: 'chữ đậm kiểu Markdown (**…**)' },
  { pattern: /^#{1,6}\s/mu, what: 'tiêu đề kiểu Markdown (#)' },
  { pattern: /`[^`]+`/u, what: 'mã kiểu Markdown (`…`)' },
  // "- " and "+ " open the items and sub-items of administrative prose (Nghị định 30 practice): not markdown.
  { pattern: /^\s*[*•]\s/mu, what: 'gạch đầu dòng kiểu Markdown (*, •)' },
  { pattern: /\[[^\]]+\]\([^)]+\)/u, what: 'liên kết kiểu Markdown' },
  { pattern: /(?<![\p{L}\p{N}*])\*[^*\s][^*]*\*(?![\p{L}\p{N}*])/u, what: 'chữ nghiêng kiểu Markdown (*…*)' },
];

const HAN = /\p{Script=Han}+/u;

/** Checks of a paragraph's characters: NFC, no markdown, no Chinese characters. */
export function checkText(section: string, paragraph: number, text: string): Finding[] {
  const findings: Finding[] = [];
  const where = { section, paragraph };
  if (text !== text.normalize('NFC')) {
    findings.push({
      rule: 'text.nfc',
      severity: 'error',
      where,
      message: 'Đoạn văn có chữ tiếng Việt tổ hợp (không phải dạng dựng sẵn NFC): soạn lại hoặc gõ lại bằng bộ gõ Unicode dựng sẵn.',
    });
  }
  for (const m of MARKDOWN) {
    const hit = m.pattern.exec(text);
    if (hit) {
      findings.push({
        rule: 'text.markdown',
        severity: 'error',
        where: { ...where, span: [hit.index, hit.index + hit[0].length] },
        message: `Đoạn văn có ${m.what}: văn bản hành chính không dùng ký hiệu định dạng, cần xóa.`,
      });
    }
  }
  const han = HAN.exec(text);
  if (han) {
    findings.push({
      rule: 'text.chinese',
      severity: 'error',
      where: { ...where, span: [han.index, han.index + han[0].length] },
      message: `Đoạn văn có chữ Hán "${han[0]}": cần thay bằng tiếng Việt.`,
    });
  }
  return findings;
}
