import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiskCache } from '../../eval/runner/cache.js';
import { runEval } from '../../eval/runner/run-eval.js';
import { TEMPLATES_DIR } from '../../server/template/load.js';
import type { Provider, SectionAsk, WrittenSection, RewrittenParagraph } from '../../server/provider/types.js';
import { CASES_DIR } from './context.js';

/** A model stand-in that counts what it is asked: the cache must make a rerun ask nothing. */
class CountingProvider implements Provider {
  readonly name = 'fake';
  readonly model = 'fake-1';
  calls = 0;

  async writeSection(ask: SectionAsk): Promise<WrittenSection> {
    this.calls += 1;
    const text = ask.section.role === 'closing' ? 'Trên đây là báo cáo./.' : `Nội dung mục ${ask.section.key}.`;
    return {
      parts: Array.from({ length: ask.partCount }, () => [text]),
      answer: text,
      meta: { author: 'model', provider: 'fake', model: 'fake-1', promptVersion: 'fake-prompt-1', instruction: null, usage: null },
    };
  }

  async rewriteParagraph(): Promise<RewrittenParagraph> {
    throw new Error('not used by the eval');
  }
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'soanthao-eval-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function casesDir(...ids: string[]): string {
  const dir = tempDir();
  for (const id of ids) copyFileSync(join(CASES_DIR, `${id}.json`), join(dir, `${id}.json`));
  return dir;
}

describe('runEval', () => {
  it('caches model answers on disk: a rerun makes no call and scores the same', async () => {
    const cases = casesDir('bao-cao-nghi-xuan-2021', 'bc-thanhtra-ninhthuan-84-2020');
    const cache = new DiskCache(join(tempDir(), '.eval-cache'));
    const provider = new CountingProvider();
    const first = await runEval({ casesDir: cases, source: { kind: 'provider', provider, cache }, samples: 2 });
    expect(provider.calls).toBeGreaterThan(0);
    expect(readdirSync(cache.dir)).toHaveLength(4);
    expect(first.model).toBe('fake-1');
    expect(first.promptVersion).toBe('fake-prompt-1');

    const again = new CountingProvider();
    const second = await runEval({ casesDir: cases, source: { kind: 'provider', provider: again, cache }, samples: 2 });
    expect(again.calls).toBe(0);
    expect(second.cases).toEqual(first.cases);
  });

  it('scores what the fake model wrote, and finds its faults', async () => {
    const report = await runEval({
      casesDir: casesDir('bao-cao-nghi-xuan-2021'),
      source: { kind: 'provider', provider: new CountingProvider(), cache: null },
    });
    const seed = report.cases[0]!;
    expect(seed.status).toBe('scored');
    expect(seed.results.recall!.pass).toBe(false);
    // The body the fake wrote has no figure of the facts; the opening it missed is the composer's, which has them.
    expect(seed.results.recall!.reason).toContain('"6"');
    expect(seed.output!.sections['mo-dau']).toContain('7664/UBND-KT₂');
    expect(seed.output!.headings!['ket-qua']).toBe('I. KẾT QUẢ THỰC HIỆN');
  });

  it('skips a case whose template is missing, saying why, and scores the rest', async () => {
    const templates = tempDir();
    copyFileSync(join(TEMPLATES_DIR, 'bao-cao.json'), join(templates, 'bao-cao.json'));
    const report = await runEval({
      casesDir: casesDir('bao-cao-nghi-xuan-2021', 'cv-haugiang-454-2011'),
      source: { kind: 'provider', provider: new CountingProvider(), cache: null },
      templatesDir: templates,
    });
    const byId = new Map(report.cases.map((c) => [c.id, c]));
    expect(byId.get('bao-cao-nghi-xuan-2021')!.status).toBe('scored');
    expect(byId.get('cv-haugiang-454-2011')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('cong-van') });
    expect(report.metrics.find((m) => m.id === 'recall')!.scored).toBe(1);
  });
});
