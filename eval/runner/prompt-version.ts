import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashOf } from './cache.js';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/**
 * The prompt texts' own fingerprint. A revision records the prompt version only after the model
 * answered, but the cache key is needed before asking; hashing the prompt files changes the key
 * whenever any prompt changes, whatever version string it declares.
 */
export function promptsFingerprint(dir: string = PROMPTS_DIR): string {
  return hashOf(filesUnder(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')])).slice(0, 16);
}
