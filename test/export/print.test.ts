/**
 * Every example brief drafted, exported and printed through LibreOffice, as a clerk would print it:
 * the signature never stands alone on a page, nothing is printed that staff did not write, and the
 * check agrees with the decree on the same files re-saved by LibreOffice (another writer's OOXML).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinhGuiLines, type DocumentView } from '../../server/draft/document.js';
import { renderDocx } from '../../server/export/docx/render.js';
import { checkDocx } from '../../server/nd30/check.js';
import { BRIEFS_DIR, briefFiles, rawBrief } from '../helpers/fixtures.js';
import { offlineEnv, runTsx } from '../helpers/run-script.js';
import { pdfPages, soffice } from './soffice.js';

interface Printed {
  name: string;
  brief: any;
  docx: string;
  pages: string[];
}

const names = briefFiles();
const printed = new Map<string, Printed>();
let dir: string;
let resaved: Map<string, string>;

/** Lines of a page, spaces collapsed, for matching text whatever its column. */
const lines = (page: string) => page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
const pageOf = (pages: readonly string[], pred: (line: string) => boolean) => pages.findIndex((p) => lines(p).some(pred));
const lastPageOf = (pages: readonly string[], pred: (line: string) => boolean) => {
  for (let i = pages.length - 1; i >= 0; i--) if (lines(pages[i]!).some(pred)) return i;
  return -1;
};


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'soanthao-print-'));
  const docx: string[] = [];
  for (const name of names) {
    const out = join(dir, name.replace(/\.json$/, '.docx'));
    // Some example briefs hold only part of a document: what is printed is what this test looks at.
    const result = await runTsx('scripts/draft.ts', [join(BRIEFS_DIR, name), '-o', out, '--allow-findings'], offlineEnv());
    expect(result.status, `${name}: ${result.stderr}`).toBe(0);
    docx.push(out);
  }
  const pdfs = await soffice(docx, 'pdf', dir);
  for (const [i, name] of names.entries()) {
    printed.set(name, { name, brief: rawBrief(name), docx: docx[i]!, pages: await pdfPages(pdfs[i]!) });
  }
  const again = join(dir, 'resaved');
  const files = await soffice(docx, 'docx:MS Word 2007 XML', again);
  resaved = new Map(names.map((n, i) => [n, files[i]!]));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(names)('%s printed through LibreOffice', (name) => {
  it('puts the signature block on the page where the body ends', () => {
    const { pages } = printed.get(name)!;
    const end = lastPageOf(pages, (l) => l.includes('./.'));
    const noiNhan = pageOf(pages, (l) => l.includes('Nơi nhận:'));
    expect(end, 'the body ends with "./."').toBeGreaterThanOrEqual(0);
    expect(noiNhan).toBe(end);
    // Body text stands above the block on its page: the block never opens a page.
    const page = lines(pages[noiNhan]!).filter((l) => l !== '' && !/^\d+$/.test(l));
    expect(page[0]).not.toMatch(/^Nơi nhận:/);
  });

  it('prints the signer staff named, or leaves the lines blank, never a guessed one', () => {
    const { pages, brief } = printed.get(name)!;
    const text = pages.join('\n').replace(/\s+/g, ' ');
    const signer = brief.signer as { lines: string[]; name: string };
    for (const line of signer.lines) expect(text).toContain(line.toLocaleUpperCase('vi'));
    if (signer.name) expect(text).toContain(signer.name);
    const last = lines(pages.at(-1)!).join('\n');
    const closing = last.slice(last.indexOf('Nơi nhận:'));
    const authorities = closing.match(/\b(TM|KT|TL|TUQ|Q)\. [^\n]*/gu) ?? [];
    for (const a of authorities) expect(signer.lines.map((l) => l.toLocaleUpperCase('vi')).some((l) => a.includes(l))).toBe(true);
  });

  it('prints "Như trên" only where there is a Kính gửi', () => {
    const { pages, brief } = printed.get(name)!;
    const text = pages.join('\n');
    const hasKinhGui = /Kính gửi/.test(text);
    expect(/- Như trên;/.test(text)).toBe(hasKinhGui && brief.header.recipients.length > 0);
  });

  it('keeps the place name of the issuing body on one line', () => {
    const { pages, brief } = printed.get(name)!;
    const place = /\b(TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|QUẬN) (?!HỘI\b).+$/u.exec(brief.header.org.toLocaleUpperCase('vi'))?.[0];
    if (!place) return;
    expect(lines(pages[0]!).some((l) => l.includes(place)), `"${place}" on one line`).toBe(true);
  });

  it('passes the decree check as exported and after LibreOffice re-saves it as .docx', async () => {
    const { brief, docx } = printed.get(name)!;
    for (const file of [docx, resaved.get(name)!]) {
      const { findings, documentType } = await checkDocx(readFileSync(file));
      expect(documentType).toBe(brief.template);
      // The one error left is the signer staff have not named yet, which the văn thư fills in.
      const expected = brief.signer.name ? [] : ['nd30.signer'];
      expect([...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))], file).toEqual(expected);
    }
  });
});

/**
 * A báo cáo of `n` body paragraphs: as n grows, the page break moves through the body and the
 * closing, so one of these lengths puts the break just before the signature block.
 */
function report(n: number): DocumentView {
  const text = (i: number) =>
    `${i}. Ủy ban nhân dân huyện đã chỉ đạo các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị trấn triển khai nhiệm vụ thứ ${i}, kiểm tra, đôn đốc tiến độ và tổng hợp kết quả báo cáo định kỳ theo quy định.`;
  return {
    template: { id: 'bao-cao', name: 'Báo cáo', typeName: 'BÁO CÁO', code: 'BC', kinhGui: 'optional', vv: false },
    header: {
      parentOrg: '',
      org: 'ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN',
      numberLine: 'Số: 15/BC-UBND',
      dateLine: 'Nghi Xuân, ngày 05 tháng 12 năm 2021',
      typeName: 'BÁO CÁO',
      subject: 'Kết quả thực hiện nhiệm vụ năm 2021',
      recipients: ['Ủy ban nhân dân tỉnh Hà Tĩnh'],
      kinhGui: kinhGuiLines(['Ủy ban nhân dân tỉnh Hà Tĩnh']),
    },
    body: Array.from({ length: n }, (_, i) => ({
      kind: 'paragraph' as const,
      text: i === n - 1 ? 'Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2021 của Ủy ban nhân dân huyện Nghi Xuân./.' : text(i + 1),
      section: 'noi-dung',
      position: i,
      paragraphId: i + 1,
    })),
    signer: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' },
    copies: ['- Như trên;', '- Thường trực Huyện ủy;', '- Thường trực HĐND huyện;', '- Các phòng, ban thuộc UBND huyện;', '- Lưu: VT, VP.'],
  };
}

describe('wherever the page breaks in the body', () => {
  const lengths = Array.from({ length: 12 }, (_, i) => 10 + i);
  const pagesOf = new Map<number, string[]>();

  beforeAll(async () => {
    const files = await Promise.all(
      lengths.map(async (n) => {
        const file = join(dir, `report-${n}.docx`);
        writeFileSync(file, await renderDocx(report(n)));
        return file;
      }),
    );
    const pdfs = await soffice(files, 'pdf', dir);
    for (const [i, n] of lengths.entries()) pagesOf.set(n, await pdfPages(pdfs[i]!));
  }, 120_000);

  it('the signature block shares its page with the end of the body', () => {
    const pageCounts = new Set<number>();
    for (const n of lengths) {
      const pages = pagesOf.get(n)!;
      pageCounts.add(pages.length);
      const end = lastPageOf(pages, (l) => l.includes('./.'));
      expect(pageOf(pages, (l) => l.includes('Nơi nhận:')), `${n} paragraphs`).toBe(end);
      expect(pageOf(pages, (l) => l.includes('Nguyễn Văn An')), `${n} paragraphs`).toBe(end);
    }
    // The lengths tried do cross a page break.
    expect(pageCounts.size).toBeGreaterThan(1);
  });
});
