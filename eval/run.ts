import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { compareToBaseline } from './baseline/compare.js';
import { readReport } from './baseline/read.js';
import { CaseFileError } from './case.js';
import { readOutputsFile } from './output.js';
import { formatHtml } from './report/html.js';
import { formatTable } from './report/table.js';
import { DEFAULT_BASELINE, USAGE, UsageError, parseEvalArgs } from './runner/args.js';
import { DiskCache } from './runner/cache.js';
import { chooseProvider } from './runner/provider.js';
import { runEval, type EvalSource } from './runner/run-eval.js';
import { chooseJudge } from './judge/choose.js';
import { verdictText } from './judge/judge.js';

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Exit status: 0 done, 1 a regression against the baseline, 2 the run could not start. */
async function main(argv: string[]): Promise<number> {
  const args = parseEvalArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const providerName = args.provider ?? 'offline';
  if (args.writeBaseline && (args.outputs || providerName !== 'offline')) {
    throw new UsageError('--write-baseline chỉ dùng với --provider offline: mốc so sánh của CI là bộ soạn ngoại tuyến');
  }
  let source: EvalSource;
  if (args.outputs) {
    source = { kind: 'outputs', outputs: readOutputsFile(args.outputs) };
  } else {
    const provider = chooseProvider(providerName);
    // The offline composer is free and its code is not in the cache key: caching it could only serve stale text.
    const cache = args.cache && provider.name !== 'offline' ? new DiskCache(args.cacheDir) : null;
    source = { kind: 'provider', provider, cache };
  }
  const judge = args.judge ? chooseJudge() : undefined;
  const report = await runEval({ casesDir: args.cases, source, samples: args.samples, concurrency: args.concurrency, judge });
  console.log(formatTable(report));
  if (judge) {
    console.log(`Giám khảo ${judge.model} (chỉ báo cáo, không chặn):`);
    for (const c of report.cases) if (c.judge) console.log(`  ${c.id}: ${verdictText(c.judge)}`);
  }
  if (source.kind === 'outputs') {
    const known = new Set(report.cases.map((c) => c.id));
    const unknown = [...source.outputs.keys()].filter((id) => !known.has(id));
    if (unknown.length) console.log(`· Tệp --outputs có văn bản cho tình huống không có trong ${args.cases}: ${unknown.join(', ')}`);
  }
  for (const c of report.cases) for (const e of c.errors ?? []) console.log(`! ${c.id}: ${e}`);

  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (args.json) write(args.json, json);
  if (args.html) write(args.html, formatHtml(report));
  if (args.writeBaseline) {
    const file = args.baseline ?? DEFAULT_BASELINE;
    write(file, json);
    console.log(`Đã ghi mốc so sánh: ${file}`);
    return 0;
  }
  if (!args.baseline) return 0;
  const { regressions, notes } = compareToBaseline(report, readReport(args.baseline), args.tolerance);
  for (const n of notes) console.log(`· ${n}`);
  if (regressions.length === 0) {
    console.log(`Không giảm so với mốc ${args.baseline} (dung sai ${args.tolerance}).`);
    return 0;
  }
  console.log(`Giảm chất lượng so với mốc ${args.baseline} (dung sai ${args.tolerance}):`);
  for (const r of regressions) console.log(`✗ ${r}`);
  return 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`);
  else if (e instanceof CaseFileError) console.error(e.message);
  else console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
}
