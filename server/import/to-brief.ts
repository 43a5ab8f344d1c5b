/**
 * A brief and its paragraphs from what was read of a .docx: the header fields as printed, each
 * section's paragraphs kept word for word, and facts derived from them for the facts pane.
 */
import { BRIEF_LIMITS, type BriefInput } from '../brief/schema.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { TemplateRegistry } from '../template/load.js';
import type { Layout } from '../nd30/layout.js';
import { DraftError } from '../errors.js';
import { fold } from '../nd30/text.js';
import type { ImportedHeader, ImportedClosing } from './header.js';
import type { ImportedBody, ImportedSection } from './body.js';

export interface ImportedParagraph {
  part: number | null;
  text: string;
}

export interface ImportedDraft {
  brief: BriefInput;
  template: Template;
  /** Paragraphs by section key, in order. */
  paragraphs: Record<string, ImportedParagraph[]>;
  /** What could not be read as it stands, for staff to fill in. */
  notes: string[];
}

/** A paragraph as a fact: the dash and the closing mark of a list item left out, long text cut at sentences. */
export function factsOf(text: string): string[] {
  const clean = text.replace(/^[-–—+•]\s*/, '').replace(/\s*\.\/\.\s*$/, '.').replace(/;\s*$/, '').trim();
  if (clean.length <= BRIEF_LIMITS.factChars) return clean ? [clean] : [];
  const facts: string[] = [];
  let current = '';
  for (const sentence of clean.split(/(?<=[.;!?])\s+/)) {
    if (current && current.length + sentence.length + 1 > BRIEF_LIMITS.factChars) {
      facts.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
    while (current.length > BRIEF_LIMITS.factChars) {
      const cut = current.lastIndexOf(' ', BRIEF_LIMITS.factChars);
      const at = cut > 0 ? cut : BRIEF_LIMITS.factChars;
      facts.push(current.slice(0, at));
      current = current.slice(at).trim();
    }
  }
  if (current) facts.push(current);
  return facts;
}

/** Words every kind of heading uses ("thực hiện", "công tác"): they tell no section from another. */
const GENERIC = new Set(['thuc', 'hien', 'cong', 'tac', 'va', 'cac', 'cua', 'trong', 've', 'tinh', 'hinh', 'mot', 'so', 'nam', 'thang', 'quy']);

/**
 * A section's facts within the brief's limit on their number: past it, neighbouring facts are packed
 * together (each pack within a fact's length), so that every figure of the text still has its fact.
 */
export function fitFacts(facts: string[], notes: string[], where: string): string[] {
  if (facts.length <= BRIEF_LIMITS.factsPerSection) return facts;
  const packed: string[] = [];
  for (const fact of facts) {
    const last = packed[packed.length - 1];
    if (last !== undefined && last.length + 1 + fact.length <= BRIEF_LIMITS.factChars) packed[packed.length - 1] = `${last} ${fact}`;
    else packed.push(fact);
  }
  if (packed.length > BRIEF_LIMITS.factsPerSection) {
    notes.push(`${where} dài hơn ${BRIEF_LIMITS.factsPerSection} ý: phần ý liệu chỉ giữ ${BRIEF_LIMITS.factsPerSection} ý đầu, các đoạn văn vẫn giữ đủ.`);
  }
  return packed.slice(0, BRIEF_LIMITS.factsPerSection);
}

function wordsOf(text: string): Set<string> {
  return new Set(fold(text).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !GENERIC.has(w) && !/^\d+$/.test(w)));
}

/** How much wording the printed heading and the template's heading share, against the shorter of the two. */
function likeness(title: string, section: TemplateSection): number {
  const a = wordsOf(title);
  const b = wordsOf(section.heading ?? '');
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * Each printed section goes to the template section whose heading it resembles most (the printed
 * heading is kept as the section's title); the others take the remaining sections in order.
 */
function assignSections(printed: ImportedSection[], template: Template): (TemplateSection | null)[] {
  const body = template.sections.filter((s) => s.role === 'body');
  const taken = new Set<string>();
  const out: (TemplateSection | null)[] = printed.map(() => null);
  const pairs = printed.flatMap((p, i) => body.map((s) => ({ i, s, score: likeness(p.title ?? '', s) }))).filter((x) => x.score >= 0.5);
  pairs.sort((x, y) => y.score - x.score);
  for (const { i, s } of pairs) {
    if (out[i] || taken.has(s.key)) continue;
    out[i] = s;
    taken.add(s.key);
  }
  printed.forEach((_, i) => {
    if (out[i]) return;
    // Keep document order: the first free section after the one before it.
    const before = out.slice(0, i).reverse().find((s) => s);
    const from = before ? body.indexOf(before) + 1 : 0;
    const free = body.slice(from).find((s) => !taken.has(s.key)) ?? body.find((s) => !taken.has(s.key));
    if (free) {
      out[i] = free;
      taken.add(free.key);
    }
  });
  return out;
}

function chooseTemplate(layout: Layout, templates: TemplateRegistry, notes: string[]): Template {
  const ids = new Set(templates.list().map((t) => t.id));
  if (layout.type && ids.has(layout.type.id)) return templates.get(layout.type.id);
  if (layout.type) {
    throw new DraftError('bad_input', `Văn bản này là ${layout.type.name.toLocaleLowerCase('vi')}; soanthao chỉ soạn ${templates.list().map((t) => t.name.toLocaleLowerCase('vi')).join(', ')}.`, [
      { field: 'file', message: `Chưa hỗ trợ loại văn bản ${layout.type.name.toLocaleLowerCase('vi')}` },
    ]);
  }
  notes.push('Không nhận ra loại văn bản (không thấy tên loại, V/v hay mã ký hiệu): tạm nhập thành báo cáo.');
  return templates.get('bao-cao');
}

export interface ToBriefInput {
  layout: Layout;
  header: ImportedHeader;
  closing: ImportedClosing;
  body: ImportedBody;
  /** `YYYY-MM`, used when the document has no readable date. */
  thisMonth: string;
}

export function toBrief(input: ToBriefInput, templates: TemplateRegistry): ImportedDraft {
  const { layout, header, closing, body } = input;
  const notes: string[] = [...body.notes];
  const template = chooseTemplate(layout, templates, notes);
  const paragraphs: Record<string, ImportedParagraph[]> = {};
  const briefSections: BriefInput['sections'] = [];
  const opening = template.sections.find((s) => s.role === 'opening');
  const closingSection = template.sections.find((s) => s.role === 'closing');
  const firstBody = template.sections.find((s) => s.role === 'body');

  let printed = body.sections;
  let openingTexts = body.opening;
  if (printed.length === 0 && firstBody && openingTexts.length > 0) {
    // No headings (a công văn, a thông báo): the first paragraph opens, the rest is the content.
    printed = openingTexts.length > 1 ? [{ title: null, paragraphs: openingTexts.slice(1), parts: [], tasks: [] }] : [];
    openingTexts = openingTexts.slice(0, 1);
  }

  if (opening && openingTexts.length > 0) {
    paragraphs[opening.key] = openingTexts.map((text) => ({ part: null, text }));
    briefSections.push({ key: opening.key, facts: fitFacts(openingTexts.flatMap(factsOf), notes, 'Phần mở đầu') });
  }

  // Printed sections by the template section they go to; one the template has no room for joins the one before.
  const groups = new Map<string, ImportedSection[]>();
  const assigned = assignSections(printed, template);
  printed.forEach((section, i) => {
    const target = assigned[i] ?? assigned.slice(0, i).reverse().find((s) => s) ?? firstBody;
    if (!target) return;
    if (!assigned[i]) notes.push(`Mục "${section.title}" không có chỗ riêng trong mẫu ${template.name.toLocaleLowerCase('vi')}: đã ghép vào mục trước, tiêu đề giữ thành một đoạn.`);
    groups.set(target.key, [...(groups.get(target.key) ?? []), section]);
  });
  for (const [key, group] of groups) {
    const target = template.sections.find((s) => s.key === key)!;
    const first = group[0]!;
    const merged = group.length > 1;
    // A brief section has one list of sub-sections: merged sections keep their headings as text instead.
    paragraphs[key] = group.flatMap((g, n): ImportedParagraph[] => [
      ...(n > 0 && g.title ? [{ part: null, text: g.title }] : []),
      ...g.paragraphs.map((text) => ({ part: null, text })),
      ...g.parts.flatMap((p, k): ImportedParagraph[] => (merged ? [{ part: null, text: `${k + 1}. ${p.title}` }, ...p.paragraphs.map((text) => ({ part: null, text }))] : p.paragraphs.map((text) => ({ part: k, text })))),
    ]);
    const tasks = group.flatMap((g) => g.tasks);
    if (tasks.length > 0 && !target.taskTable) notes.push(`Mục "${first.title ?? target.heading ?? key}" có bảng nhiệm vụ nhưng mẫu không có chỗ cho bảng: bảng chưa được nhập.`);
    const leadFacts = first.paragraphs.flatMap(factsOf);
    const allFacts = paragraphs[key]!.flatMap((p) => factsOf(p.text));
    const withParts = !merged && first.parts.length > 0;
    const keptTasks = target.taskTable ? tasks.slice(0, BRIEF_LIMITS.tasksPerSection) : [];
    briefSections.push({
      key,
      ...(first.title ? { title: first.title } : {}),
      ...(withParts
        ? {
            parts: first.parts.slice(0, BRIEF_LIMITS.partsPerSection).map((p, k) => {
              const facts = [...(k === 0 ? leadFacts : []), ...p.paragraphs.flatMap(factsOf)];
              return { title: p.title, facts: fitFacts(facts.length > 0 ? facts : [p.title], notes, `Tiểu mục "${p.title}"`) };
            }),
          }
        : { facts: fitFacts(allFacts.length > 0 || keptTasks.length > 0 ? allFacts : [first.title ?? target.heading ?? key], notes, `Mục "${first.title ?? target.heading ?? key}"`) }),
      ...(keptTasks.length > 0 ? { tasks: keptTasks } : {}),
    });
  }

  if (closingSection && body.closing) {
    paragraphs[closingSection.key] = [{ part: null, text: body.closing }];
    briefSections.push({ key: closingSection.key, facts: factsOf(body.closing) });
  }
  if (Object.keys(paragraphs).length === 0) {
    throw new DraftError('bad_input', 'Không tìm thấy nội dung nào trong văn bản này để nhập.', [{ field: 'file', message: 'Văn bản không có đoạn nội dung' }]);
  }
  for (const key of Object.keys(paragraphs)) {
    if (paragraphs[key]!.length > (template.sections.find((s) => s.key === key)?.paragraphs.max ?? Infinity)) {
      notes.push(`Mục "${template.sections.find((s) => s.key === key)?.heading ?? key}" có nhiều đoạn hơn mẫu thường dùng: đã giữ đủ các đoạn.`);
    }
  }

  const missing = (what: string) => notes.push(`Không đọc được ${what} trong văn bản: hãy điền trong phần ý liệu.`);
  if (!header.org) missing('tên cơ quan ban hành');
  if (!header.symbol) missing('ký hiệu văn bản');
  if (!header.place) missing('địa danh');
  if (!header.date) missing('ngày tháng năm ban hành');
  if (!header.subject) missing('trích yếu');
  const symbol = header.symbol ?? (template.code ? `${template.code}-UBND` : 'UBND');
  if (!header.symbol) notes.push(`Ký hiệu tạm ghi "${symbol}".`);

  // A reading gone wrong must not refuse the whole file over a field's length: cut to the brief's limits.
  const clip = (text: string, max: number = BRIEF_LIMITS.fieldChars) => (text.length > max ? text.slice(0, max).trimEnd() : text);
  const order = new Map(template.sections.map((s, i) => [s.key, i]));
  briefSections.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const brief: BriefInput = {
    version: 1,
    template: template.id,
    header: {
      parentOrg: clip(header.parentOrg),
      org: clip(header.org) || '[Tên cơ quan ban hành]',
      number: header.number,
      symbol,
      place: clip(header.place, 100) || '[Địa danh]',
      date: header.date ?? input.thisMonth,
      subject: clip(header.subject) || '[Trích yếu]',
      recipients: template.kinhGui === 'none' ? [] : header.recipients.slice(0, BRIEF_LIMITS.listItems).map((r) => clip(r)),
    },
    sections: briefSections,
    signer: { lines: closing.signer.lines.map((l) => clip(l, 200)), name: clip(closing.signer.name, 100) },
    copies: closing.copies.slice(0, BRIEF_LIMITS.listItems).map((c) => clip(c, 300)),
    archive: clip(closing.archive, 100),
  };
  return { brief, template, paragraphs, notes };
}
