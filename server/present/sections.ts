import type { Template, TemplateSection } from '../template/schema.js';
import { toRoman } from '../text/roman.js';

interface BriefLike {
  sections: { key: string; title?: string | undefined }[];
}

/** How one section is named and numbered, the same on the page, in the chat and in the .docx. */
export interface PresentedSection {
  key: string;
  role: TemplateSection['role'];
  /** 1, 2, … for a body section that prints its Roman-numbered heading; null otherwise. */
  number: number | null;
  /** The heading as printed (`I. KẾT QUẢ THỰC HIỆN`); null where nothing is printed. */
  heading: string | null;
  /** The title without its number, upper case: `KẾT QUẢ THỰC HIỆN`. */
  title: string;
  /** What staff call the section on the page: "Phần mở đầu", "Phần kết thúc", or its title. */
  label: string;
  /** How the chat names it in a sentence: "phần mở đầu", "mục I. KẾT QUẢ THỰC HIỆN", "mục NỘI DUNG". */
  mention: string;
}

/**
 * Names and numbers every section of a template. Only a body section the template numbers and the
 * document holds (`present`) takes a number, I., II., … in template order, so an unnumbered công văn
 * section is never "mục I" anywhere.
 */
export function presentSections(template: Template, brief: BriefLike, present: (key: string) => boolean): PresentedSection[] {
  let n = 0;
  return template.sections.map((s) => {
    const title = (brief.sections.find((b) => b.key === s.key)?.title ?? s.heading ?? s.key).toLocaleUpperCase('vi');
    const number = s.role === 'body' && s.numbered && present(s.key) ? ++n : null;
    const heading = number === null ? null : `${toRoman(number)}. ${title}`;
    const label = s.role === 'opening' ? 'Phần mở đầu' : s.role === 'closing' ? 'Phần kết thúc' : title;
    const mention = s.role === 'body' ? `mục ${heading ?? title}` : label.toLocaleLowerCase('vi');
    return { key: s.key, role: s.role, number, heading, title, label, mention };
  });
}

interface BriefSectionLike {
  key: string;
  facts?: string[] | undefined;
  parts?: { facts: string[] }[] | undefined;
  tasks?: unknown[] | undefined;
}

/** Whether a brief gives the section anything to print: facts, facts of a part, or a task table. */
export function briefHasContent(brief: { sections: BriefSectionLike[] }, key: string): boolean {
  const s = brief.sections.find((b) => b.key === key);
  return !!s && ((s.facts?.length ?? 0) > 0 || (s.parts ?? []).some((p) => p.facts.length > 0) || (s.tasks?.length ?? 0) > 0);
}
