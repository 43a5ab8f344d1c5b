import { BRIEF_LIMITS, type BriefInput, type BriefTask } from '../brief/schema.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { FieldValues, Intake } from './model.js';

export function emptyIntake(): Intake {
  return { header: {}, sections: [], skipped: [] };
}

/** The questions of the interview for a template, in order. */
export function asks(template: Template): string[] {
  return [
    'header.org',
    'header.subject',
    ...(template.kinhGui === 'none' ? [] : ['header.recipients']),
    'header.place',
    'header.symbol',
    'header.date',
    'signer',
    'copies',
    ...template.sections.map((s) => `facts:${s.key}`),
  ];
}

export function answered(intake: Intake, ask: string): boolean {
  if (intake.skipped.includes(ask)) return true;
  if (ask.startsWith('header.')) {
    const value = intake.header[ask.slice(7) as keyof Intake['header']];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
  }
  if (ask === 'signer') return intake.signer !== undefined;
  if (ask === 'copies') return intake.copies !== undefined;
  // A section's facts stay open until staff say they are done ("xong"), recorded as skipped.
  return false;
}

/**
 * The next thing to ask: a question staff went back to, else the first not yet answered, else the
 * summary to confirm; null once staff have confirmed it. Proposals waiting for a yes come before
 * all of these (see `askingNow`).
 */
export function nextAsk(intake: Intake, template: Template | undefined): string | null {
  if (!template) return 'template';
  if (intake.focus) return intake.focus;
  return asks(template).find((a) => !answered(intake, a)) ?? (intake.confirmed ? null : 'summary');
}

/** What the page shows as asked: `confirm` while a proposal waits for staff's yes or no. */
export function askingNow(intake: Intake, template: Template | undefined): string | null {
  return intake.pending?.length ? 'confirm' : nextAsk(intake, template);
}


export function sectionOf(intake: Intake, key: string): Intake['sections'][number] {
  let s = intake.sections.find((x) => x.key === key);
  if (!s) {
    s = { key };
    intake.sections.push(s);
  }
  return s;
}

export function applyFields(intake: Intake, fields: FieldValues): void {
  const { signer, copies, archive, ...header } = fields;
  for (const [k, v] of Object.entries(header)) if (v !== undefined) (intake.header as Record<string, unknown>)[k] = v;
  if (signer) intake.signer = signer;
  if (copies) intake.copies = copies;
  if (archive) intake.archive = archive;
}

const BULLET = /^\s*(?:[-–•*+]|\d+\))\s*/u;
const PART = /^\s*(\d+)[.]\s+(\S.*)$/u;
const PART_NUMBER = /^\s*\d+[.]\s+/u;

/** A kế hoạch's task line: "việc | đơn vị chủ trì | đơn vị phối hợp | thời hạn" (phối hợp may be left out). */
function taskOf(line: string): BriefTask | null {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length === 3) return { task: cells[0]!, lead: cells[1]!, deadline: cells[2]! };
  if (cells.length === 4) return { task: cells[0]!, lead: cells[1]!, ...(cells[2] ? { support: cells[2] } : {}), deadline: cells[3]! };
  return null;
}

/**
 * Adds pasted lines as facts: "1. Tên tiểu mục" followed by bullet lines opens a numbered sub-section,
 * and in a section with a task table, "việc | chủ trì | phối hợp | thời hạn" lines are its rows. Lines
 * past the brief's limits are refused whole, with the reason, so the interview never gathers a brief
 * it cannot draft.
 */
export function addFacts(intake: Intake, section: TemplateSection, lines: string[]): { added: number } | { error: string } {
  const before = structuredClone(sectionOf(intake, section.key));
  const result = addFactsTo(intake, section, lines);
  const s = sectionOf(intake, section.key);
  const lists = [s.facts ?? [], ...(s.parts ?? []).map((p) => p.facts)];
  const tooLong = lists.flat().find((f) => f.length > BRIEF_LIMITS.factChars);
  const tooMany = lists.some((l) => l.length > BRIEF_LIMITS.factsPerSection) || (s.tasks?.length ?? 0) > BRIEF_LIMITS.tasksPerSection;
  if (tooLong !== undefined || tooMany) {
    Object.assign(s, before);
    for (const k of ['facts', 'parts', 'tasks'] as const) if (!(k in before)) delete s[k];
    return {
      error: tooLong !== undefined
        ? `Có ý dài quá ${BRIEF_LIMITS.factChars.toLocaleString('vi-VN')} ký tự ("${tooLong.slice(0, 40)}…"): hãy tách thành nhiều ý ngắn.`
        : `Mỗi mục (hoặc tiểu mục) có tối đa ${BRIEF_LIMITS.factsPerSection} ý và ${BRIEF_LIMITS.tasksPerSection} dòng nhiệm vụ: các ý vừa gửi chưa được ghi. Hãy gộp bớt ý rồi gửi lại.`,
    };
  }
  return result;
}

export function clearFacts(intake: Intake, key: string): void {
  const s = sectionOf(intake, key);
  delete s.facts;
  delete s.parts;
  delete s.tasks;
}

function addFactsTo(intake: Intake, section: TemplateSection, lines: string[]): { added: number } {
  const s = sectionOf(intake, section.key);
  let added = 0;
  const filled = lines.filter((l) => l.trim());
  // "1. Tên tiểu mục" heads a sub-section only when bullet lines follow it; a plain numbered list is facts.
  const headsPart = (i: number) => section.role === 'body' && !BULLET.test(filled[i]!) && PART.test(filled[i]!) && BULLET.test(filled[i + 1] ?? '');
  for (const [i, raw] of filled.entries()) {
    const part = headsPart(i) ? PART.exec(raw) : null;
    if (part) {
      s.parts ??= [];
      if (s.facts?.length) {
        // Facts written before the first sub-section belong to it.
        s.parts.push({ title: part[2]!.trim(), facts: s.facts });
        delete s.facts;
      } else {
        s.parts.push({ title: part[2]!.trim(), facts: [] });
      }
      continue;
    }
    const fact = raw.replace(BULLET, '').replace(PART_NUMBER, '').trim();
    if (!fact) continue;
    const task = section.taskTable ? taskOf(fact) : null;
    if (task) {
      (s.tasks ??= []).push(task);
      added += 1;
      continue;
    }
    if (s.parts?.length) s.parts[s.parts.length - 1]!.facts.push(fact);
    else (s.facts ??= []).push(fact);
    added += 1;
  }
  return { added };
}

export function factCount(intake: Intake, key: string): number {
  const s = intake.sections.find((x) => x.key === key);
  return (s?.facts?.length ?? 0) + (s?.parts?.reduce((n, p) => n + p.facts.length, 0) ?? 0);
}

/** Where a document has Kính gửi, its Nơi nhận starts with "Như trên" (Phụ lục I §II.9.b): staff list only the others. */
function withNhuTren(copies: string[], template: Template, hasRecipients: boolean): string[] {
  if (template.kinhGui === 'none' || !hasRecipients || copies.some((c) => /^như trên$/iu.test(c.trim()))) return copies;
  return ['Như trên', ...copies];
}

/** The intake as a brief for the template: sections in template order, those without facts left out. */
export function toBriefInput(intake: Intake, template: Template): BriefInput {
  const h = intake.header;
  return {
    version: 1,
    template: template.id,
    header: {
      parentOrg: h.parentOrg ?? '',
      org: h.org ?? '',
      ...(h.orgName ? { orgName: h.orgName } : {}),
      number: h.number ?? '',
      symbol: h.symbol ?? '',
      place: h.place ?? '',
      date: h.date ?? '',
      subject: h.subject ?? '',
      recipients: h.recipients ?? [],
    },
    sections: template.sections
      .map((t) => intake.sections.find((s) => s.key === t.key))
      // A kế hoạch's task table is content too: a section may be a table alone.
      .filter((s): s is Intake['sections'][number] => s !== undefined && (factCount(intake, s.key) > 0 || (s.tasks?.length ?? 0) > 0))
      .map((s) => ({
        key: s.key,
        ...(s.title ? { title: s.title } : {}),
        ...(s.parts ? { parts: s.parts.filter((p) => p.facts.length > 0) } : { facts: s.facts ?? [] }),
        ...(s.tasks?.length ? { tasks: s.tasks } : {}),
      })),
    signer: intake.signer ?? { lines: template.defaults.signer.lines, name: template.defaults.signer.name },
    copies: withNhuTren(intake.copies ?? template.defaults.copies, template, (h.recipients ?? []).length > 0),
    archive: intake.archive ?? template.defaults.archive,
  };
}
