import { describe, expect, it } from 'vitest';
import { formatTable } from '../../eval/report/table.js';
import { formatHtml } from '../../eval/report/html.js';
import type { Report } from '../../eval/report/types.js';

const report: Report = {
  version: 1,
  provider: 'offline',
  model: null,
  promptVersion: 'composer-1',
  samples: 1,
  metrics: [
    { id: 'recall', label: 'Độ phủ dữ kiện', mean: 0.5, passed: 0, scored: 1 },
    { id: 'chrf', label: 'chrF++', mean: null, passed: 0, scored: 0 },
  ],
  cases: [
    {
      id: 'ủy-ban-<x>',
      tags: ['bao-cao'],
      template: 'bao-cao',
      status: 'scored',
      results: { recall: { score: 0.5, pass: false, reason: 'Thiếu "7664" & <ngày>', problems: [{ section: 'mo-dau', text: 'thiếu "7664"' }] }, chrf: null },
      order: ['mo-dau', 'ket-thuc'],
      output: { sections: { 'mo-dau': 'Thực hiện <script>alert(1)</script> Công văn.' } },
    },
    { id: 'cv', tags: [], template: 'cong-van', status: 'skipped', reason: 'Chưa có mẫu văn bản "cong-van"', results: {} },
  ],
};

describe('console table', () => {
  it('aligns the metric columns on every row, Vietnamese letters counted as one', () => {
    const lines = formatTable(report).split('\n');
    const header = lines[1]!;
    const row = lines.find((l) => l.startsWith('ủy-ban'))!;
    const column = (line: string, text: string) => [...line.slice(0, line.indexOf(text))].length;
    expect(column(row, '0.50')).toBe(column(header, 'recall'));
    expect(column(row, '—')).toBe(column(header, 'chrf'));
    expect(row).toContain('0.50 ✗');
    expect(lines.find((l) => l.startsWith('cv'))).toContain('bỏ qua: Chưa có mẫu văn bản "cong-van"');
  });
});

describe('HTML report', () => {
  const html = formatHtml(report, new Date('2025-01-01T00:00:00Z'));

  it('escapes every text', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('ủy-ban-&lt;x&gt;');
    expect(html).toContain('Thiếu &quot;7664&quot; &amp; &lt;ngày&gt;');
  });

  it('draws a chart per metric and puts a failing case\'s problems beside its section', () => {
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('Không áp dụng cho tình huống nào');
    expect(html).toMatch(/<b>mo-dau<\/b>.*Thực hiện.*<li><b>Độ phủ dữ kiện<\/b>: thiếu &quot;7664&quot;<\/li>/s);
  });

  it('needs nothing from elsewhere', () => {
    expect(html).not.toMatch(/<(script|link|img)\b|src=|@import|url\(/);
  });
});
