import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Report } from '../report/types.js';

const Result = z.object({ score: z.number(), pass: z.boolean(), reason: z.string(), sections: z.array(z.string()).optional() });
/** Only what the comparison reads is checked; the rest of a report file is for people. */
const ReportFile = z.looseObject({
  version: z.literal(1),
  provider: z.string(),
  metrics: z.array(z.looseObject({ id: z.string() })),
  cases: z.array(
    z.looseObject({
      id: z.string(),
      status: z.enum(['scored', 'skipped']),
      results: z.record(z.string(), Result.nullable()),
    }),
  ),
});

export function readReport(file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được mốc so sánh ${file}: ${(e as Error).message}`);
  }
  const parsed = ReportFile.safeParse(raw);
  if (!parsed.success) throw new Error(`Tệp ${file} không phải báo cáo đánh giá (JSON của --json)`);
  return parsed.data as unknown as Report;
}
