import type { Template } from '../template/schema.js';
import type { BriefTask } from '../brief/schema.js';
import type { Draft } from './model.js';
import { visibleParagraphs } from './model.js';
import { BLANK, dateLine } from '../text/date.js';
import { presentSections } from '../present/sections.js';
import { keepNamesTogether } from '../text/line-breaks.js';

/**
 * The document as it will print: every string resolved, ready for the page and the .docx.
 * The export renders this and nothing else, so the page and the file cannot disagree.
 */
export interface DocumentView {
  template: Pick<Template, 'id' | 'name' | 'typeName' | 'code' | 'kinhGui' | 'vv'>;
  header: {
    /** UPPER case; empty when there is no parent body. */
    parentOrg: string;
    org: string;
    /**
     * The two names as they print: word groups held together by no-break spaces, so the page, like
     * the .docx, wraps "ỦY BAN NHÂN DÂN / HUYỆN NGHI XUÂN" and never "HUYỆN NGHI / XUÂN". Always set
     * here; the export works them out from the names again, so a view made by hand needs none.
     */
    parentOrgPrint?: string;
    orgPrint?: string;
    /** `Số: 84/BC-TTT`, or `Số:      /BC-UBND` with the number left blank. */
    numberLine: string;
    /** `Nghi Xuân, ngày 05 tháng 12 năm 2021` (day possibly blank). */
    dateLine: string;
    /** Tên loại (BÁO CÁO); null for công văn. */
    typeName: string | null;
    /** Trích yếu; for công văn the full `V/v …` line. */
    subject: string;
    recipients: string[];
    /**
     * Kính gửi as printed: `Kính gửi: X` for one recipient; for several, `Kính gửi:` then `- A;` …
     * `- B.`, one line each. Empty where the type has no Kính gửi.
     */
    kinhGui: string[];
  };
  body: BodyBlock[];
  signer: { lines: string[]; name: string };
  /** Nơi nhận entries as printed: `- Như trên;` … `- Lưu: VT, KTHT.` */
  copies: string[];
}

export type BodyBlock =
  | { kind: 'heading'; text: string; section: string }
  | { kind: 'subheading'; text: string; section: string; part: number }
  | { kind: 'paragraph'; text: string; section: string; position: number; paragraphId: number }
  /**
   * A task table (kế hoạch): a header row of `columns`, then one row per task, cells as staff wrote them.
   * `text` is the table read as lines, for readers that take every block as text (the eval, a search).
   */
  | { kind: 'table'; text: string; section: string; columns: string[]; rows: string[][] };

export const TASK_TABLE_COLUMNS = ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn'];

function taskTable(section: string, tasks: readonly BriefTask[]): Extract<BodyBlock, { kind: 'table' }> {
  const rows = tasks.map((t, i) => [String(i + 1), t.task, t.lead, t.support ?? '', t.deadline]);
  const text = tasks
    .map((t, i) => `${i + 1}. ${t.task}; chủ trì: ${t.lead}${t.support ? `; phối hợp: ${t.support}` : ''}; thời hạn: ${t.deadline}`)
    .join('\n');
  return { kind: 'table', text, section, columns: [...TASK_TABLE_COLUMNS], rows };
}

export const END_MARK = './.';

export function numberLine(number: string, symbol: string): string {
  const n = number === '' ? BLANK : number.padStart(2, '0');
  return `Số: ${n}/${symbol}`;
}

/**
 * Nơi nhận as printed: each entry `- …;`, `- Lưu: …` last with a full stop. "Như trên" points at the
 * Kính gửi, so it leads the list where the document has one and is left out where it has none
 * ("Như Kính gửi", which some tờ trình use, is kept as staff wrote it).
 */
export function copiesLines(copies: readonly string[], archive: string, template: Template, hasKinhGui: boolean): string[] {
  const entries = copies.map((c) => c.replace(/^[-–•]\s*/, '').replace(/[;.,]\s*$/, '').trim()).filter(Boolean);
  const nhuTren = entries.findIndex((e) => /^như trên$/iu.test(e));
  if (nhuTren >= 0) {
    const [entry] = entries.splice(nhuTren, 1);
    if (hasKinhGui) entries.unshift(entry!);
  }
  const archiveText = (archive.trim() || template.defaults.archive).replace(/^lưu\s*:\s*/i, '').replace(/[.;,]\s*$/, '');
  return [...entries.map((e) => `- ${e};`), `- Lưu: ${archiveText}.`];
}

/** The recipient as staff wrote it, without a dash or closing mark the list adds itself. */
function bareRecipient(recipient: string): string {
  return recipient.trim().replace(/^[-–•]\s*/, '').replace(/[;.,]\s*$/, '');
}

export function kinhGuiLines(recipients: readonly string[]): string[] {
  const names = recipients.map(bareRecipient).filter(Boolean);
  if (names.length === 0) return [];
  if (names.length === 1) return [`Kính gửi: ${names[0]}`];
  return ['Kính gửi:', ...names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`)];
}

/** Ensures the text ends with "./." exactly once. */
export function withEndMark(text: string): string {
  const t = text.trimEnd();
  if (t.endsWith(END_MARK)) return t;
  return t.replace(/[.;:,]+$/, '') + END_MARK;
}

/** The paragraphs of one revision's text: one, or several separated by a blank line. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/u).map((t) => t.trim()).filter(Boolean);
}

export function toDocument(draft: Draft, template: Template): DocumentView {
  const { brief } = draft;
  const h = brief.header;
  const body: BodyBlock[] = [];
  const tasksOf = (key: string) =>
    template.sections.find((s) => s.key === key)?.taskTable ? (brief.sections.find((s) => s.key === key)?.tasks ?? []) : [];
  const presented = presentSections(template, brief, (key) => visibleParagraphs(draft, key).length > 0 || tasksOf(key).length > 0);
  for (const section of presented) {
    const briefSection = brief.sections.find((s) => s.key === section.key);
    const paragraphs = visibleParagraphs(draft, section.key);
    const tasks = tasksOf(section.key);
    if (paragraphs.length === 0 && tasks.length === 0) continue;
    if (section.heading) body.push({ kind: 'heading', text: section.heading, section: section.key });
    let lastPart: number | null = null;
    for (const p of paragraphs) {
      if (p.part !== null && p.part !== lastPart && briefSection?.parts?.[p.part]) {
        body.push({
          kind: 'subheading',
          text: `${p.part + 1}. ${briefSection.parts[p.part]!.title}`,
          section: section.key,
          part: p.part,
        });
      }
      lastPart = p.part;
      // A rewrite the model returned as two paragraphs is kept as two, in one revision.
      for (const text of splitParagraphs(p.current.text)) {
        body.push({ kind: 'paragraph', text, section: section.key, position: p.position, paragraphId: p.id });
      }
    }
    if (tasks.length > 0) body.push(taskTable(section.key, tasks));
  }
  const last = [...body].reverse().find((b) => b.kind === 'paragraph');
  if (last) last.text = withEndMark(last.text);

  const subject = template.vv ? `V/v ${h.subject.replace(/^v\/v\s*/i, '')}` : h.subject;
  const copies = brief.copies.length > 0 ? brief.copies : template.defaults.copies;
  const kinhGui = template.kinhGui === 'none' ? [] : kinhGuiLines(h.recipients);
  return {
    template: {
      id: template.id,
      name: template.name,
      typeName: template.typeName,
      code: template.code,
      kinhGui: template.kinhGui,
      vv: template.vv,
    },
    header: {
      parentOrg: h.parentOrg.toLocaleUpperCase('vi'),
      org: h.org.toLocaleUpperCase('vi'),
      parentOrgPrint: keepNamesTogether(h.parentOrg.toLocaleUpperCase('vi')),
      orgPrint: keepNamesTogether(h.org.toLocaleUpperCase('vi')),
      numberLine: numberLine(h.number, h.symbol),
      dateLine: dateLine(h.place, h.date),
      typeName: template.typeName,
      subject,
      recipients: template.kinhGui === 'none' ? [] : h.recipients,
      kinhGui,
    },
    body,
    // Only the signer staff named: a guessed "TM. ỦY BAN NHÂN DÂN" would be wrong for any other office.
    // Without one the block stays blank for the văn thư, and the draft's checks report it.
    signer: { lines: brief.signer.lines.map((l) => l.toLocaleUpperCase('vi')), name: brief.signer.name },
    copies: copiesLines(copies, brief.archive, template, kinhGui.length > 0),
  };
}
