import type { MetricSummary, Report } from './types.js';
import { esc } from './escape.js';

const BAR_H = 18;
const GAP = 4;
const LABEL_W = 260;
const BAR_W = 300;

/** One horizontal bar per scored case: the score's length, green when it passes, red when not. */
export function metricChart(report: Report, metric: MetricSummary): string {
  const rows = report.cases.flatMap((c) => (c.status === 'scored' && c.results[metric.id] ? [{ id: c.id, r: c.results[metric.id]! }] : []));
  if (rows.length === 0) return '<p class="muted">Không áp dụng cho tình huống nào.</p>';
  const height = rows.length * (BAR_H + GAP) + GAP;
  const bars = rows
    .map(({ id, r }, i) => {
      const y = GAP + i * (BAR_H + GAP);
      const w = Math.max(1, Math.round(r.score * BAR_W));
      return [
        `<text x="${LABEL_W - 6}" y="${y + BAR_H - 5}" text-anchor="end">${esc(id)}</text>`,
        `<rect x="${LABEL_W}" y="${y}" width="${BAR_W}" height="${BAR_H}" class="track"/>`,
        `<rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR_H}" class="${r.pass ? 'pass' : 'fail'}"><title>${esc(`${id}: ${r.score.toFixed(2)}`)}</title></rect>`,
        `<text x="${LABEL_W + BAR_W + 6}" y="${y + BAR_H - 5}">${r.score.toFixed(2)}</text>`,
      ].join('');
    })
    .join('\n');
  const label = `${metric.label}: điểm theo tình huống`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(label)}" width="${LABEL_W + BAR_W + 50}" height="${height}" viewBox="0 0 ${LABEL_W + BAR_W + 50} ${height}">\n${bars}\n</svg>`;
}
