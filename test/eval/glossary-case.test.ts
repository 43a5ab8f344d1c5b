import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runEval } from '../../eval/runner/run-eval.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import { rawBrief, SEED_GLOSSARY } from '../helpers/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function caseDir(glossary?: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-eval-glossary-'));
  dirs.push(dir);
  const brief = rawBrief();
  brief.sections.find((s: any) => s.key === 'phuong-huong').facts.push('Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai');
  writeFileSync(join(dir, 'ld.json'), JSON.stringify({ brief, ...(glossary ? { glossary } : {}) }));
  return dir;
}

describe('an eval case with an office glossary', () => {
  it('is drafted and scored with the glossary: the meaning is written and nothing is left unexplained', async () => {
    const source = { kind: 'provider' as const, provider: new OfflineProvider(), cache: null };
    // Both as the seed's office, whose glossary knows its own "SXTDBV"; only the second knows LĐ.
    const without = (await runEval({ casesDir: caseDir(SEED_GLOSSARY), source })).cases[0]!;
    expect(without.output!.sections['phuong-huong']).toContain('cho LĐ 12 xã');
    expect(without.results.unexplained!.pass).toBe(false);

    const withGlossary = (await runEval({ casesDir: caseDir({ ...SEED_GLOSSARY, 'LĐ': 'lãnh đạo' }), source })).cases[0]!;
    expect(withGlossary.output!.sections['phuong-huong']).toContain('cho lãnh đạo 12 xã');
    expect(withGlossary.results.unexplained!.pass).toBe(true);
    expect(withGlossary.results.meanings?.pass ?? true).toBe(true);
  });
});
