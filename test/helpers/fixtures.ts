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
