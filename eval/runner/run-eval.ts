import { validateBriefForTemplate } from '../../server/brief/validate.js';
import { DraftError } from '../../server/errors.js';
import { settleWithLimit } from '../../server/draft/limit.js';
import type { Provider } from '../../server/provider/types.js';
import type { Template } from '../../server/template/schema.js';
import { loadCases, type Case } from '../case.js';
import type { CaseOutput } from '../output.js';
import type { CaseReport, Report } from '../report/types.js';
import type { ScoreContext } from '../scorers/types.js';
import type { Judge } from '../judge/judge.js';
import type { DiskCache } from './cache.js';
import { cacheKey, draftCaseCached, type Generated } from './generate.js';
import { promptsFingerprint } from './prompt-version.js';
import { PromptLibrary } from '../../server/prompt/library.js';
import { scoreCase, summarize } from './score.js';
import { sectionOrder } from '../scorers/sections.js';
import { findTemplate, loadTemplates } from './templates.js';

export type EvalSource =
  | { kind: 'provider'; provider: Provider; cache: DiskCache | null }
  | { kind: 'outputs'; outputs: Map<string, CaseOutput> };

export interface EvalOptions {
  casesDir: string;
  source: EvalSource;
  samples?: number;
  /** Cases (times samples) drafted at once. */
  concurrency?: number;
  templatesDir?: string;
  /** Asks a model to score register and fluency by a written rubric; reported beside the scores, never gating. */
  judge?: Judge;
}

const skipped = (c: Case, reason: string): CaseReport => ({
  id: c.id,
  tags: c.tags,
  template: c.brief.template,
  status: 'skipped',
  reason,
  results: {},
});

/** Why a brief does not fit its template, or null when it does. */
function misfit(c: Case, template: Template): string | null {
  try {
    validateBriefForTemplate(c.brief, template);
    return null;
  } catch (e) {
    if (!(e instanceof DraftError)) throw e;
    return [e.message, ...e.issues.map((i) => `${i.field}: ${i.message}`)].join('; ');
  }
}

/** Runs the eval: each case drafted (or read from the given texts), then scored by every scorer. */
export async function runEval(options: EvalOptions): Promise<Report> {
  const samples = options.source.kind === 'outputs' ? 1 : Math.max(1, options.samples ?? 1);
  const templates = loadTemplates(options.templatesDir);
  const cases = loadCases(options.casesDir);
  const source = options.source;
  // The declared versions name what changed; the fingerprint catches an edit that forgot to bump one.
  const promptVersion = `${PromptLibrary.load().versions()}#${promptsFingerprint()}`;
  // What the revisions recorded, from the first answer: the model may name itself otherwise than configured.
  const answered: Pick<Generated, 'model' | 'promptVersion'>[] = [];

  const tasks = cases.map((c) => async (): Promise<CaseReport> => {
    const template = findTemplate(templates, c.brief.template);
    if (typeof template === 'string') return skipped(c, template);
    const problem = misfit(c, template);
    if (problem) return skipped(c, `Ý liệu không khớp mẫu: ${problem}`);
    const outputs: CaseOutput[] = [];
    const errors: string[] = [];
    if (source.kind === 'outputs') {
      const given = source.outputs.get(c.id);
      if (!given) return skipped(c, 'Tệp văn bản (--outputs) không có văn bản cho tình huống này');
      outputs.push(given);
    } else {
      for (let sample = 0; sample < samples; sample++) {
        const key = cacheKey({ provider: source.provider, promptVersion, template, c, sample });
        const generated = await draftCaseCached(source.provider, template, c, source.cache, key);
        answered.push(generated);
        outputs.push(generated.output);
        errors.push(...generated.errors.map((e) => (samples > 1 ? `mẫu ${sample + 1}, ${e}` : e)));
      }
    }
    const contexts: ScoreContext[] = outputs.map((output) => ({
      brief: c.brief,
      template,
      output,
      references: c.references,
      assertions: c.assertions,
      glossary: c.glossary,
    }));
    return {
      id: c.id,
      tags: c.tags,
      template: c.brief.template,
      status: 'scored',
      results: scoreCase(contexts),
      order: sectionOrder(contexts[0]!),
      output: outputs[0],
      ...(errors.length ? { errors } : {}),
      ...(options.judge ? { judge: await options.judge.judge(contexts[0]!) } : {}),
    };
  });

  {
    const settled = await settleWithLimit(tasks, Math.max(1, options.concurrency ?? 2));
    const reports = settled.map((r, i) =>
      r.status === 'fulfilled' ? r.value : skipped(cases[i]!, `Lỗi khi soạn hoặc chấm: ${(r.reason as Error)?.message ?? String(r.reason)}`),
    );
    const meta = answered[0];
    return {
      version: 1,
      provider: source.kind === 'outputs' ? 'outputs' : source.provider.name,
      model: source.kind === 'outputs' ? null : (meta?.model ?? source.provider.model),
      promptVersion: source.kind === 'outputs' ? null : (meta?.promptVersion ?? null),
      samples,
      metrics: summarize(reports),
      cases: reports,
    };
  }
}
