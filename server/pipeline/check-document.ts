import type { Draft } from '../types/draft.js';
import type { Finding } from '../types/finding.js';
import type { Template } from '../template/schema.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { checkDraftSection, checkDraftWhole } from '../checks/index.js';
import { visibleParagraphs } from '../draft/model.js';
import { answerFindings } from './answer-checks.js';
import type { Glossary } from '../lexicon/glossary.js';

/** Said about how a text was written (cut, replaced by the composer), not about the text: kept until it is written again. */
export const isWritingNote = (f: Finding) => f.rule.startsWith('provider.');

/**
 * Every check of a draft as it stands: the prose checks, the form of each paragraph (English
 * prose, over-long paragraphs), and what was noted when each text was written. A section at a
 * time, letting other requests in between: a long draft checked afresh takes a while.
 */
export async function checkDocument(draft: Draft, template: Template, sectionNotes: Record<string, Finding[]> = {}, glossary: Glossary = {}): Promise<Finding[]> {
  const findings = checkDraftWhole(draft, template);
  for (const section of template.sections) {
    await nextTurn();
    findings.push(...checkDraftSection(draft, template, section.key, glossary));
  }
  for (const section of template.sections) {
    const paragraphs = visibleParagraphs(draft, section.key);
    const form = answerFindings(section, paragraphs.map((p) => p.current.text));
    paragraphs.forEach((p, i) => {
      findings.push(...form[i]!.map((f) => ({ ...f, where: { ...f.where, paragraph: p.position } })));
      findings.push(...p.current.findings.filter(isWritingNote).map((f) => ({ ...f, where: { ...f.where, section: section.key, paragraph: p.position } })));
    });
    findings.push(...(sectionNotes[section.key] ?? []).filter(isWritingNote));
  }
  return findings;
}
