import type { Brief, BriefSection } from '../brief/schema.js';
import type { Formula, Template, TemplateSection } from '../template/schema.js';
import type { ParagraphText } from '../draft/model.js';
import type { Glossary } from '../lexicon/index.js';
import { capitalize, clause, opensWithName, sentence } from './sentence.js';
import { uncapitalize } from '../text/capitals.js';
import { paragraphsByTopic } from './topics.js';
import { formulaSlots, type FormulaSlots } from '../text/formula-slots.js';

function fill(text: string, slots: FormulaSlots & { facts?: string; rest?: string }): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (slots as unknown as Record<string, string | undefined>)[name];
    return value ?? whole;
  });
}

/** Words a cơ quan's name may take before its verb in the cơ quan's own clause ("Ủy ban nhân dân xã Đông Sơn kính trình"). */
const MAX_NAME_WORDS = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A formula's verb meeting the same words from a slot says them once: "báo cáo báo cáo kết quả" ->
 * "báo cáo kết quả". Phrases of two or three words only: a doubled word may be Vietnamese ("dần dần").
 */
function sayOnce(text: string): string {
  return text.replace(/(?<![\p{L}\p{M}])((?:[\p{L}\p{M}]+\s+){1,2}[\p{L}\p{M}]+)\s+\1(?![\p{L}\p{M}])/giu, '$1');
}

/** One sentence from clauses: a clause never opens with a capital after a comma or semicolon (", Qua đó"). */
function joinClauses(list: readonly string[], keepCapital: (i: number) => boolean): string {
  return list.map((c, i) => (keepCapital(i) ? c : uncapitalize(c))).join('; ');
}

/** A unit of administration: "huyện" alone, or "xã Đông Sơn", is the issuer speaking of itself. */
const UNIT = /^(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)(?![\p{L}\p{M}])/u;

/**
 * Whether the words before the verb name the issuer itself ("huyện", "UBND huyện", its full name,
 * or nothing), so the formula may say them with the issuer's name. Another body ("Thường trực HĐND
 * huyện thông báo kết luận …" in a thông báo of the Ủy ban) keeps its own clause: putting its words
 * in the issuer's mouth would change who decided.
 */
function namesIssuer(name: string, org: string): boolean {
  // The words that may come between a name and its verb ("kính trình", "xin báo cáo") are not the name.
  const said = name.trim().toLocaleLowerCase('vi').replace(/(?:^|\s+)(?:(?:kính|xin|trân trọng|đã|sẽ|đang)\s*)+$/u, '');
  const issuer = org.trim().toLocaleLowerCase('vi');
  if (said === '' || issuer.startsWith(said)) return true;
  return UNIT.test(said) && issuer.includes(said);
}

/**
 * Whether the words before a verb are a body saying it ("Chủ tịch UBND tỉnh thông báo …"), not words
 * that make it a noun ("UBND huyện đã có thông báo số 45 …", "các thông báo"): then the issuer's own
 * clause must stay, or the opening would seem to quote that notice.
 */
function saysVerb(name: string): boolean {
  return name.trim() !== '' && !/(?:^|\s)(?:có|các|những|một|mọi|bản|theo|tại|của|và|với|về|này|đó)\s*$/iu.test(name);
}

/** The opening or closing paragraph: the template's formula written around the section's facts. */
export function composeFormula(formula: Formula, facts: readonly string[], slots: FormulaSlots, glossary: Glossary = {}): string {
  // A căn cứ written as several sentences is still one clause of the opening's one sentence.
  const clauses = facts.map((f) => clause(f, glossary).replace(/\.\s+(\p{L}[^;.]*)/gu, (_, next: string) => `; ${uncapitalize(next)}`));
  if (clauses.length === 0) return sayOnce(capitalize(fill(formula.withoutFacts, slots)));
  const last = clauses[clauses.length - 1]!;
  const joined = (list: readonly string[]) => {
    let text = joinClauses(list, (i) => opensWithName(facts[i]!, glossary));
    for (const r of formula.factRewrites) text = text.replace(new RegExp(r.from, 'iu'), r.to);
    return text;
  };
  if (formula.trailingVerb) {
    // "… Chủ tịch UBND tỉnh có ý kiến" already names who speaks: the formula only completes the clause.
    const verbs = formula.trailingVerb.verbs.map(escapeRegExp).join('|');
    if (new RegExp(`(?:^|\\s)(?:${verbs})$`, 'iu').test(last)) {
      return sayOnce(capitalize(fill(formula.trailingVerb.text, { ...slots, facts: joined(clauses) })));
    }
  }
  if (formula.selfClause) {
    const verb = formula.selfClause.verb;
    // "huyện báo cáo kq một số nhiệm vụ" is the cơ quan's own clause: its name, then the verb.
    const own = new RegExp(`^((?:[\\p{L}.]+\\s+){0,${MAX_NAME_WORDS}}?)${verb}\\s+(.+)$`, 'u').exec(last);
    if (own && !/^(thực hiện|căn cứ|theo)(?![\p{L}\p{M}])/iu.test(last)) {
      if (namesIssuer(own[1]!, slots.org)) {
        const before = joinClauses(clauses.slice(0, -1), (i) => opensWithName(facts[i]!, glossary));
        const ownText = fill(formula.selfClause.text, { ...slots, rest: own[2]! });
        return sayOnce(capitalize(before ? `${before}; ${ownText}` : ownText));
      }
      // Another body already says the formula's own verb ("Thường trực HĐND huyện thông báo kết
      // luận …"): the formula completes that clause instead of saying the verb again for the issuer.
      // Where the formula's verb is another one ("…, UBND tỉnh có ý kiến như sau:" after "Sở Y tế
      // đề nghị …"), the issuer's clause is the answer, and stays.
      const repeats = formula.withFacts.includes(verb) && formula.trailingVerb?.verbs.includes(verb);
      if (repeats && saysVerb(own[1]!)) return sayOnce(capitalize(fill(formula.trailingVerb!.text, { ...slots, facts: joined(clauses) })));
    }
  }
  return sayOnce(capitalize(fill(formula.withFacts, { ...slots, facts: joined(clauses) })));
}

function bodyParagraphs(facts: readonly string[], part: number | null, shape: TemplateSection['shape'], glossary: Glossary): ParagraphText[] {
  const sentences = facts.map((f) => sentence(f, glossary));
  if (shape === 'dash-list') return sentences.map((s) => ({ part, text: `- ${s}` }));
  return paragraphsByTopic(sentences).map((group) => ({ part, text: group.join(' ') }));
}

/** Writes one section from its facts, deterministically; the office's glossary decides its abbreviations first. */
export function composeSection(
  template: Template,
  brief: Brief,
  section: TemplateSection,
  briefSection: BriefSection | undefined,
  glossary: Glossary = {},
): ParagraphText[] {
  const slots = formulaSlots(brief);
  if (section.role === 'opening' || section.role === 'closing') {
    const formula = section.role === 'opening' ? template.opening : template.closing;
    return [{ part: null, text: composeFormula(formula, briefSection?.facts ?? [], slots, glossary) }];
  }
  if (!briefSection) return [];
  if (briefSection.parts) {
    return briefSection.parts.flatMap((p, i) => bodyParagraphs(p.facts, i, section.shape, glossary));
  }
  return bodyParagraphs(briefSection.facts ?? [], null, section.shape, glossary);
}
