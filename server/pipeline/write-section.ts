import type { Brief } from '../types/brief.js';
import type { Finding } from '../types/finding.js';
import type { ParagraphText, RevisionMeta } from '../types/draft.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { Neighbours, Provider, Repair } from '../provider/types.js';
import { UnusableAnswer } from '../provider/types.js';
import { OFFLINE_META } from '../provider/offline.js';
import { sectionFacts } from '../brief/schema.js';
import { checkSection } from '../checks/index.js';
import { DraftError } from '../errors.js';
import { answerFindings, paragraphMaxChars, tidyParagraph } from './answer-checks.js';
import { composeFormulaSection, formulaFinding, formulaGuide, missingFixedWords } from './formula.js';
import { problemsOf } from './repairable.js';
import { UsageTally } from './usage.js';

export interface SectionInput {
  template: Template;
  brief: Brief;
  section: TemplateSection;
  provider: Provider;
  neighbours: Neighbours;
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

/** Checks run once on a section's paragraphs: the prose checks and the answer's own form. */
export function checkWritten(brief: Brief, template: Template, section: TemplateSection, paragraphs: readonly ParagraphText[]) {
  const texts = paragraphs.map((p) => p.text);
  const checked = checkSection(brief, template, section.key, texts);
  const form = answerFindings(section, texts);
  const guide = formulaGuide(template, brief, section, brief.sections.find((s) => s.key === section.key));
  const missing = guide ? missingFixedWords(texts.join(' '), guide.fixed) : [];
  const formula = missing.length > 0 ? [formulaFinding(section.key, section.role, missing)] : [];
  return {
    paragraphs: paragraphs.map((p, i) => ({ ...p, findings: [...checked.byParagraph[i]!, ...form[i]!, ...(i === 0 ? formula : [])] })),
    sectionFindings: checked.section,
  };
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn mục này; văn bản trước đó được giữ nguyên.');
}

/**
 * Writes one section: the provider writes the prose, code tidies it (dashes, spaces), the checks run
 * once, and an answer that cannot be used or carries a certain error is sent back once with what was
 * wrong. The opening and closing fall back to the composer's formula when the model misses it.
 */
export async function writeSection(input: SectionInput): Promise<SectionResult> {
  const { template, brief, section, provider } = input;
  const briefSection = brief.sections.find((s) => s.key === section.key);
  const formula = formulaGuide(template, brief, section, briefSection);
  // A section that is only a task table has no prose to write.
  if (!formula && (!briefSection || sectionFacts(briefSection).length === 0)) {
    return { paragraphs: [], sectionFindings: [], meta: OFFLINE_META, rounds: 0 };
  }
  const partCount = briefSection?.parts?.length ?? 1;
  const tally = new UsageTally();
  const fallback = (reason: string): SectionResult => {
    const paragraphs = composeFormulaSection(template, brief, section, briefSection);
    const checked = checkWritten(brief, template, section, paragraphs);
    const note: Finding = {
      rule: 'provider.formula-fallback',
      severity: 'warning',
      where: { section: section.key, paragraph: 0 },
      message: `Mô hình chưa viết được đoạn này (${reason}); đoạn do bộ soạn tự động viết theo thể thức, hãy đọc lại.`,
    };
    checked.paragraphs[0]?.findings.push(note);
    return { ...checked, meta: tally.meta(OFFLINE_META), rounds: 2 };
  };

  let repair: Repair | undefined;
  for (let round = 1; ; round++) {
    let problems: string[];
    let answer: string;
    try {
      const written = await provider.writeSection({
        template,
        brief,
        section,
        briefSection,
        partCount,
        paragraphMaxChars: paragraphMaxChars(section),
        formula,
        neighbours: input.neighbours,
        repair,
        signal: input.signal,
        onText: input.onText,
      });
      cancelled(input.signal);
      tally.add(written.meta.usage);
      answer = written.answer;
      const paragraphs = assemble(written.parts, section, partCount, briefSection?.parts ? true : false, written.answer);
      const checked = checkWritten(brief, template, section, paragraphs);
      problems = problemsOf([...checked.sectionFindings, ...checked.paragraphs.flatMap((p) => p.findings)]);
      if (problems.length === 0 || round === 2) {
        if (formula && checked.paragraphs[0]?.findings.some((f) => f.rule === 'formula.fixed-words')) return fallback('thiếu chữ cố định của thể thức');
        return { ...checked, meta: tally.meta(written.meta), rounds: round };
      }
    } catch (e) {
      // A server that failed (down, timed out) leaves the previous text as it is; only an answer that misses is replaced.
      if (!(e instanceof UnusableAnswer)) throw e;
      tally.add(e.usage);
      if (round === 2) {
        if (formula) return fallback(e.message);
        throw new DraftError(
          e.truncated ? 'provider_truncated' : 'provider_bad_output',
          `${e.truncated ? 'Câu trả lời của mô hình bị cắt vì vượt giới hạn độ dài (finish_reason: length), cả khi đã yêu cầu viết ngắn hơn' : `Mô hình trả lời không đúng định dạng sau 02 lần hỏi (${e.message})`}. Văn bản trước đó được giữ nguyên; hãy thử soạn lại, rút bớt ý liệu của mục hoặc đổi mô hình.`,
        );
      }
      problems = [e.message];
      answer = e.answer;
    }
    input.onRetry?.(problems.join(' '));
    repair = { answer, problems };
  }
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
