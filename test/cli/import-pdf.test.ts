import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_BRIEF_PATH } from '../helpers/fixtures.js';
import { offlineEnv, runTsx } from '../helpers/run-script.js';
import { docxParagraphs } from '../helpers/docx.js';
import { pdfText } from '../helpers/poppler.js';
import { parseBrief } from '../../server/brief/load.js';
import { wordReport } from '../import/word-docx.js';

describe('npm run draft -- … --pdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-pdf-'));

  it('writes the PDF beside the .docx with --pdf', async () => {
    const out = join(dir, 'seed.docx');
    const run = await runTsx('scripts/draft.ts', [SEED_BRIEF_PATH, '-o', out, '--pdf'], offlineEnv());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`PDF -> ${join(dir, 'seed.pdf')}`);
    expect(existsSync(out)).toBe(true);
    expect(pdfText(readFileSync(join(dir, 'seed.pdf')))).toContain('Nguyễn Viết Hưng');
  });

  it('writes only the PDF when the output is a .pdf', async () => {
    const out = join(dir, 'only.pdf');
    const run = await runTsx('scripts/draft.ts', [SEED_BRIEF_PATH, '-o', out], offlineEnv());
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(dir, 'only.docx'))).toBe(false);
  });

  it('says LibreOffice is missing, with status 1', async () => {
    const run = await runTsx('scripts/draft.ts', [SEED_BRIEF_PATH, '-o', join(dir, 'x.pdf')], { ...offlineEnv(), SOANTHAO_SOFFICE: join(dir, 'khong-co') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/chưa cài LibreOffice/);
  });
});

describe('npm run import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-import-'));

  it('reads last month’s Word report into next month’s brief, marks its figures, and prints the draft', async () => {
    const last = join(dir, 'thang-10.docx');
    writeFileSync(last, await wordReport());
    const json = join(dir, 'thang-11.json');
    const out = join(dir, 'thang-11.docx');
    const run = await runTsx('scripts/import.ts', [last, '--next-period', '--json', json, '-o', out], offlineEnv());
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Kỳ sau: "tháng 10 năm 2026" -> "tháng 11 năm 2026"');
    expect(run.stdout).toMatch(/cần cập nhật: tháng 10; 5\.230 tỷ; 12,5/);
    const brief = parseBrief(readFileSync(json, 'utf8'));
    expect(brief.header.subject).toBe('Tình hình hoạt động thương mại tháng 11 năm 2026');
    expect(brief.header.date).toBe('2026-11');
    expect(brief.header.number).toBe('');
    const printed = (await docxParagraphs(readFileSync(out))).join('\n');
    expect(printed).toContain('Tổng mức bán lẻ hàng hóa tháng 10 ước đạt 5.230 tỷ đồng');
    expect(printed).toContain('Tình hình hoạt động thương mại tháng 11 năm 2026');
  });

  it('refuses a file that is not a .docx with status 2 and a Vietnamese message', async () => {
    const run = await runTsx('scripts/import.ts', [SEED_BRIEF_PATH], offlineEnv());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/không phải văn bản Word/);
  });
});
