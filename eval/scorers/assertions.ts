import type { Assertion } from '../case.js';
import { fraction, listSome } from './sections.js';
import { scopeName, scopeText } from './scope.js';
import type { ScoreContext, ScoreResult } from './types.js';

function holds(a: Assertion, text: string): boolean {
  switch (a.type) {
    case 'contains':
      return text.includes(a.value!);
    case 'not-contains':
      return !text.includes(a.value!);
    case 'regex':
      return new RegExp(a.value!, 'u').test(text);
    case 'words':
      return true;
  }
}

const WHAT: Record<Exclude<Assertion['type'], 'words'>, string> = {
  contains: 'thiếu',
  'not-contains': 'không được có',
  regex: 'không khớp mẫu',
};

/** The case's own contains / not-contains / regex assertions (word bounds belong to the length scorer). */
export function assertions(ctx: ScoreContext): ScoreResult | null {
  const own = ctx.assertions.filter((a) => a.type !== 'words');
  if (own.length === 0) return null;
  const failed = own.filter((a) => !holds(a, scopeText(ctx, a.section)));
  if (failed.length === 0) return { pass: true, score: 1, reason: `Đạt cả ${own.length} điều kiện riêng của tình huống.` };
  return {
    pass: false,
    score: fraction(own.length - failed.length, own.length),
    reason: `Không đạt ${failed.length}/${own.length} điều kiện: ${listSome(
      failed.map((a) => `${scopeName(a.section)} ${WHAT[a.type as keyof typeof WHAT]} "${a.value}"`),
    )}.`,
    problems: failed.map((a) => ({ ...(a.section ? { section: a.section } : {}), text: `${WHAT[a.type as keyof typeof WHAT]} "${a.value}"` })),
  };
}
