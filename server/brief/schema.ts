import { z } from 'zod';
import { cleanText } from '../text/clean.js';

/** Limits that keep one brief to the size of a real document. */
export const BRIEF_LIMITS = {
  factChars: 2_000,
  factsPerSection: 60,
  sections: 20,
  partsPerSection: 20,
  tasksPerSection: 60,
  fieldChars: 500,
  listItems: 40,
} as const;

/**
 * A text field: NFC, trimmed, without the characters XML forbids (they would make the exported
 * .docx unreadable), '' when nothing visible is left; Vietnamese messages name the field (`label`).
 */
export const text = (label: string, max: number = BRIEF_LIMITS.fieldChars) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `Thiếu trường bắt buộc: ${label.toLocaleLowerCase('vi')}` : `${label} phải là chuỗi ký tự`,
    })
    .max(max, { error: `${label} dài quá ${max} ký tự` })
    .transform(cleanText);

const fact = text('Ý liệu', BRIEF_LIMITS.factChars).refine((s) => s.length > 0, {
  error: 'Ý liệu không được để trống',
});

const facts = z
  .array(fact, { error: 'Danh sách ý liệu phải là một mảng chuỗi' })
  .max(BRIEF_LIMITS.factsPerSection, { error: `Mỗi mục có tối đa ${BRIEF_LIMITS.factsPerSection} ý` });

const isRealDate = (y: number, m: number, d?: number): boolean => {
  if (m < 1 || m > 12 || y < 1945 || y > 2100) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
};

/** `YYYY-MM-DD`, or `YYYY-MM` to leave the day blank for văn thư. */
export const BriefDate = z
  .string({ error: 'Ngày ban hành phải là chuỗi dạng YYYY-MM-DD hoặc YYYY-MM' })
  .trim()
  .refine(
    (s) => {
      const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
      return !!m && isRealDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
    },
    { error: 'Ngày ban hành không hợp lệ: cần dạng YYYY-MM-DD (ví dụ 2021-12-05) hoặc YYYY-MM để trống ngày' },
  );

/** Ký hiệu: groups of letters or digits joined by "-", no spaces (`BC-UBND`, `UBND-KT`). */
export const SYMBOL_PATTERN = /^[\p{Lu}\p{N}][\p{L}\p{N}&.₀-₉]*(?:-[\p{L}\p{N}&.₀-₉]+)*$/u;

export const Header = z.object({
  parentOrg: text('Cơ quan chủ quản').default(''),
  org: text('Cơ quan ban hành').refine((s) => s.length > 0, { error: 'Cần tên cơ quan ban hành' }),
  number: text('Số văn bản', 10)
    .refine((s) => /^\d*$/.test(s), { error: 'Số văn bản chỉ gồm chữ số, hoặc để trống cho văn thư' })
    .default(''),
  symbol: text('Ký hiệu', 40).refine((s) => SYMBOL_PATTERN.test(s), {
    error: 'Ký hiệu không hợp lệ: viết liền, không dấu cách, các nhóm nối bằng "-" (ví dụ BC-UBND)',
  }),
  place: text('Địa danh', 100).refine((s) => s.length > 0, { error: 'Cần địa danh của dòng ngày tháng' }),
  date: BriefDate,
  subject: text('Trích yếu').refine((s) => s.length > 0, { error: 'Cần trích yếu nội dung' }),
  recipients: z.array(text('Nơi gửi (Kính gửi)')).max(BRIEF_LIMITS.listItems).default([]),
  /** The issuing body as written in running text; derived from `org` when absent. */
  orgName: text('Tên cơ quan trong văn bản').optional(),
});

export const BriefPart = z.object({
  title: text('Tiêu đề tiểu mục').refine((s) => s.length > 0, { error: 'Tiểu mục cần tiêu đề' }),
  facts,
});

const required = (label: string, max?: number) =>
  text(label, max).refine((s) => s.length > 0, { error: `${label} không được để trống` });

/** One row of a kế hoạch's task table: the task, who leads it, who supports, and by when. */
export const BriefTask = z.object({
  task: required('Nhiệm vụ', 1000),
  lead: required('Đơn vị chủ trì', 300),
  support: text('Đơn vị phối hợp', 300).optional(),
  deadline: required('Thời hạn', 100),
});

export const BriefSection = z
  .object({
    key: z
      .string({ error: 'Mỗi mục cần khóa (key)' })
      .regex(/^[a-z][a-z0-9-]*$/, { error: 'Khóa mục chỉ gồm chữ thường không dấu, số và "-"' }),
    title: text('Tiêu đề mục').optional(),
    facts: facts.optional(),
    parts: z.array(BriefPart).max(BRIEF_LIMITS.partsPerSection).optional(),
    /** A task table printed after the section's text, where the template allows one (kế hoạch). */
    tasks: z
      .array(BriefTask, { error: 'Bảng nhiệm vụ phải là một mảng các dòng { task, lead, support, deadline }' })
      .max(BRIEF_LIMITS.tasksPerSection, { error: `Bảng nhiệm vụ có tối đa ${BRIEF_LIMITS.tasksPerSection} dòng` })
      .optional(),
  })
  .refine((s) => !(s.facts && s.parts), { error: 'Một mục dùng "facts" hoặc "parts", không dùng cả hai' });

export const Signer = z.object({
  lines: z.array(text('Dòng quyền hạn, chức vụ', 200)).max(6).default([]),
  name: text('Họ tên người ký', 100).default(''),
});

export const Brief = z
  .object({
    version: z.literal(1, { error: 'Chỉ hỗ trợ phiên bản 1 của định dạng ý liệu' }).optional(),
    template: z
      .string({ error: 'Cần loại văn bản (template)' })
      .regex(/^[a-z][a-z0-9-]*$/, { error: 'Loại văn bản không hợp lệ' }),
    header: Header,
    sections: z.array(BriefSection).max(BRIEF_LIMITS.sections, { error: `Tối đa ${BRIEF_LIMITS.sections} mục` }),
    signer: Signer.default({ lines: [], name: '' }),
    copies: z.array(text('Nơi nhận', 300)).max(BRIEF_LIMITS.listItems).default([]),
    archive: text('Lưu', 100).default(''),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.sections.forEach((s, i) => {
      if (seen.has(s.key)) {
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: `Mục "${s.key}" bị lặp` });
      }
      seen.add(s.key);
    });
  });

export type Brief = z.infer<typeof Brief>;
export type BriefInput = z.input<typeof Brief>;
export type BriefSection = z.infer<typeof BriefSection>;
export type BriefTask = z.infer<typeof BriefTask>;
export type BriefHeader = z.infer<typeof Header>;
export type Signer = z.infer<typeof Signer>;

/** All the facts of a section, its parts' facts in order. */
export function sectionFacts(section: BriefSection): string[] {
  return section.parts ? section.parts.flatMap((p) => p.facts) : (section.facts ?? []);
}

/** The cells of a section's task table as staff wrote them: facts too, printed as they stand. */
export function sectionTaskCells(section: BriefSection): string[] {
  return (section.tasks ?? []).flatMap((t) => [t.task, t.lead, ...(t.support ? [t.support] : []), t.deadline]);
}
