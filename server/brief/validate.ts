import type { Brief } from './schema.js';
import type { Template } from '../template/schema.js';
import { DraftError, type FieldIssue } from '../errors.js';

/** A brief that parses must also fit its template: known section keys, facts where prose is needed, tables where allowed. */
export function validateBriefForTemplate(brief: Brief, template: Template): void {
  const issues: FieldIssue[] = [];
  brief.sections.forEach((s, i) => {
    const section = template.sections.find((t) => t.key === s.key);
    if (!section) {
      issues.push({
        field: `sections.${i}.key`,
        message: `${template.name} không có mục "${s.key}"; các mục hợp lệ: ${template.sections.map((t) => t.key).join(', ')}`,
      });
      return;
    }
    const hasTasks = (s.tasks ?? []).length > 0;
    if (hasTasks && !section.taskTable) {
      issues.push({
        field: `sections.${i}.tasks`,
        message: `Mục "${section.heading ?? s.key}" của ${template.name.toLocaleLowerCase('vi')} không có bảng nhiệm vụ: ghi các việc thành ý liệu.`,
      });
    }
    const empty = s.parts ? s.parts.length === 0 || s.parts.some((p) => p.facts.length === 0) : (s.facts ?? []).length === 0 && !hasTasks;
    if (empty && section.role === 'body') {
      issues.push({
        field: s.parts ? `sections.${i}.parts` : `sections.${i}.facts`,
        message: `Mục "${section.heading ?? s.key}" chưa có ý liệu: ghi ít nhất một ý, hoặc bỏ mục này khỏi ý liệu.`,
      });
    }
  });
  if (issues.length > 0) {
    throw new DraftError(issues.some((i) => i.field.endsWith('.key')) ? 'unknown_section' : 'bad_input', 'Ý liệu chưa khớp với mẫu văn bản', issues);
  }
}
