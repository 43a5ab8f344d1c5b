import { describe, expect, it } from 'vitest';
import { compareToBaseline } from '../../eval/baseline/compare.js';
import type { CaseReport, Report } from '../../eval/report/types.js';

const scored = (id: string, score: number, pass = score === 1): CaseReport => ({
  id,
  tags: [],
  template: 'bao-cao',
  status: 'scored',
  results: { recall: { score, pass, reason: pass ? 'đạt' : 'thiếu' }, chrf: null },
});
const report = (cases: CaseReport[]): Report => ({
  version: 1,
  provider: 'offline',
  model: null,
  promptVersion: null,
  samples: 1,
  metrics: [{ id: 'recall', label: 'Độ phủ', mean: null, passed: 0, scored: 0 }],
  cases,
});

describe('compareToBaseline', () => {
  const baseline = report([scored('a', 0.9, true), scored('b', 1)]);

  it('passes an equal run, and a drop within the tolerance', () => {
    expect(compareToBaseline(baseline, baseline, 0.02).regressions).toEqual([]);
    expect(compareToBaseline(report([scored('a', 0.87, true), scored('b', 1)]), baseline, 0.02).regressions).toEqual([]);
  });

  it('fails a mean that drops beyond the tolerance, naming the metric', () => {
    const { regressions } = compareToBaseline(report([scored('a', 0.8, true), scored('b', 1)]), baseline, 0.02);
    expect(regressions).toHaveLength(1);
    expect(regressions[0]).toMatch(/^recall: trung bình giảm từ 0\.9500 xuống 0\.9000/);
  });

  it('fails a case that passed and now fails, even within the tolerance', () => {
    const { regressions } = compareToBaseline(report([scored('a', 0.9, true), scored('b', 0.99, false)]), baseline, 0.02);
    expect(regressions).toEqual([expect.stringContaining('recall: tình huống b trước đạt, nay không đạt')]);
  });

  it('fails a case that was scored and is now skipped; notes a new case without moving the means', () => {
    const skippedB: CaseReport = { ...scored('b', 1), status: 'skipped', reason: 'Chưa có mẫu', results: {} };
    const { regressions, notes } = compareToBaseline(report([scored('a', 0.9, true), skippedB, scored('c', 0.1, false)]), baseline, 0.02);
    expect(regressions).toEqual([expect.stringContaining('Tình huống b được chấm ở mốc so sánh nhưng lần này bị bỏ qua')]);
    expect(notes).toEqual([expect.stringContaining('Tình huống mới được chấm: c')]);
  });
});
