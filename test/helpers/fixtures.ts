import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const BRIEFS_DIR = join(FIXTURES, 'briefs');
export const SEED_BRIEF_PATH = join(BRIEFS_DIR, 'bao-cao-nghi-xuan-2021.json');

export function briefFiles(): string[] {
  return readdirSync(BRIEFS_DIR).filter((f) => f.endsWith('.json')).sort();
}

/** A fixture brief as a fresh plain object, to mutate freely in a test. */
export function rawBrief(name = 'bao-cao-nghi-xuan-2021.json'): any {
  return JSON.parse(readFileSync(join(BRIEFS_DIR, name), 'utf8'));
}

/**
 * The seed brief's own shorthand: "SXTDBV" is the Nghi Xuân office's, not a general abbreviation,
 * so no lexicon knows it. Its office glossary holds the meaning, as staff's answer to the question
 * would have saved it; a test drafting the seed brief as that office passes it.
 */
export const SEED_GLOSSARY: Readonly<Record<string, string>> = { SXTDBV: 'sản xuất và tiêu dùng bền vững' };
