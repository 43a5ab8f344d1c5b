import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Brief } from '../../server/brief/schema.js';
import { factPrecision } from '../../eval/scorers/fact-precision.js';
import { factRecall } from '../../eval/scorers/fact-recall.js';
import { register } from '../../eval/scorers/register.js';
import { chinese } from '../../eval/scorers/chinese.js';
import { markdown } from '../../eval/scorers/markdown.js';
import { findTemplate, loadTemplates } from '../../eval/runner/templates.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { evalCase } from './context.js';

const templates = loadTemplates();
const ids = readdirSync(join(FIXTURES, 'references'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const read = (dir: string, id: string) => JSON.parse(readFileSync(join(FIXTURES, dir, `${id}.json`), 'utf8'));

/** What people wrote must pass the measures of correctness, or the scorers are wrong. */
describe.each(ids)('the human reference %s', (id) => {
  const brief = Brief.parse(read('briefs', id));
  const template = findTemplate(templates, brief.template);
  const ctx = {
    brief,
    template: typeof template === 'string' ? null : template,
    output: { sections: read('references', id) as Record<string, string> },
    assertions: [],
  };

  it.each([
    ['fact precision', factPrecision],
    ['fact recall', factRecall],
    ['register', register],
    ['Chinese characters', chinese],
    ['markdown', markdown],
  ] as const)('passes %s', (_, scorer) => {
    const r = scorer(ctx);
    expect(r.pass, r.reason).toBe(true);
  });

  it('is the reference of its eval case', () => {
    expect(evalCase(id).references).toEqual(read('references', id));
  });
});
