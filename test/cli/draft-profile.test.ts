import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { draftCli } from '../helpers/run-script.js';



describe('npm run draft -- --profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-profile-'));
  const briefPath = join(dir, 'brief.json');
  const brief = rawBrief();
  brief.sections.find((s: any) => s.key === 'phuong-huong').facts.push('Tổ chức tập huấn cho LĐ 12 xã về phòng, chống thiên tai');
  writeFileSync(briefPath, JSON.stringify(brief));

  it('keeps an undecided abbreviation and asks without a profile, and uses the office glossary with one', async () => {
    const plain = draftCli(briefPath, '-o', join(dir, 'plain.docx'), '--allow-findings');
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('LĐ ở đây là lãnh đạo hay lao động?');
    expect((await docxParagraphs(readFileSync(join(dir, 'plain.docx')))).join('\n')).toContain('cho LĐ 12 xã');

    // The profile as GET /api/profile returns it.
    const profilePath = join(dir, 'profile.json');
    writeFileSync(profilePath, JSON.stringify({ profile: { org: 'UBND', place: 'Nghi Xuân', symbolSuffix: 'UBND', glossary: { 'LĐ': 'lãnh đạo' } }, updatedAt: null }));
    const out = join(dir, 'glossary.docx');
    const run = draftCli(briefPath, '-o', out, '--allow-findings', '--profile', profilePath);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('LĐ ở đây');
    expect((await docxParagraphs(readFileSync(out))).join('\n')).toContain('cho lãnh đạo 12 xã');
  });

  it('refuses a glossary with an empty meaning, in Vietnamese', () => {
    const profilePath = join(dir, 'bad.json');
    writeFileSync(profilePath, JSON.stringify({ glossary: { 'LĐ': '' } }));
    const run = draftCli(briefPath, '-o', join(dir, 'bad.docx'), '--profile', profilePath);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Nghĩa của chữ viết tắt không được để trống');
  });
});
