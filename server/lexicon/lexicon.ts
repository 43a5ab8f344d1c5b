import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Meaning = z.object({
  full: z.string().min(1),
  /** The document type's ký hiệu code (Phụ lục III): chosen when a number or a ký hiệu of this code follows. */
  document: z.string().optional(),
  next: z.string().optional(),
  prev: z.string().optional(),
});
const Entry = z.object({ abbr: z.string().min(1), meanings: z.array(Meaning).min(1) });
const LexiconFile = z.object({
  patterns: z.record(z.string(), z.string()),
  entries: z.array(Entry),
  keep: z.array(z.string()),
});

export interface LexiconMeaning {
  full: string;
  document?: string;
  next?: RegExp;
  prev?: RegExp;
}

export interface LexiconEntry {
  abbr: string;
  meanings: LexiconMeaning[];
  /** The distinct senses (meanings compared without case), each as its first meaning writes it. */
  senses: string[];
}

export interface Lexicon {
  entries: Map<string, LexiconEntry>;
  /** Acronyms formal prose keeps as they are (COVID, OCOP): known, never asked about. */
  keep: Set<string>;
  /** Every document-type code the lexicon knows (QĐ, CT, TT …): a ký hiệu with another code is a công văn's. */
  documentCodes: Set<string>;
}

export const senseOf = (full: string) => full.normalize('NFC').toLocaleLowerCase('vi');

export function compileLexicon(raw: unknown): Lexicon {
  const file = LexiconFile.parse(raw);
  const withPatterns = (re: string) => re.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => file.patterns[name] ?? whole);
  const entries = new Map<string, LexiconEntry>();
  const documentCodes = new Set<string>();
  for (const e of file.entries) {
    const abbr = e.abbr.normalize('NFC');
    if (entries.has(abbr)) throw new Error(`Lexicon: "${abbr}" is listed twice`);
    const meanings = e.meanings.map((m) => {
      if (m.document) documentCodes.add(m.document.normalize('NFC'));
      return {
        full: m.full.normalize('NFC'),
        document: m.document?.normalize('NFC'),
        next: m.next ? new RegExp(withPatterns(m.next.normalize('NFC')), 'u') : undefined,
        prev: m.prev ? new RegExp(withPatterns(m.prev.normalize('NFC')), 'u') : undefined,
      };
    });
    // A sense is shown as written in running text: its lower-case form where one exists ("kinh tế", not "Kinh tế").
    const senses = [...new Map(meanings.map((m) => [senseOf(m.full), m.full])).keys()].map(
      (sense) => meanings.find((m) => senseOf(m.full) === sense && m.full === sense)?.full ?? meanings.find((m) => senseOf(m.full) === sense)!.full,
    );
    entries.set(abbr, { abbr, meanings, senses });
  }
  return { entries, keep: new Set(file.keep.map((k) => k.normalize('NFC'))), documentCodes };
}

let cached: Lexicon | undefined;

/** The lexicon shipped with soanthao (`abbreviations.json` beside this file). */
export function defaultLexicon(): Lexicon {
  cached ??= compileLexicon(JSON.parse(readFileSync(new URL('./abbreviations.json', import.meta.url), 'utf8')));
  return cached;
}
