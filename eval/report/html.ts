import { cell } from './table.js';
import { metricChart } from './chart.js';
import { esc } from './escape.js';
import type { CaseReport, Report } from './types.js';

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.pass{background:#e8f5e9}td.fail{background:#fdecea}.muted{color:#666}
svg text{font:12px system-ui,sans-serif;fill:#333}svg .track{fill:#eee}svg .pass{fill:#43a047}svg .fail{fill:#e53935}
.section{display:grid;grid-template-columns:3fr 2fr;gap:1rem;margin:.75rem 0;border-top:1px dashed #ccc;padding-top:.5rem}
.text{white-space:pre-wrap;font-family:"Times New Roman",serif;font-size:15px}
.reason{background:#fff4e5;border-left:3px solid #fb8c00;padding:.25rem .5rem;margin:0 0 .5rem}
.section ul{margin:0;padding-left:1.2rem;color:#b71c1c}
.metric{display:inline-block;margin:0 2rem 2rem 0;vertical-align:top}
`;

function summaryTable(report: Report): string {
  const head = `<tr><th>Tình huống</th><th>Mẫu</th>${report.metrics.map((m) => `<th title="${esc(m.label)}">${esc(m.id)}</th>`).join('')}</tr>`;
  const rows = report.cases.map((c) => {
    const first = `<td>${esc(c.id)}<br><span class="muted">${esc(c.tags.join(', '))}</span></td><td>${esc(c.template)}</td>`;
    if (c.status === 'skipped') return `<tr>${first}<td colspan="${report.metrics.length}" class="muted">Bỏ qua: ${esc(c.reason ?? '')}</td></tr>`;
    const cells = report.metrics.map((m) => {
      const r = c.results[m.id];
      return `<td class="${r ? (r.pass ? 'pass' : 'fail') : ''}" title="${esc(r?.reason ?? 'Không áp dụng')}">${esc(cell(r))}</td>`;
    });
    return `<tr>${first}${cells.join('')}</tr>`;
  });
  const foot = `<tr><th colspan="2">Trung bình</th>${report.metrics
    .map((m) => `<th>${m.mean === null ? '—' : esc(`${m.mean.toFixed(2)} (${m.passed}/${m.scored} đạt)`)}</th>`)
    .join('')}</tr>`;
  return `<table>${head}${rows.join('')}${foot}</table>`;
}

/**
 * A failing case: the reason of each failing scorer, then each section's text with, beside it, the
 * problems the scorers found in that section.
 */
function failingCase(report: Report, c: CaseReport): string {
  const failing = report.metrics.flatMap((m) => {
    const r = c.results[m.id];
    return r && !r.pass ? [{ label: m.label, r }] : [];
  });
  const reasons = failing.map((f) => `<p class="reason"><b>${esc(f.label)}</b> (${f.r.score.toFixed(2)}): ${esc(f.r.reason)}</p>`);
  const texts = c.output?.sections ?? {};
  const named = failing.flatMap((f) => (f.r.problems ?? []).flatMap((p) => (p.section ? [p.section] : [])));
  const keys = [...new Set([...(c.order ?? []), ...Object.keys(texts), ...named])].filter((k) => texts[k] !== undefined || named.includes(k));
  const sections = keys.map((key) => {
    const about = failing.flatMap((f) =>
      (f.r.problems ?? []).filter((p) => p.section === key).map((p) => `<li><b>${esc(f.label)}</b>: ${esc(p.text)}</li>`),
    );
    const heading = c.output?.headings?.[key];
    const text = texts[key];
    return `<div class="section"><div><b>${esc(key)}</b>${heading ? ` · ${esc(heading)}` : ''}<div class="text">${
      text === undefined ? '<span class="muted">(không có văn bản)</span>' : esc(text)
    }</div></div><ul>${about.join('')}</ul></div>`;
  });
  const errors = (c.errors ?? []).map((e) => `<p class="reason"><b>Lỗi khi soạn</b>: ${esc(e)}</p>`).join('');
  return `<h3 id="${esc(c.id)}">${esc(c.id)}</h3>${errors}${reasons.join('')}${sections.join('')}`;
}

/** One self-contained page: no script, no font, no stylesheet from elsewhere; every text escaped. */
export function formatHtml(report: Report, generatedAt: Date = new Date()): string {
  const failing = report.cases.filter((c) => c.status === 'scored' && Object.values(c.results).some((r) => r && !r.pass));
  const charts = report.metrics
    .map(
      (m) =>
        `<div class="metric"><h3>${esc(m.label)} <span class="muted">(${esc(m.id)}${m.mean === null ? '' : `, trung bình ${m.mean.toFixed(2)}, ${m.passed}/${m.scored} đạt`})</span></h3>${metricChart(report, m)}</div>`,
    )
    .join('\n');
  const run = `${report.provider}${report.model ? ` · ${report.model}` : ''}${report.promptVersion ? ` · prompt ${report.promptVersion}` : ''} · ${report.samples} mẫu/tình huống · ${generatedAt.toISOString()}`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>soanthao · đánh giá chất lượng bản thảo</title><style>${CSS}</style></head>
<body>
<h1>Đánh giá chất lượng bản thảo</h1>
<p class="muted">${esc(run)}</p>
<h2>Tổng hợp</h2>
${summaryTable(report)}
<h2>Biểu đồ theo chỉ số</h2>
${charts}
<h2>Tình huống chưa đạt (${failing.length})</h2>
${failing.length ? failing.map((c) => failingCase(report, c)).join('\n') : '<p>Mọi tình huống đều đạt.</p>'}
</body></html>
`;
}
