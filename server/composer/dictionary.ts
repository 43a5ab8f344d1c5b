import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Entry = z.object({ abbr: z.string().min(1), full: z.string().min(1), next: z.string().optional(), prev: z.string().optional() });
const Dictionary = z.object({
  abbreviations: z.array(Entry),
  replacements: z.array(z.object({ from: z.string(), to: z.string() })),
  leadingZero: z.object({ skipAfter: z.array(z.string()), skipBefore: z.array(z.string()) }),
});

export interface Abbreviation {
  abbr: string;
  full: string;
  next?: RegExp;
  prev?: RegExp;
}

export interface CompiledDictionary {
  /** All abbreviations, in one pattern, longest first, bounded so they never match inside a word or a ký hiệu. */
  pattern: RegExp;
  byAbbr: Map<string, Abbreviation[]>;
  replacements: { from: RegExp; to: string }[];
  skipAfter: Set<string>;
  skipBefore: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function compileDictionary(raw: unknown): CompiledDictionary {
  const d = Dictionary.parse(raw);
  const byAbbr = new Map<string, Abbreviation[]>();
  for (const e of d.abbreviations) {
    const list = byAbbr.get(e.abbr) ?? [];
    list.push({
      abbr: e.abbr.normalize('NFC'),
      full: e.full.normalize('NFC'),
      next: e.next ? new RegExp(e.next, 'u') : undefined,
      prev: e.prev ? new RegExp(e.prev, 'u') : undefined,
    });
    byAbbr.set(e.abbr.normalize('NFC'), list);
  }
  const alternatives = [...byAbbr.keys()].sort((a, b) => b.length - a.length).map(escape);
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}/&_-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}/&_₀-₉-])`, 'gu'),
    byAbbr,
    replacements: d.replacements.map((r) => ({ from: new RegExp(r.from, 'gu'), to: r.to.normalize('NFC') })),
    skipAfter: new Set(d.leadingZero.skipAfter.map((w) => w.normalize('NFC').toLocaleLowerCase('vi'))),
    skipBefore: d.leadingZero.skipBefore.map((w) => w.normalize('NFC').toLocaleLowerCase('vi')),
  };
}

let cached: CompiledDictionary | undefined;

/** The dictionary shipped with soanthao (`dictionary.json` beside this file). */
export function defaultDictionary(): CompiledDictionary {
  cached ??= compileDictionary(JSON.parse(readFileSync(new URL('./dictionary.json', import.meta.url), 'utf8')));
  return cached;
}
