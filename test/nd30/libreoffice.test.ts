/**
 * A tờ trình written in LibreOffice the way some offices do it: the header in two text frames, rules
 * typed as underscores, the closing without a table and a Nơi nhận entry wrapped by hand. LibreOffice
 * saves it as .docx (its own OOXML: text boxes twice, as DrawingML and VML), and the check reads that.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocx, type DocxCheckResult } from '../../server/nd30/check.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { soffice } from '../export/soffice.js';

const SOURCE = readFileSync(join(FIXTURES, 'nd30', 'to-trinh-text-boxes.fodt'), 'utf8');

/** The planted faults, each a change to the LibreOffice source. */
const VARIANTS: Record<string, [string, string][]> = {
  conforming: [],
  faults: [
    // Quốc hiệu in regular type, an impossible date, the body in red.
    ['<text:p text:style-name="C12B">CỘNG HÒA', '<text:p text:style-name="C12">CỘNG HÒA'],
    ['ngày 05 tháng 5 năm 2024', 'ngày 31 tháng 4 năm 2024'],
    ['fo:text-indent="1cm" fo:margin-top="0.212cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt"/>', 'fo:text-indent="1cm" fo:margin-top="0.212cm"/><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt" fo:color="#c9211e"/>'],
  ],
};

let dir: string;
const results = new Map<string, DocxCheckResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soanthao-lo-check-'));
  const style = '<style:style style:name="C12" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Times New Roman" fo:font-size="12pt"/></style:style>';
  const files = Object.entries(VARIANTS).map(([name, edits]) => {
    let text = SOURCE.replace('<office:automatic-styles>', `<office:automatic-styles>${style}`);
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    const file = join(dir, `${name}.fodt`);
    writeFileSync(file, text);
    return file;
  });
  const docx = await soffice(files, 'docx:MS Word 2007 XML', dir);
  for (const [i, name] of Object.keys(VARIANTS).entries()) results.set(name, await checkDocx(readFileSync(docx[i]!)));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a document made in LibreOffice', () => {
  it('is read whole: header in text boxes, Nơi nhận wrapped by hand, no error', () => {
    const { findings, documentType } = results.get('conforming')!;
    expect(documentType).toBe('to-trinh');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The frames are not a table: advice, not a fault.
    expect(findings.map((f) => f.rule)).toEqual(['nd30.header-block']);
  });

  it('has its faults found', () => {
    const { findings } = results.get('faults')!;
    const rules = findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    expect([...new Set(rules)].sort()).toEqual(['nd30.colour', 'nd30.date-line', 'nd30.quoc-hieu']);
  });
});
