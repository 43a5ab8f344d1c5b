import type { Brief, BriefSection } from '../types/brief.js';
import type { Finding } from '../types/finding.js';
import type { Formula, Template, TemplateSection } from '../template/schema.js';
import type { FormulaGuide } from '../provider/types.js';
import { composeSection } from '../composer/compose.js';
import type { Glossary } from '../lexicon/glossary.js';

const SLOT = /\{\w+\}/u;
/** The words of a literal piece; the end mark "./." is code's, not the formula's. */
const words = (piece: string) =>
  piece
    .replace(/\.\/\.\s*$/u, '')
    .trim()
    .split(/\s+/u)
    .filter((w) => /\p{L}/u.test(w));

/** The variants of a formula code may choose from, given whether staff wrote facts for it. */
function variants(formula: Formula, hasFacts: boolean): string[] {
  if (!hasFacts) return [formula.withoutFacts];
  return [formula.withFacts, formula.selfClause?.text, formula.trailingVerb?.text].filter((v): v is string => !!v);
}

function commonEdge(lists: string[][], fromEnd: boolean): string[] {
  const first = lists[0] ?? [];
  let n = 0;
  while (n < first.length) {
    const at = (l: string[]) => (fromEnd ? l[l.length - 1 - n] : l[n]);
    const w = at(first);
    if (!lists.every((l) => l.length > n && at(l)?.toLocaleLowerCase('vi') === w!.toLocaleLowerCase('vi'))) break;
    n += 1;
  }
  return fromEnd ? first.slice(first.length - n) : first.slice(0, n);
}

/**
 * The words of a formula that every way of writing it keeps, whatever the facts: "báo cáo … như
 * sau:", "Trên đây là báo cáo". Slots ({org}, {subject}) are left out, since prose may name the cơ
 * quan or restate the trích yếu in its own words.
 */
export function fixedWords(formula: Formula, hasFacts: boolean): string[] {
  const pieces = variants(formula, hasFacts).map((v) => v.split(SLOT).map((p) => words(p).join(' ')));
  const common = pieces[0]!.filter((p) => p !== '' && pieces.every((ps) => ps.some((q) => q.toLocaleLowerCase('vi') === p.toLocaleLowerCase('vi'))));
  const startsLiteral = pieces.every((ps) => ps[0] !== '');
  const prefix = startsLiteral ? commonEdge(pieces.map((ps) => words(ps[0]!)), false).join(' ') : '';
  const suffix = commonEdge(pieces.map((ps) => words(ps[ps.length - 1]!)), true).join(' ');
  const fixed = [prefix, ...common, suffix].filter((p) => p !== '');
  return fixed.filter((p, i) => !fixed.some((q, j) => j !== i && q.length > p.length && q.includes(p)) && fixed.indexOf(p) === i);
}

export function formulaOf(template: Template, section: TemplateSection): Formula | null {
  return section.role === 'opening' ? template.opening : section.role === 'closing' ? template.closing : null;
}

/** What code gives the model for an opening or closing: the fixed words, and the composer's sentence as a model. */
export function formulaGuide(template: Template, brief: Brief, section: TemplateSection, briefSection: BriefSection | undefined, glossary: Glossary): FormulaGuide | null {
  const formula = formulaOf(template, section);
  if (!formula) return null;
  const example = composeFormulaSection(template, brief, section, briefSection, glossary).map((p) => p.text).join('\n\n');
  return { fixed: fixedWords(formula, (briefSection?.facts?.length ?? 0) > 0), example };
}

/** The composer's opening or closing: the fallback when a model's answer misses the formula. */
export function composeFormulaSection(template: Template, brief: Brief, section: TemplateSection, briefSection: BriefSection | undefined, glossary: Glossary) {
  return composeSection(template, brief, section, briefSection, glossary);
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ');

/** The fixed words the text lacks (or has out of order). */
export function missingFixedWords(text: string, fixed: readonly string[]): string[] {
  const t = fold(text);
  let from = 0;
  const missing: string[] = [];
  for (const f of fixed) {
    const at = t.indexOf(fold(f), from);
    if (at < 0) missing.push(f);
    else from = at + f.length;
  }
  return missing;
}

export function formulaFinding(section: string, role: TemplateSection['role'], missing: readonly string[], paragraph: number): Finding {
  const name = role === 'opening' ? 'Phần mở đầu' : 'Phần kết thúc';
  return {
    rule: 'formula.fixed-words',
    severity: 'error',
    where: { section, paragraph },
    message: `${name} thiếu các chữ cố định của thể thức: ${missing.map((m) => `"${m}"`).join(', ')}. Cần viết đúng các chữ này.`,
  };
}

/** Said on the composer's formula when it replaced what the model wrote. */
export function fallbackFinding(section: string, paragraph: number, reason: string): Finding {
  return {
    rule: 'provider.formula-fallback',
    severity: 'warning',
    where: { section, paragraph },
    message: `Mô hình chưa viết được đoạn này (${reason}); đoạn do bộ soạn tự động viết theo thể thức, hãy đọc lại.`,
  };
}
