import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseCase, type Case } from '../../eval/case.js';
import { findTemplate, loadTemplates } from '../../eval/runner/templates.js';
import type { ScoreContext } from '../../eval/scorers/types.js';

export const CASES_DIR = fileURLToPath(new URL('../../eval/cases/', import.meta.url));
export const BASELINE = fileURLToPath(new URL('../../eval/baseline.json', import.meta.url));

export function evalCase(id: string): Case {
  const file = join(CASES_DIR, `${id}.json`);
  return parseCase(file, readFileSync(file, 'utf8'));
}

const templates = loadTemplates();

/** A score context for a case, with the given texts (by default the case's own reference). */
export function contextOf(c: Case, sections: Record<string, string> = c.references ?? {}): ScoreContext {
  const template = findTemplate(templates, c.brief.template);
  return {
    brief: c.brief,
    template: typeof template === 'string' ? null : template,
    output: { sections: { ...sections } },
    references: c.references,
    assertions: c.assertions,
    glossary: c.glossary,
  };
}

/** The seed case with its reference text, one section edited. */
export function seedWith(edit: (sections: Record<string, string>) => void): ScoreContext {
  const c = evalCase('bao-cao-nghi-xuan-2021');
  const sections = { ...c.references! };
  edit(sections);
  return contextOf(c, sections);
}
