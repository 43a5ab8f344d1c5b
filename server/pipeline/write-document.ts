import type { Brief } from '../types/brief.js';
import type { Draft, Paragraph } from '../types/draft.js';
import type { Finding } from '../types/finding.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { Neighbours, Provider } from '../provider/types.js';
import { sectionFacts } from '../brief/schema.js';
import { DraftError } from '../errors.js';
import type { Glossary } from '../lexicon/glossary.js';
import { settleWithLimit } from '../draft/limit.js';
import { writeSection, type SectionResult } from './write-section.js';

/** The sections a draft writes: formula sections always, body sections where the brief has them. */
export function draftableSections(brief: Brief, template: Template): TemplateSection[] {
  return template.sections.filter((s) => s.role !== 'body' || brief.sections.some((b) => b.key === s.key));
}

/** The facts of a section as prompt lines; '' when the brief has none. */
export function factLines(brief: Brief, key: string | undefined): string {
  const b = brief.sections.find((s) => s.key === key);
  return b ? sectionFacts(b).map((f) => `- ${f}`).join('\n') : '';
}

/** The sections either side of one, among those the document has (a template section the brief leaves out is not a neighbour). */
export function neighbourKeys(brief: Brief, template: Template, key: string): { before?: string; after?: string } {
  const keys = draftableSections(brief, template).map((s) => s.key);
  const i = keys.indexOf(key);
  return { before: keys[i - 1], after: keys[i + 1] };
}

/** While every section is written at once none has text yet: each is told its neighbours' facts. */
export function neighbourFacts(brief: Brief, template: Template, key: string): Neighbours {
  const { before, after } = neighbourKeys(brief, template, key);
  return { kind: 'facts', before: factLines(brief, before), after: factLines(brief, after) };
}

export interface DocumentOutcome {
  section: string;
  result?: SectionResult;
  error?: DraftError;
}

/**
 * Writes a whole document from a brief, with no store: the CLI and the eval draft through this,
 * the drafting service through writeSection itself so that each section is saved as it ends.
 */
export async function writeDocument(
  brief: Brief,
  template: Template,
  provider: Provider,
  options: { concurrency?: number; glossary?: Glossary } = {},
): Promise<{ draft: Draft; outcomes: DocumentOutcome[] }> {
  const sections = draftableSections(brief, template);
  const glossary = options.glossary ?? {};
  const settled = await settleWithLimit(
    sections.map((section) => () => writeSection({ template, brief, section, provider, glossary, neighbours: neighbourFacts(brief, template, section.key) })),
    options.concurrency ?? 4,
  );
  const outcomes = settled.map((r, i): DocumentOutcome => {
    const section = sections[i]!.key;
    if (r.status === 'fulfilled') return { section, result: r.value };
    const error = r.reason instanceof DraftError ? r.reason : new DraftError('internal', 'Lỗi không mong đợi khi soạn mục này', [], { cause: r.reason });
    return { section, error };
  });
  return { draft: inMemoryDraft(brief, template, outcomes), outcomes };
}

/** A draft held in memory, shaped as the store would give it back, so the same views render it. */
function inMemoryDraft(brief: Brief, template: Template, outcomes: readonly DocumentOutcome[]): Draft {
  const now = new Date().toISOString();
  let id = 0;
  const paragraphs: Record<string, Paragraph[]> = {};
  for (const o of outcomes) {
    if (!o.result) continue;
    const meta = o.result.meta;
    paragraphs[o.section] = o.result.paragraphs.map((p, position) => {
      id += 1;
      const findings: Finding[] = p.findings;
      return {
        id,
        sectionKey: o.section,
        part: p.part,
        position,
        current: { ...meta, id, paragraphId: id, seq: 1, text: p.text, findings, createdAt: now },
        revisionCount: 1,
      };
    });
  }
  return { id: 'in-memory', title: brief.header.subject, templateId: template.id, createdAt: now, updatedAt: now, brief, paragraphs };
}
