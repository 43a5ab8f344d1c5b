import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIEFS_DIR, briefFiles, rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { offlineEnv } from '../helpers/run-script.js';
import { parseBrief } from '../../server/brief/load.js';
import { sectionFacts } from '../../server/brief/schema.js';
import { extractFigures, figureValues, key } from '../../server/text/figures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

/** The CLI with no model configured: the offline composer drafts. */
function draftCli(...args: string[]) {
  return run(TSX, [join(ROOT, 'scripts/draft.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: offlineEnv() });
}

describe('npm run draft on every fixture brief', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-types-'));

  it.each(briefFiles())('%s drafts, and every figure of its facts is in the .docx', async (file) => {
    const out = join(dir, file.replace(/\.json$/, '.docx'));
    // Some fixtures leave a required section out on purpose: exported all the same, once staff allow it.
    const { stdout } = await draftCli(join(BRIEFS_DIR, file), '-o', out, '--allow-findings');
    expect(stdout).toContain(`-> ${out}`);
    const paragraphs = await docxParagraphs(readFileSync(out));
    const written = figureValues([paragraphs.join('\n')]);
    const brief = parseBrief(rawBrief(file));
    for (const fact of brief.sections.flatMap(sectionFacts)) {
      for (const f of extractFigures(fact)) expect(written, `"${f.text}" of "${fact}"`).toContain(key(f));
    }
    for (const task of brief.sections.flatMap((s) => s.tasks ?? [])) {
      for (const cell of [task.task, task.lead, task.support ?? '', task.deadline]) expect(paragraphs).toContain(cell);
    }
    expect(paragraphs.filter((p) => p.endsWith('./.'))).toHaveLength(1);
  });
});
