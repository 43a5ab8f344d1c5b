import type { Brief } from '../types/brief.js';
import type { Finding } from '../types/finding.js';
import type { ParagraphText, RevisionMeta, Usage } from '../types/draft.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { FormulaGuide, Neighbours, Provider } from '../provider/types.js';
import { UnusableAnswer } from '../provider/types.js';
import { OFFLINE_META } from '../provider/offline.js';
import { sectionFacts } from '../brief/schema.js';
import { checkSection } from '../checks/index.js';
import type { Glossary } from '../lexicon/glossary.js';
import { answerFindings, paragraphMaxChars, tidyParagraph } from './answer-checks.js';
import { composeFormulaSection, fallbackFinding, formulaFinding, formulaGuide, missingFixedWords } from './formula.js';
import { unusableError, withOneRepair } from './rounds.js';

export interface SectionInput {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  provider: Provider;
  neighbours: Neighbours;
  /** The office's meanings of abbreviations, for the provider and the checks; none when absent. */
  glossary?: Glossary;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  /** The text streamed so far is thrown away and asked for again, for this reason. */
  onRetry?: (reason: string) => void;
}

export interface WrittenParagraph extends ParagraphText {
  findings: Finding[];
}

export interface SectionResult {
  paragraphs: WrittenParagraph[];
  /** Findings of the section as a whole (a figure of the facts missing from every paragraph). */
  sectionFindings: Finding[];
  meta: RevisionMeta;
  /** How many times the provider was asked: 1, or 2 after a repair round. */
  rounds: number;
}

/** Checks run once on a section's paragraphs: the prose checks, the answer's own form, and a formula's fixed words. */
function checkWritten(brief: Brief, template: Template, section: TemplateSection, formula: FormulaGuide | null, glossary: Glossary, paragraphs: readonly ParagraphText[]) {
  const texts = paragraphs.map((p) => p.text);
  const checked = checkSection(brief, template, section.key, texts, glossary);
  const form = answerFindings(section, texts);
  const missing = formula ? missingFixedWords(texts.join(' '), formula.fixed) : [];
  const fixed = missing.length > 0 ? [formulaFinding(section.key, section.role, missing, 0)] : [];
  return {
    paragraphs: paragraphs.map((p, i) => ({ ...p, findings: [...checked.byParagraph[i]!, ...form[i]!, ...(i === 0 ? fixed : [])] })),
    sectionFindings: checked.section,
  };
}

/**
 * Writes one section: the provider writes the prose, code tidies it (dashes, spaces, end mark), the
 * checks run once, and one repair round acts on certain faults. An opening or closing that still
 * misses its formula's fixed words is the composer's instead.
 */
export async function writeSection(input: SectionInput): Promise<SectionResult> {
  const { template, brief, section, provider } = input;
  const glossary = input.glossary ?? {};
  const briefSection = brief.sections.find((s) => s.key === section.key);
  const formula = formulaGuide(template, brief, section, briefSection, glossary);
  // A section that is only a task table has no prose to write.
  if (!formula && (!briefSection || sectionFacts(briefSection).length === 0)) {
    return { paragraphs: [], sectionFindings: [], meta: OFFLINE_META, rounds: 0 };
  }
  const partCount = briefSection?.parts?.length ?? 1;
  const check = (paragraphs: readonly ParagraphText[]) => checkWritten(brief, template, section, formula, glossary, paragraphs);

  const result = await withOneRepair({
    write: (repair) =>
      provider.writeSection({
        template,
        brief,
        section,
        briefSection,
        partCount,
        paragraphMaxChars: paragraphMaxChars(section),
        formula,
        neighbours: input.neighbours,
        glossary,
        repair,
        signal: input.signal,
        onText: input.onText,
      }),
    read: (written) => check(assemble(written.parts, section, partCount, !!briefSection?.parts, written.answer)),
    findingsOf: (checked) => [...checked.sectionFindings, ...checked.paragraphs.flatMap((p) => p.findings)],
    onRetry: input.onRetry,
  });

  const fallback = (reason: string, usage: Usage | null): SectionResult => {
    const composed = check(composeFormulaSection(template, brief, section, briefSection, glossary).map((p) => ({ ...p, text: tidyParagraph(p.text, section.shape) })));
    composed.paragraphs[0]?.findings.push(fallbackFinding(section.key, 0, reason));
    return { ...composed, meta: { ...OFFLINE_META, usage }, rounds: 2 };
  };
  if ('unusable' in result) {
    if (!formula) throw unusableError(result.unusable, 'Văn bản trước đó được giữ nguyên.');
    return fallback(result.unusable.message, result.usage);
  }
  if (formula && result.value.paragraphs[0]?.findings.some((f) => f.rule === 'formula.fixed-words')) {
    return fallback('thiếu chữ cố định của thể thức', result.meta.usage);
  }
  return { ...result.value, meta: result.meta, rounds: result.rounds };
}

/** The parts a provider wrote, as tidy paragraphs; an answer of the wrong shape cannot be used. */
function assemble(parts: string[][], section: TemplateSection, partCount: number, numberedParts: boolean, answer: string): ParagraphText[] {
  if (parts.length !== partCount) {
    throw new UnusableAnswer(`Mảng "parts" có ${parts.length} phần tử, cần đúng ${partCount} (mỗi tiểu mục một phần tử).`, answer, null);
  }
  const paragraphs = parts.flatMap((texts, i) =>
    texts
      .map((t) => tidyParagraph(t, section.shape))
      .filter((t) => t !== '')
      .map((text) => ({ part: numberedParts ? i : null, text })),
  );
  if (paragraphs.length === 0) throw new UnusableAnswer('Câu trả lời không có đoạn văn nào.', answer, null);
  return paragraphs;
}
