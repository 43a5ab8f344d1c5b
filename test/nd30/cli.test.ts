import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from './fixture.js';

const root = join(import.meta.dirname, '..', '..');
let dir: string;

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/check.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nd30-cli-'));
  writeFileSync(join(dir, 'ok.docx'), await buildDocx());
  writeFileSync(join(dir, 'bad.docx'), await buildDocx({ dateLine: 'Nghi Xuân, ngày 5 tháng 3 năm 2021', quocHieu: 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM' }));
  writeFileSync(join(dir, 'text.docx'), 'không phải docx');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run check', () => {
  it('exits 0 on a conforming document', () => {
    const r = run(join(dir, 'ok.docx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Loại văn bản: Báo cáo');
    expect(r.out).toContain('Không phát hiện sai sót');
  });

  it('exits 1 with one line per finding and writes JSON when asked', () => {
    const out = join(dir, 'out.json');
    const r = run(join(dir, 'bad.docx'), '--json', out);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('nd30.date-line'))!;
    expect(line).toMatch(/^LỖI\s+nd30\.date-line\s+.*ngày 05/);
    expect(r.out).toMatch(/CẢNH BÁO\s+nd30\.quoc-hieu/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.documentType).toBe('bao-cao');
    expect(json.findings.some((f: { rule: string }) => f.rule === 'nd30.date-line')).toBe(true);
  });

  it('exits 2 with a readable message on a file that is not .docx', () => {
    const r = run(join(dir, 'text.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Tệp không phải văn bản Word (.docx)');
  });

  it('exits 2 on a missing file and on bad usage', () => {
    const missing = run(join(dir, 'nope.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Không tìm thấy tệp');
    const usage = run();
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Cách dùng');
    expect(run(join(dir, 'ok.docx'), '--json').code).toBe(2);
  });
});
