import type { MetricResult, Report } from './types.js';

/** Visible width: code points, so "Ủy" counts two as it shows, not by UTF-16 units. */
const width = (s: string) => [...s].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function cell(r: MetricResult | null | undefined): string {
  if (!r) return '—';
  return `${r.score.toFixed(2)} ${r.pass ? '✓' : '✗'}`;
}

/** Cases down, metrics across, means at the foot; skipped cases say why on their row. */
export function formatTable(report: Report): string {
  const header = ['tình huống', 'mẫu', ...report.metrics.map((m) => m.id)];
  const rows: string[][] = report.cases.map((c) =>
    c.status === 'skipped'
      ? [c.id, c.template, `bỏ qua: ${c.reason ?? ''}`]
      : [c.id, c.template, ...report.metrics.map((m) => cell(c.results[m.id]))],
  );
  const foot = ['trung bình', '', ...report.metrics.map((m) => (m.mean === null ? '—' : `${m.mean.toFixed(2)} ${m.passed}/${m.scored}`))];
  const all = [header, ...rows, foot];
  // A skipped row's reason runs past the columns; it must not widen them.
  const widths = header.map((_, i) => Math.max(...all.filter((r) => r.length === header.length || i < 2).map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!))).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const title = `soanthao eval · ${report.provider}${report.model ? ` (${report.model})` : ''}${report.promptVersion ? ` · prompt ${report.promptVersion}` : ''} · ${report.samples} mẫu/tình huống`;
  return [title, line(header), rule, ...rows.map(line), rule, line(foot)].join('\n');
}
