import type { Template } from '../template/schema.js';
import type { Brief } from '../brief/schema.js';
import { sectionFacts, sectionTaskCells } from '../brief/schema.js';
import type { Draft } from '../draft/model.js';
import { visibleParagraphs } from '../draft/model.js';
import type { Finding } from './finding.js';
import { checkGrounding } from './grounding.js';
import { checkText } from './text.js';
import { checkHeader } from './header.js';
import { checkStructure } from './structure.js';
import { checkRegister } from './register.js';
import { checkNames } from './names.js';
import { checkFactsUsed } from './facts-used.js';
import { checkNoteLabels } from './note-labels.js';
import { checkAbbreviations } from './abbreviations.js';
import { formulaSlots } from '../text/formula-slots.js';
import { expandAbbreviations, knownNames, type Glossary } from '../lexicon/index.js';


/** Header values any section may restate. */
export function headerTexts(brief: Brief): string[] {
  const h = brief.header;
  // The document's own date, written as text may restate it: "05/12/2021", or "12/2021" with the day left blank.
  const [y, m, d] = h.date.split('-');
  const date = d ? `${d}/${m}/${y}` : `${m}/${y}`;
  return [h.subject, h.number, date, h.symbol, h.parentOrg, h.org, h.place, ...h.recipients];
}

/** Checks of one section's paragraphs: the findings per paragraph index, and those of the section as a whole. */
export function checkSection(
  brief: Brief,
  template: Template,
  sectionKey: string,
  paragraphs: readonly string[],
  glossary: Glossary = {},
): { byParagraph: Finding[][]; section: Finding[] } {
  const briefSection = brief.sections.find((s) => s.key === sectionKey);
  const section = template.sections.find((s) => s.key === sectionKey);
  const formula = section?.role === 'opening' ? template.opening : section?.role === 'closing' ? template.closing : null;
  const slots = formulaSlots(brief);
  const facts = briefSection ? sectionFacts(briefSection) : [];
  // A fact is written in prose with its abbreviations spelled out, as the lexicon and the office's glossary read them.
  const spelled = facts.map((f) => ({ original: f, spelled: expandAbbreviations(f, glossary) }));
  const formulaTexts = formula ? [formula.withFacts, formula.withoutFacts, slots.org, slots.recipient, slots.subject] : [];
  // A task table prints its cells as written: the prose may restate them (a deadline, a unit) but need not.
  const taskCells = briefSection ? sectionTaskCells(briefSection) : [];
  const findings = [
    ...checkGrounding({
      section: sectionKey,
      facts,
      headerTexts: headerTexts(brief),
      allowedTexts: [...formulaTexts, ...taskCells],
      paragraphs,
    }),
    ...checkNames(sectionKey, paragraphs, [
      ...facts,
      ...spelled.map((f) => f.spelled),
      ...headerTexts(brief),
      ...formulaTexts,
      ...taskCells,
      slots.org,
      ...(briefSection?.parts?.map((p) => p.title) ?? []),
      ...knownNames(),
    ]),
    ...(section?.role === 'body' ? checkFactsUsed(sectionKey, spelled, paragraphs) : []),
    ...checkAbbreviations(sectionKey, paragraphs, glossary),
    ...paragraphs.flatMap((text, i) => [
      ...checkText(sectionKey, i, text),
      ...checkRegister(sectionKey, i, text, section?.role ?? 'body'),
      ...checkNoteLabels(sectionKey, i, text),
    ]),
  ];
  const byParagraph: Finding[][] = paragraphs.map(() => []);
  const sectionLevel: Finding[] = [];
  for (const f of findings) {
    if (f.where.paragraph !== undefined && byParagraph[f.where.paragraph]) byParagraph[f.where.paragraph]!.push(f);
    else sectionLevel.push(f);
  }
  return { byParagraph, section: sectionLevel };
}

/** Every check of the first set, over the whole draft as it stands. */
export function checkDraft(draft: Draft, template: Template, glossary: Glossary = {}): Finding[] {
  return [...checkDraftWhole(draft, template), ...template.sections.flatMap((s) => checkDraftSection(draft, template, s.key, glossary))];
}

/** The checks of the draft as a whole: its header and its structure. */
export function checkDraftWhole(draft: Draft, template: Template): Finding[] {
  return [...checkHeader(draft.brief, template), ...checkStructure(draft, template)];
}

/** The checks of one section of the draft, its findings placed where staff see its paragraphs. */
export function checkDraftSection(draft: Draft, template: Template, sectionKey: string, glossary: Glossary = {}): Finding[] {
  const paragraphs = visibleParagraphs(draft, sectionKey);
  if (paragraphs.length === 0) return [];
  const result = checkSection(draft.brief, template, sectionKey, paragraphs.map((p) => p.current.text), glossary);
  // Findings count visible paragraphs; staff see them by their place in the section.
  const atPosition = (f: Finding): Finding =>
    f.where.paragraph === undefined ? f : { ...f, where: { ...f.where, paragraph: paragraphs[f.where.paragraph]!.position } };
  return [...result.section, ...result.byParagraph.flat().map(atPosition)];
}
