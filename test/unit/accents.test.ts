import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { briefFiles, rawBrief } from '../helpers/fixtures.js';
import { proposeAccents, withAccents } from '../../server/accents/propose.js';
import { defaultTable, fold, withNames } from '../../server/accents/table.js';
import { unaccentedFindings } from '../../server/accents/findings.js';
import { Brief } from '../../server/brief/schema.js';

describe('the diacritics table', () => {
  it('keys every accented form under its own unaccented spelling', () => {
    const text = readFileSync(new URL('../../server/accents/syllables.txt', import.meta.url), 'utf8');
    const keys = new Set<string>();
    for (const line of text.split('\n').filter((l) => l.trim() && !l.startsWith('#'))) {
      const [key, ...forms] = line.trim().split(/\s+/u);
      expect(keys.has(key!), `"${key}" on two lines`).toBe(false);
      keys.add(key!);
      expect(forms.length, line).toBeGreaterThan(0);
      for (const f of forms) expect(fold(f), line).toBe(key);
      expect(new Set(forms).size, line).toBe(forms.length);
    }
  });

  it('holds the places and cơ quan names as printed', () => {
    const t = defaultTable();
    expect(t.phrases.get('nghi xuan')).toEqual(['Nghi Xuân']);
    expect(t.phrases.get('so tu phap')).toEqual(['Sở Tư pháp']);
    expect(t.phrases.get('ba ria vung tau')).toEqual(['Bà Rịa - Vũng Tàu']);
  });
});

describe('accent proposals', () => {
  it('find text typed without accents and propose it accented, in the case it was typed', () => {
    expect(withAccents('UBND HUYEN NGHI XUAN')).toBe('UBND HUYỆN NGHI XUÂN');
    expect(withAccents('Ubnd Huyen nghi xuan báo cáo')).toBe('Ubnd Huyện Nghi Xuân báo cáo');
    expect(withAccents('So Tu phap tinh Ha Tinh')).toBe('Sở Tư pháp tỉnh Hà Tĩnh');
    expect(withAccents('tap huan 3 lop cho can bo xa')).toBe('tập huấn 3 lớp cho cán bộ xã');
  });

  it('give the place of each stretch and keep the other readings of an ambiguous syllable', () => {
    const [p] = proposeAccents('Phó Chủ tịch Nguyen Viet Hung');
    expect(p).toMatchObject({ start: 13, end: 29, typed: 'Nguyen Viet Hung' });
    expect(p!.candidates[0]).toBe('Nguyễn Viết Hưng');
    // "Hung" may be Hưng or Hùng; "Nguyen" Nguyễn or Nguyên: each stays a candidate.
    expect(p!.candidates.length).toBeGreaterThan(1);
    expect(p!.candidates.some((c) => c.startsWith('Nguyên '))).toBe(true);
  });

  it('leave accented text, codes and words that are words without accents alone', () => {
    for (const text of ['Kế hoạch số 12/KH-UBND ngày 05/3/2024', 'Ban chỉ đạo', 'so cùng kỳ giảm 146 lượt', 'rà soát phương án theo cấp độ rủi ro', 'VSATTP, OCOP, COVID-19']) {
      expect(proposeAccents(text), text).toEqual([]);
    }
  });

  it('find nothing to change in the example briefs, which are written with accents', () => {
    for (const file of briefFiles()) {
      const brief = Brief.parse(rawBrief(file));
      expect(unaccentedFindings(brief), file).toEqual([]);
    }
  });

  it('prefer the office’s own names', () => {
    const table = withNames(defaultTable(), ['ỦY BAN NHÂN DÂN XÃ XUÂN THÀNH', 'Xuân Thành']);
    expect(withAccents('xuan thanh', proposeAccents('xuan thanh', table))).toBe('Xuân Thành');
  });
});

describe('unaccented text in a brief', () => {
  const brief = Brief.parse({
    ...rawBrief(),
    header: { ...rawBrief().header, org: 'UBND HUYEN NGHI XUAN' },
    signer: { lines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyen Viet Hung' },
  });

  it('is a finding to list at export, unless staff kept it as typed', () => {
    const findings = unaccentedFindings(brief);
    expect(findings.map((f) => [f.rule, f.severity, f.where.field])).toEqual([
      ['accents.unaccented', 'warning', 'header.org'],
      ['accents.unaccented', 'warning', 'signer.name'],
    ]);
    expect(findings[0]!.message).toContain('"HUYEN NGHI XUAN" có vẻ gõ không dấu (có phải «HUYỆN NGHI XUÂN»?)');
    expect(unaccentedFindings(brief, ['Nguyen Viet Hung']).map((f) => f.where.field)).toEqual(['header.org']);
  });
});
