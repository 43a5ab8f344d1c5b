import { parseArgs } from 'node:util';
import { DEFAULT_TOLERANCE } from '../baseline/compare.js';

export const USAGE = `Cách dùng / usage:
  npm run eval -- [--provider offline|openai] [--cases <thư mục>] [--samples k] [--concurrency n]
                  [--json out.json] [--html out.html] [--outputs <tệp văn bản>]
                  [--baseline <tệp>] [--tolerance x] [--write-baseline] [--no-cache] [--cache-dir <thư mục>]
                  [--judge]   (mô hình chấm văn phong, độ trôi chảy; chỉ báo cáo, không chặn)`;

/** A command line that cannot run: exit 2 with the message and the usage. */
export class UsageError extends Error {}

export interface EvalArgs {
  provider: 'offline' | 'openai' | null;
  cases: string;
  samples: number;
  concurrency: number;
  json?: string;
  html?: string;
  outputs?: string;
  baseline?: string;
  tolerance: number;
  writeBaseline: boolean;
  cache: boolean;
  cacheDir: string;
  help: boolean;
  judge: boolean;
}

export const DEFAULT_BASELINE = 'eval/baseline.json';

function positive(name: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && (!Number.isInteger(n) || n < 1))) {
    throw new UsageError(`--${name} phải là ${integer ? 'số nguyên dương' : 'số không âm'}, không phải "${value}"`);
  }
  return n;
}

export function parseEvalArgs(argv: string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        provider: { type: 'string' },
        cases: { type: 'string' },
        samples: { type: 'string' },
        concurrency: { type: 'string' },
        json: { type: 'string' },
        html: { type: 'string' },
        outputs: { type: 'string' },
        baseline: { type: 'string' },
        tolerance: { type: 'string' },
        'write-baseline': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        judge: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError(`Tham số không hợp lệ: ${(e as Error).message}`);
  }
  const provider = values.provider ?? null;
  if (provider !== null && provider !== 'offline' && provider !== 'openai') {
    throw new UsageError(`--provider chỉ nhận "offline" hoặc "openai", không phải "${provider}"`);
  }
  if (provider !== null && values.outputs) throw new UsageError('--outputs chấm văn bản có sẵn: không dùng cùng --provider');
  return {
    provider,
    cases: values.cases ?? 'eval/cases',
    samples: positive('samples', values.samples, 1, true),
    concurrency: positive('concurrency', values.concurrency, 2, true),
    json: values.json,
    html: values.html,
    outputs: values.outputs,
    baseline: values.baseline,
    tolerance: positive('tolerance', values.tolerance, DEFAULT_TOLERANCE, false),
    writeBaseline: values['write-baseline'] ?? false,
    cache: !values['no-cache'],
    cacheDir: values['cache-dir'] ?? '.eval-cache',
    help: values.help ?? false,
    judge: values.judge ?? false,
  };
}
