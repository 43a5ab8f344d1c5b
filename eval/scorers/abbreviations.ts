import { sectionFacts } from '../../server/brief/schema.js';
import { defaultLexicon, expandAbbreviations, findAbbreviations, type Glossary } from '../../server/lexicon/index.js';
import { checkAbbreviations } from '../../server/checks/abbreviations.js';
import { fraction, listSome, outputParagraphs, sectionOrder, withoutNumbering } from './sections.js';
import type { ScoreContext, ScoreResult } from './types.js';

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
const lastWord = (s: string) => /([\p{L}\p{M}]+)[^\p{L}\p{M}]*$/u.exec(s)?.[1];
const firstWord = (s: string) => /^[^\p{L}\p{M}]*([\p{L}\p{M}]+)/u.exec(s)?.[1];
const has = (text: string, phrase: string) => new RegExp(`(?<![\\p{L}\\p{M}])${phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'u').test(text);

/**
 * No wrong meaning: an abbreviation of the facts whose meaning the office's glossary or the lexicon
 * and its context decide must not be written as one of its other meanings, found at its place: beside
 * the word that stood before or after it in the fact ("nền KT" written "nền kiểm tra").
 */
export function wrongExpansions(ctx: ScoreContext): ScoreResult | null {
  const glossary: Glossary = ctx.glossary ?? {};
  const lex = defaultLexicon();
  const wrong: { section: string; text: string }[] = [];
  let total = 0;
  for (const section of ctx.brief.sections) {
    const facts = sectionFacts(section);
    const text = fold(withoutNumbering(outputParagraphs(ctx, section.key)).join('\n'));
    for (const fact of facts) {
      for (const use of findAbbreviations(fact, glossary)) {
        const entry = lex.entries.get(use.abbr);
        if (use.meaning === null || !entry || entry.senses.length < 2) continue;
        total += 1;
        const meant = fold(use.meaning).replace(/ số$/u, '');
        const before = lastWord(fold(expandAbbreviations(fact.slice(0, use.start), glossary)));
        const after = firstWord(fold(expandAbbreviations(fact.slice(use.end), glossary)));
        const at = (sense: string) => (before !== undefined && has(text, `${before} ${sense}`)) || (after !== undefined && has(text, `${sense} ${after}`));
        if (at(meant)) continue;
        const other = entry.senses.map(fold).find((s) => s !== meant && at(s));
        if (other) wrong.push({ section: section.key, text: `${use.abbr} viết thành "${other}" thay vì "${meant}"` });
      }
    }
  }
  if (total === 0) return null;
  if (wrong.length === 0) return { pass: true, score: 1, reason: `Không có chữ viết tắt nào bị hiểu sai nghĩa (${total} chữ có nhiều nghĩa).` };
  return {
    pass: false,
    score: fraction(total - wrong.length, total),
    reason: `Sai nghĩa chữ viết tắt: ${listSome(wrong.map((w) => `${w.text} (mục ${w.section})`))}.`,
    problems: wrong.map((w) => ({ section: w.section, text: w.text })),
  };
}

/**
 * Abbreviations the reader cannot resolve: ones the lexicon gives several meanings and the context
 * does not decide, and unknown ones, unless the section spells them out once ("… (ABC)"); judged by
 * the product's own check.
 */
export function unexplained(ctx: ScoreContext): ScoreResult {
  const glossary: Glossary = ctx.glossary ?? {};
  const keys = sectionOrder(ctx).filter((k) => outputParagraphs(ctx, k).length > 0);
  const open = keys.flatMap((key) => {
    const paragraphs = withoutNumbering(outputParagraphs(ctx, key));
    return checkAbbreviations(key, paragraphs, glossary).map((f) => ({ section: key, abbr: paragraphs[f.where.paragraph!]!.slice(...f.where.span!) }));
  });
  if (open.length === 0) return { pass: true, score: 1, reason: 'Không có chữ viết tắt nào chưa rõ nghĩa.' };
  const faulty = new Set(open.map((o) => o.section));
  return {
    pass: false,
    score: fraction(keys.length - faulty.size, keys.length),
    reason: `Chữ viết tắt chưa rõ nghĩa: ${listSome(open.map((o) => `${o.abbr} (mục ${o.section})`))}.`,
    problems: open.map((o) => ({ section: o.section, text: `"${o.abbr}" chưa rõ nghĩa` })),
  };
}
