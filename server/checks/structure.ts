import type { Template } from '../template/schema.js';
import type { Draft } from '../draft/model.js';
import { visibleParagraphs } from '../draft/model.js';
import type { Finding } from './finding.js';

/** The template's required sections are there (as text, or as a task table where allowed), and each section keeps to its length bounds. */
export function checkStructure(draft: Draft, template: Template): Finding[] {
  const findings: Finding[] = [];
  for (const section of template.sections) {
    const paragraphs = visibleParagraphs(draft, section.key);
    const label = section.heading ?? (section.role === 'opening' ? 'Phần mở đầu' : 'Phần kết thúc');
    // A kế hoạch's nội dung may be its task table alone.
    const tasks = section.taskTable ? (draft.brief.sections.find((s) => s.key === section.key)?.tasks ?? []) : [];
    if (paragraphs.length === 0) {
      if (section.required && tasks.length === 0) {
        findings.push({
          rule: 'structure.missing-section',
          severity: 'error',
          where: { section: section.key },
          message: `Thiếu mục bắt buộc "${label}": bổ sung ý liệu cho mục này rồi soạn lại.`,
        });
      }
      continue;
    }
    const chars = paragraphs.reduce((n, p) => n + p.current.text.length, 0);
    if (chars > section.maxChars) {
      findings.push({
        rule: 'structure.too-long',
        severity: 'warning',
        where: { section: section.key },
        message: `Mục "${label}" dài ${chars} ký tự, quá giới hạn ${section.maxChars}: nên rút gọn.`,
      });
    }
    if (paragraphs.length > section.paragraphs.max) {
      findings.push({
        rule: 'structure.too-many-paragraphs',
        severity: 'warning',
        where: { section: section.key },
        message: `Mục "${label}" có ${paragraphs.length} đoạn, nhiều hơn ${section.paragraphs.max} đoạn của mẫu.`,
      });
    }
  }
  return findings;
}
