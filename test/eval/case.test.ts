import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileError, loadCases, parseCase } from '../../eval/case.js';
import { Brief } from '../../server/brief/schema.js';
import { BRIEFS_DIR } from '../helpers/fixtures.js';
import { CASES_DIR } from './context.js';

/** The briefs of the shared example set (../shared/eval/briefs), copied into the repository. */
const SHARED_BRIEFS = [
  'bao-cao-nghi-xuan-2021.json',
  'bc-thanhtra-ninhthuan-84-2020.json',
  'cv-haugiang-454-2011.json',
  'kh-caobang-2276-2022.json',
  'thong-bao-phong-chong-lut-example.json',
  'to-trinh-sua-truong-example.json',
];

describe('eval cases', () => {
  it('hold the six example briefs, unchanged, tagged with their template', () => {
    const cases = new Map(loadCases(CASES_DIR).map((c) => [c.id, c]));
    for (const f of SHARED_BRIEFS) {
      const c = cases.get(f.replace(/\.json$/, ''));
      expect(c, f).toBeDefined();
      expect(c!.brief).toEqual(Brief.parse(JSON.parse(readFileSync(join(BRIEFS_DIR, f), 'utf8'))));
      expect(c!.tags).toContain(c!.brief.template);
    }
  });

  it('refuses a broken case with the field at fault, in Vietnamese', () => {
    const brief = JSON.parse(readFileSync(join(CASES_DIR, 'bao-cao-nghi-xuan-2021.json'), 'utf8')).brief;
    const bad = JSON.stringify({ brief, assertions: [{ type: 'regex', value: '(' }, { type: 'contains' }] });
    expect(() => parseCase('bad.json', bad)).toThrow(CaseFileError);
    try {
      parseCase('bad.json', bad);
    } catch (e) {
      expect((e as CaseFileError).problems).toEqual([
        expect.stringContaining('assertions.0.value: Biểu thức chính quy không hợp lệ'),
        expect.stringContaining('assertions.1.value: Kiểm tra "contains" cần "value"'),
      ]);
    }
  });
});
