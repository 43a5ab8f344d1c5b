import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../eval/report/types.js';
import { evalCase } from './context.js';

const dir = mkdtempSync(join(tmpdir(), 'soanthao-eval-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runner(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync('node_modules/.bin/tsx', ['eval/run.ts', ...args], { encoding: 'utf8', env, timeout: 60_000 });
}

describe('npm run eval -- --outputs', () => {
  it('scores a file of texts by the same measures, and writes the JSON and the HTML', () => {
    const seed = evalCase('bao-cao-nghi-xuan-2021').references!;
    const outputs = {
      'bao-cao-nghi-xuan-2021': seed,
      'bc-thanhtra-ninhthuan-84-2020': {
        'mo-dau': 'Thanh tra tỉnh báo cáo kết quả công tác tiếp công dân 6 tháng đầu năm 2020 như sau:',
        'ket-qua': 'Tôi đã tiếp 999 lượt công dân <b>trong</b> kỳ.',
        'ket-thuc': 'Trên đây là báo cáo./.',
      },
    };
    const file = join(dir, 'outputs.json');
    writeFileSync(file, JSON.stringify(outputs));
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const run = runner(['--outputs', file, '--cases', 'eval/cases', '--json', json, '--html', html]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('bao-cao-nghi-xuan-2021');

    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.provider).toBe('outputs');
    const byId = new Map(report.cases.map((c) => [c.id, c]));
    const good = byId.get('bao-cao-nghi-xuan-2021')!;
    expect(good.status).toBe('scored');
    // All but the doubled "Sở Công Thương" the signed document really has.
    expect(Object.entries(good.results).filter(([, r]) => r !== null && !r.pass).map(([id]) => id)).toEqual(['repetition']);
    expect(good.results.chrf!.score).toBe(1);

    const bad = byId.get('bc-thanhtra-ninhthuan-84-2020')!;
    expect(bad.results.precision).toMatchObject({ pass: false, reason: expect.stringContaining('999') });
    expect(bad.results.recall!.pass).toBe(false);
    expect(bad.results.register).toMatchObject({ pass: false, reason: expect.stringContaining('"Tôi"') });
    expect(byId.get('to-trinh-sua-truong-example')!.status).toBe('skipped');

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('&lt;b&gt;trong&lt;/b&gt;');
    expect(page).not.toContain('<b>trong</b>');
    expect(page).not.toMatch(/<(script|link)\b|src=/);
  });

  it('exits 1 and says which metric fell when the texts are worse than the baseline', () => {
    const seed = evalCase('bao-cao-nghi-xuan-2021').references!;
    const worse = { ...seed, 'mo-dau': seed['mo-dau']!.replace('7664', '7665') };
    const file = join(dir, 'worse.json');
    writeFileSync(file, JSON.stringify({ 'bao-cao-nghi-xuan-2021': worse }));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ 'bao-cao-nghi-xuan-2021': seed }));
    const goodBaseline = join(dir, 'good-baseline.json');
    expect(runner(['--outputs', good, '--json', goodBaseline]).status).toBe(0);
    const run = runner(['--outputs', file, '--baseline', goodBaseline, '--tolerance', '0.02']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('recall: tình huống bao-cao-nghi-xuan-2021 trước đạt, nay không đạt');
    expect(run.stdout).toContain('precision: trung bình giảm');
  });

  it('refuses --provider openai with no model configured, in Vietnamese', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(OPENAI_|SOANTHAO_MODEL)/.test(k)));
    const run = runner(['--provider', 'openai'], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Chưa cấu hình mô hình');
  });
});
