import { fraction, listSome } from './sections.js';
import type { ScoreResult } from './types.js';

/** A scorer made of yes/no checks: the score is the share that hold, the reason names those that do not. */
export class Checklist {
  private readonly problems: { section: string; text: string }[] = [];
  private count = 0;

  check(ok: boolean, section: string, text: string): void {
    this.count += 1;
    if (!ok) this.problems.push({ section, text });
  }

  result(passReason: string, failLead: string): ScoreResult {
    if (this.problems.length === 0) return { pass: true, score: 1, reason: passReason };
    return {
      pass: false,
      score: fraction(this.count - this.problems.length, this.count),
      reason: `${failLead}: ${listSome(this.problems.map((p) => p.text))}.`,
      problems: this.problems.map((p) => (p.section ? p : { text: p.text })),
    };
  }
}
