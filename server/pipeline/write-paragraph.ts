import type { Brief } from '../types/brief.js';
import type { Finding } from '../types/finding.js';
import type { RevisionMeta } from '../types/draft.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { Provider, Repair } from '../provider/types.js';
import { UnusableAnswer } from '../provider/types.js';
import { OFFLINE_META } from '../provider/offline.js';
import { checkSection } from '../checks/index.js';
import { DraftError } from '../errors.js';
import { answerFindings, paragraphMaxChars, tidyParagraph } from './answer-checks.js';
import { composeFormulaSection, formulaFinding, formulaGuide, missingFixedWords } from './formula.js';
import { problemsOf } from './repairable.js';
import { UsageTally } from './usage.js';

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
 * Rewrites one paragraph: the provider writes, the new text is checked once in its section, and a
 * certain error or an unusable answer is sent back once. The section's other paragraphs never change.
 */
export async function writeParagraph(input: ParagraphInput): Promise<ParagraphResult> {
  const { template, brief, section, provider, index } = input;
  const briefSection = brief.sections.find((s) => s.key === section.key);
  const current = input.paragraphs[index]!;
  const formula = formulaGuide(template, brief, section, briefSection);
  const tally = new UsageTally();

  const judge = (texts: string[]) => {
    const all = input.paragraphs.map((p, i) => (i === index ? texts.join('\n\n') : p.text));
    const checked = checkSection(brief, template, section.key, all);
    const missing = formula ? missingFixedWords(texts.join(' '), formula.fixed) : [];
    const findings = [
      ...checked.byParagraph[index]!,
      ...answerFindings(section, texts, index).flat().map((f) => ({ ...f, where: { ...f.where, paragraph: index } })),
      ...(missing.length > 0 ? [{ ...formulaFinding(section.key, section.role, missing), where: { section: section.key, paragraph: index } }] : []),
    ];
    return { findings, sectionFindings: checked.section };
  };
  const fallback = (reason: string): ParagraphResult => {
    const text = composeFormulaSection(template, brief, section, briefSection)[0]?.text ?? current.text;
    const judged = judge([text]);
    judged.findings.push({
      rule: 'provider.formula-fallback',
      severity: 'warning',
      where: { section: section.key, paragraph: index },
      message: `Mô hình chưa viết được đoạn này (${reason}); đoạn do bộ soạn tự động viết theo thể thức, hãy đọc lại.`,
    });
    return { texts: [text], ...judged, meta: tally.meta(OFFLINE_META), rounds: 2 };
  };

  let repair: Repair | undefined;
  for (let round = 1; ; round++) {
    let problems: string[];
    let answer: string;
    try {
      const written = await provider.rewriteParagraph({
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
        repair,
        signal: input.signal,
        onText: input.onText,
      });
      if (input.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn lại đoạn này; đoạn cũ được giữ nguyên.');
      tally.add(written.meta.usage);
      answer = written.answer;
      const texts = written.texts.map((t) => tidyParagraph(t, section.shape)).filter((t) => t !== '');
      if (texts.length === 0) throw new UnusableAnswer('Đoạn văn trả về bị trống.', written.answer, null);
      const judged = judge(texts);
      problems = problemsOf(judged.findings);
      if (problems.length === 0 || round === 2) {
        if (formula && judged.findings.some((f) => f.rule === 'formula.fixed-words')) return fallback('thiếu chữ cố định của thể thức');
        return { texts, ...judged, meta: tally.meta(written.meta), rounds: round };
      }
    } catch (e) {
      // A server that failed (down, timed out) leaves the previous text as it is; only an answer that misses is replaced.
      if (!(e instanceof UnusableAnswer)) throw e;
      tally.add(e.usage);
      if (round === 2) {
        if (formula) return fallback(e.message);
        throw new DraftError(
          e.truncated ? 'provider_truncated' : 'provider_bad_output',
          `${e.truncated ? 'Câu trả lời của mô hình bị cắt vì vượt giới hạn độ dài (finish_reason: length), cả khi đã yêu cầu viết ngắn hơn' : `Mô hình trả lời không đúng định dạng sau 02 lần hỏi (${e.message})`}. Đoạn cũ được giữ nguyên; hãy thử lại hoặc đổi mô hình.`,
        );
      }
      problems = [e.message];
      answer = e.answer;
    }
    input.onRetry?.(problems.join(' '));
    repair = { answer, problems };
  }
}
