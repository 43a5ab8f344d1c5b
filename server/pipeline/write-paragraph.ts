import type { Brief } from '../types/brief.js';
import type { Finding } from '../types/finding.js';
import type { RevisionMeta, Usage } from '../types/draft.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { Provider } from '../provider/types.js';
import { UnusableAnswer } from '../provider/types.js';
import { OFFLINE_META } from '../provider/offline.js';
import { checkSection } from '../checks/index.js';
import type { Glossary } from '../lexicon/glossary.js';
import { answerFindings, paragraphMaxChars, tidyParagraph } from './answer-checks.js';
import { composeFormulaSection, fallbackFinding, formulaFinding, formulaGuide, missingFixedWords } from './formula.js';
import { unusableError, withOneRepair } from './rounds.js';

export interface ParagraphInput {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  provider: Provider;
  /** The section's visible paragraphs as they stand, in order. */
  paragraphs: readonly { part: number | null; text: string }[];
  /** Which of them to rewrite. */
  index: number;
  instruction: string | null;
  /** The office's meanings of abbreviations, for the provider and the checks; none when absent. */
  glossary?: Glossary;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
  onRetry?: (reason: string) => void;
}

export interface ParagraphResult {
  /** The new paragraph, or the paragraphs it was split into: offered as they came, never merged. */
  texts: string[];
  /** Findings of the new text, at the paragraph's index. */
  findings: Finding[];
  sectionFindings: Finding[];
  meta: RevisionMeta;
  rounds: number;
}

/** The first or last sentence of a paragraph: what a rewrite needs to join its neighbours. */
export function edgeSentence(text: string | undefined, edge: 'first' | 'last'): string {
  if (!text) return '';
  // A full stop between digits (1.500) ends no sentence: only one followed by a space does.
  const sentences = text.split(/(?<=[.!?])\s+/u).filter(Boolean);
  return (edge === 'first' ? sentences[0] : sentences[sentences.length - 1]) ?? '';
}

/**
 * Rewrites one paragraph: the provider writes, the new text is checked once in its section, and one
 * repair round acts on certain faults. The section's other paragraphs never change.
 */
export async function writeParagraph(input: ParagraphInput): Promise<ParagraphResult> {
  const { template, brief, section, provider, index } = input;
  const briefSection = brief.sections.find((s) => s.key === section.key);
  const current = input.paragraphs[index]!;
  const glossary = input.glossary ?? {};
  const formula = formulaGuide(template, brief, section, briefSection, glossary);

  // The new text is judged where it will stand: its own findings, and the section's as a whole.
  const judge = (texts: string[]) => {
    const all = input.paragraphs.map((p, i) => (i === index ? texts.join('\n\n') : p.text));
    const checked = checkSection(brief, template, section.key, all, glossary);
    const missing = formula ? missingFixedWords(texts.join(' '), formula.fixed) : [];
    const findings = [
      ...checked.byParagraph[index]!,
      ...answerFindings(section, texts).flat().map((f) => ({ ...f, where: { ...f.where, paragraph: index } })),
      ...(missing.length > 0 ? [formulaFinding(section.key, section.role, missing, index)] : []),
    ];
    return { texts, findings, sectionFindings: checked.section };
  };

  const result = await withOneRepair({
    write: (repair) =>
      provider.rewriteParagraph({
        template,
        brief,
        section,
        briefSection,
        paragraph: { part: current.part, text: current.text, position: index },
        before: edgeSentence(input.paragraphs[index - 1]?.text, 'last'),
        after: edgeSentence(input.paragraphs[index + 1]?.text, 'first'),
        paragraphMaxChars: paragraphMaxChars(section),
        formula,
        instruction: input.instruction,
        glossary,
        repair,
        signal: input.signal,
        onText: input.onText,
      }),
    read: (written) => {
      const texts = written.texts.map((t) => tidyParagraph(t, section.shape)).filter((t) => t !== '');
      if (texts.length === 0) throw new UnusableAnswer('Đoạn văn trả về bị trống.', written.answer, null);
      return judge(texts);
    },
    findingsOf: (judged) => judged.findings,
    onRetry: input.onRetry,
  });

  const fallback = (reason: string, usage: Usage | null): ParagraphResult => {
    const composed = composeFormulaSection(template, brief, section, briefSection, glossary)[0]?.text;
    const judged = judge([composed ? tidyParagraph(composed, section.shape) : current.text]);
    judged.findings.push(fallbackFinding(section.key, index, reason));
    return { ...judged, meta: { ...OFFLINE_META, usage }, rounds: 2 };
  };
  if ('unusable' in result) {
    if (!formula) throw unusableError(result.unusable, 'Đoạn cũ được giữ nguyên.');
    return fallback(result.unusable.message, result.usage);
  }
  if (formula && result.value.findings.some((f) => f.rule === 'formula.fixed-words')) {
    return fallback('thiếu chữ cố định của thể thức', result.meta.usage);
  }
  return { ...result.value, meta: result.meta, rounds: result.rounds };
}
