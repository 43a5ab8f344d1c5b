import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRIEFS_DIR, SEED_BRIEF_PATH, SEED_GLOSSARY, rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { draftCli } from '../helpers/run-script.js';
import { parseBrief } from '../../server/brief/load.js';
import { sectionFacts } from '../../server/brief/schema.js';
import { extractFigures, figureValues, key } from '../../server/text/figures.js';



describe('npm run draft', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));

  it('drafts the seed brief into a .docx holding every figure of its facts, and a JSON report', async () => {
    const out = join(dir, 'seed.docx');
    const report = join(dir, 'seed.json');
    // Drafted as its office, whose glossary knows its own shorthand (the profile as saved).
    const profile = join(dir, 'seed-profile.json');
    writeFileSync(profile, JSON.stringify({ org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN', place: 'Nghi Xuân', symbolSuffix: 'UBND', glossary: SEED_GLOSSARY }));
    const run = draftCli(SEED_BRIEF_PATH, '-o', out, '--json', report, '--profile', profile);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`-> ${out}`);
    expect(run.stdout).toContain('header.blank');

    const paragraphs = await docxParagraphs(readFileSync(out));
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN');
    expect(text).toContain('I. KẾT QUẢ THỰC HIỆN');
    expect(text).toContain('II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
    expect(text).toContain('Ủy ban nhân dân huyện ban hành 06 văn bản quản lý nhà nước liên quan chương trình sản xuất và tiêu dùng bền vững');
    const written = figureValues([text]);
    const brief = parseBrief(rawBrief());
    for (const fact of brief.sections.flatMap(sectionFacts)) {
      for (const f of extractFigures(fact)) expect(written, `"${f.text}" of "${fact}"`).toContain(key(f));
    }
    const bodyEnd = paragraphs.findIndex((p) => p.startsWith('Trên đây là báo cáo'));
    expect(paragraphs[bodyEnd]!.endsWith('./.')).toBe(true);

    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.draft.template.id).toBe('bao-cao');
    expect(json.findings.map((f: any) => f.rule)).toEqual(['header.blank']);
  });

  it('writes no .docx for a draft with open errors unless --allow-findings, and lists them in the JSON report either way', () => {
    const file = join(BRIEFS_DIR, 'kh-caobang-2276-2022.json');
    const out = join(dir, 'flagged.docx');
    const report = join(dir, 'flagged.json');
    const refused = draftCli(file, '-o', out, '--json', report);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--allow-findings');
    expect(existsSync(out)).toBe(false);
    const rules = JSON.parse(readFileSync(report, 'utf8')).findings.map((f: any) => f.rule);
    expect(rules).toContain('structure.missing-section');

    const allowed = draftCli(file, '-o', out, '--json', report, '--allow-findings');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(report, 'utf8')).findings.map((f: any) => f.rule)).toEqual(rules);
  });

  it('exits non-zero with a readable message naming the field on a bad brief', () => {
    const bad = rawBrief();
    bad.header.date = '2021-13-40';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, 'bad.docx');
    const run = draftCli(file, '-o', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('header.date: Ngày ban hành không hợp lệ');
    expect(existsSync(out)).toBe(false);
  });

  it('explains its usage and a missing file', () => {
    expect(draftCli().stderr).toContain('Cách dùng: npm run draft');
    const run = draftCli(join(dir, 'khong-co.json'), '-o', join(dir, 'x.docx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Không đọc được tệp ý liệu');
  });
});
