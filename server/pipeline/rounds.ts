import type { Finding } from '../types/finding.js';
import type { RevisionMeta, Usage } from '../types/draft.js';
import type { Repair } from '../provider/types.js';
import { UnusableAnswer } from '../provider/types.js';
import { DraftError } from '../errors.js';
import { problemsOf } from './repairable.js';

export type RoundsResult<T> =
  | { value: T; meta: RevisionMeta; rounds: 1 | 2 }
  /** Two answers that could not be used; what they cost is kept for the revision that replaces them. */
  | { unusable: UnusableAnswer; usage: Usage | null; rounds: 2 };

function add(total: Usage | null, usage: Usage | null): Usage | null {
  if (!usage) return total;
  if (!total) return { ...usage };
  return { promptTokens: total.promptTokens + usage.promptTokens, completionTokens: total.completionTokens + usage.completionTokens, latencyMs: total.latencyMs + usage.latencyMs };
}

/**
 * The one repair round: the provider writes; an answer that cannot be used, or whose findings hold
 * a certain error, is sent back once with what was wrong. The second answer is kept as it is (its
 * findings show where the text is). The usage of every round is added up.
 */
export async function withOneRepair<W extends { answer: string; meta: RevisionMeta }, T>(o: {
  write: (repair: Repair | undefined) => Promise<W>;
  /** The answer as text code can use; throws UnusableAnswer when it cannot be. */
  read: (written: W) => T;
  findingsOf: (value: T) => readonly Finding[];
  onRetry?: (reason: string) => void;
}): Promise<RoundsResult<T>> {
  let usage: Usage | null = null;
  let repair: Repair | undefined;
  let round: 1 | 2 = 1;
  for (;;) {
    let problems: string[];
    let answer: string;
    try {
      const written = await o.write(repair);
      usage = add(usage, written.meta.usage);
      answer = written.answer;
      const value = o.read(written);
      problems = problemsOf(o.findingsOf(value));
      if (problems.length === 0 || round === 2) return { value, meta: { ...written.meta, usage }, rounds: round };
    } catch (e) {
      if (!(e instanceof UnusableAnswer)) throw e;
      usage = add(usage, e.usage);
      if (round === 2) return { unusable: e, usage, rounds: 2 };
      problems = [e.message];
      answer = e.answer;
    }
    o.onRetry?.(problems.join(' '));
    repair = { answer, problems };
    round = 2;
  }
}

/** Two unusable answers, as the error staff see: cut by the length limit, or not in the shape asked for. */
export function unusableError(e: UnusableAnswer, kept: string): DraftError {
  return e.truncated
    ? new DraftError(
        'provider_truncated',
        `Câu trả lời của mô hình bị cắt vì vượt giới hạn độ dài (finish_reason: length), cả khi đã yêu cầu viết ngắn hơn. ${kept} Hãy rút bớt ý liệu của mục, soạn lại, hoặc đổi mô hình.`,
      )
    : new DraftError('provider_bad_output', `Mô hình trả lời không đúng định dạng sau 02 lần hỏi (${e.message}). ${kept} Hãy thử soạn lại hoặc đổi mô hình.`);
}
