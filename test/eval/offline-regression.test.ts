import { describe, expect, it } from 'vitest';
import { compareToBaseline, DEFAULT_TOLERANCE } from '../../eval/baseline/compare.js';
import { readReport } from '../../eval/baseline/read.js';
import { runEval } from '../../eval/runner/run-eval.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import { BASELINE, CASES_DIR } from './context.js';

/**
 * CI's quality gate: the offline composer over every eval case may not fall below
 * eval/baseline.json. After an intended change, rewrite the baseline (eval/README.md).
 */
describe('offline eval against eval/baseline.json', () => {
  it('has no regression beyond the tolerance', async () => {
    const report = await runEval({ casesDir: CASES_DIR, source: { kind: 'provider', provider: new OfflineProvider(), cache: null } });
    const { regressions } = compareToBaseline(report, readReport(BASELINE), DEFAULT_TOLERANCE);
    expect(regressions, regressions.join('\n')).toEqual([]);
  });
});
