import type { Brief, BriefSection } from '../brief/schema.js';
import type { Formula, Template, TemplateSection } from '../template/schema.js';
import type { ParagraphText } from '../draft/model.js';
import { type CompiledDictionary } from './dictionary.js';
import { capitalize, clause, opensWithName, sentence, uncapitalize } from './sentence.js';
import { orgNameInProse } from '../text/org-name.js';

/** Sentences per paragraph of a prose section: short enough to edit or regenerate one at a time. */
const SENTENCES_PER_PARAGRAPH = 3;

export interface FormulaSlots {
  org: string;
  subject: string;
  recipient: string;
  /** Every Kính gửi recipient, as one phrase: "A, B và C". */
  recipients: string;
}

/** "A", "A và B", "A, B và C": a list read as one noun phrase. */
function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

export function formulaSlots(brief: Brief): FormulaSlots {
  const h = brief.header;
  const names = h.recipients.map((r) => r.replace(/^[-–•]\s*/u, '').replace(/[;.,]\s*$/u, '').trim()).filter(Boolean);
  return {
    org: h.orgName || orgNameInProse(h.org),
    subject: uncapitalize(h.subject.replace(/^(v\/v|về việc)\s*/iu, '')),
    recipient: h.recipients[0] ?? 'cấp có thẩm quyền',
    recipients: listPhrase(names) || 'cấp có thẩm quyền',
  };
}

function fill(text: string, slots: FormulaSlots & { facts?: string; rest?: string }): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (slots as unknown as Record<string, string | undefined>)[name];
    return value ?? whole;
  });
}

/** Words a cơ quan's name may take before its verb in the cơ quan's own clause ("Ủy ban nhân dân xã Đông Sơn kính trình"). */
const MAX_NAME_WORDS = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The opening or closing paragraph: the template's formula written around the section's facts. */
export function composeFormula(formula: Formula, facts: readonly string[], slots: FormulaSlots, dict: CompiledDictionary): string {
  const clauses = facts.map((f) => clause(f, dict));
  if (clauses.length === 0) return capitalize(fill(formula.withoutFacts, slots));
  const last = clauses[clauses.length - 1]!;
  const joined = (list: readonly string[]) => {
    let text = list.map((c, i) => (opensWithName(facts[i]!, dict) ? c : uncapitalize(c))).join('; ');
    for (const r of formula.factRewrites) text = text.replace(new RegExp(r.from, 'iu'), r.to);
    return text;
  };
  if (formula.trailingVerb) {
    // "… Chủ tịch UBND tỉnh có ý kiến" already names who speaks: the formula only completes the clause.
    const verbs = formula.trailingVerb.verbs.map(escapeRegExp).join('|');
    if (new RegExp(`(?:^|\\s)(?:${verbs})$`, 'iu').test(last)) {
      return capitalize(fill(formula.trailingVerb.text, { ...slots, facts: joined(clauses) }));
    }
  }
  if (formula.selfClause) {
    const verb = formula.selfClause.verb;
    // "huyện báo cáo kq một số nhiệm vụ" is the cơ quan's own clause: its name, then the verb.
    const own = new RegExp(`^(?:[\\p{L}.]+\\s+){0,${MAX_NAME_WORDS}}?${verb}\\s+(.+)$`, 'u').exec(last);
    if (own && !/^(thực hiện|căn cứ|theo)(?![\p{L}\p{M}])/iu.test(last)) {
      const before = clauses.slice(0, -1);
      const ownText = fill(formula.selfClause.text, { ...slots, rest: own[1]! });
      return capitalize(before.length ? `${before.join('; ')}; ${ownText}` : ownText);
    }
  }
  return capitalize(fill(formula.withFacts, { ...slots, facts: joined(clauses) }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function bodyParagraphs(facts: readonly string[], part: number | null, shape: TemplateSection['shape'], dict: CompiledDictionary): ParagraphText[] {
  const sentences = facts.map((f) => sentence(f, dict));
  if (shape === 'dash-list') return sentences.map((s) => ({ part, text: `- ${s}` }));
  return chunk(sentences, SENTENCES_PER_PARAGRAPH).map((group) => ({ part, text: group.join(' ') }));
}

/** Writes one section from its facts, deterministically. */
export function composeSection(
  template: Template,
  brief: Brief,
  section: TemplateSection,
  briefSection: BriefSection | undefined,
  dict: CompiledDictionary,
): ParagraphText[] {
  const slots = formulaSlots(brief);
  if (section.role === 'opening' || section.role === 'closing') {
    const formula = section.role === 'opening' ? template.opening : template.closing;
    return [{ part: null, text: composeFormula(formula, briefSection?.facts ?? [], slots, dict) }];
  }
  if (!briefSection) return [];
  if (briefSection.parts) {
    return briefSection.parts.flatMap((p, i) => bodyParagraphs(p.facts, i, section.shape, dict));
  }
  return bodyParagraphs(briefSection.facts ?? [], null, section.shape, dict);
}
