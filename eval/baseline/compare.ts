import type { Report } from '../report/types.js';

export const DEFAULT_TOLERANCE = 0.02;

export interface Comparison {
  /** What got worse (Vietnamese); any one fails the run. */
  regressions: string[];
  /** What changed without being worse: new cases, better means. */
  notes: string[];
}

const scoredIds = (r: Report) => new Set(r.cases.filter((c) => c.status === 'scored').map((c) => c.id));
const byId = (r: Report) => new Map(r.cases.map((c) => [c.id, c]));
const fmt = (x: number) => x.toFixed(4);

/**
 * A run against the baseline. Means are taken over the cases scored in both runs, so a case that
 * starts to be scored (its template just arrived) moves no mean; a case scored in the baseline and
 * skipped now is a regression, as is any metric a case passed and now fails.
 */
export function compareToBaseline(current: Report, baseline: Report, tolerance: number = DEFAULT_TOLERANCE): Comparison {
  const regressions: string[] = [];
  const notes: string[] = [];
  const now = byId(current);
  const before = byId(baseline);
  const nowScored = scoredIds(current);
  const beforeScored = scoredIds(baseline);
  const common = [...beforeScored].filter((id) => nowScored.has(id));

  if (baseline.provider !== current.provider) notes.push(`Mốc so sánh chạy bằng ${baseline.provider}, lần này bằng ${current.provider}.`);
  for (const id of beforeScored) {
    if (!now.has(id)) regressions.push(`Tình huống ${id} có trong mốc so sánh nhưng không còn trong bộ tình huống.`);
    else if (!nowScored.has(id)) regressions.push(`Tình huống ${id} được chấm ở mốc so sánh nhưng lần này bị bỏ qua: ${now.get(id)!.reason ?? ''}`);
  }
  for (const id of nowScored) if (!beforeScored.has(id)) notes.push(`Tình huống mới được chấm: ${id} (chưa có trong mốc so sánh).`);

  const metricIds = [...new Set([...baseline.metrics.map((m) => m.id), ...current.metrics.map((m) => m.id)])];
  for (const metric of metricIds) {
    const pairs = common.flatMap((id) => {
      const a = before.get(id)!.results[metric];
      const b = now.get(id)!.results[metric];
      return a && b ? [{ id, a, b }] : [];
    });
    for (const { id, a, b } of pairs) {
      if (a.pass && !b.pass) regressions.push(`${metric}: tình huống ${id} trước đạt, nay không đạt (${fmt(a.score)} → ${fmt(b.score)}): ${b.reason}`);
    }
    if (pairs.length === 0) continue;
    const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
    const was = mean(pairs.map((p) => p.a.score));
    const is = mean(pairs.map((p) => p.b.score));
    if (is < was - tolerance - 1e-9) {
      regressions.push(`${metric}: trung bình giảm từ ${fmt(was)} xuống ${fmt(is)}, quá dung sai ${tolerance} (trên ${pairs.length} tình huống).`);
    } else if (is > was + tolerance) {
      notes.push(`${metric}: trung bình tăng từ ${fmt(was)} lên ${fmt(is)}; nên cập nhật mốc so sánh.`);
    }
  }
  return { regressions, notes };
}

