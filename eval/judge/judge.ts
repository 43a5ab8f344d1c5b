import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { z } from 'zod';
import type { LlmConfig } from '../../server/config.js';
import { allParagraphs } from '../scorers/sections.js';
import type { ScoreContext } from '../scorers/types.js';

/** What the judge said of one case: scores 1-5 per criterion, or why it could not say. Reported, never gating. */
export type JudgeVerdict = { register: number; fluency: number; notes: string } | { error: string };

export interface Judge {
  readonly model: string;
  judge(ctx: ScoreContext): Promise<JudgeVerdict>;
}

const RUBRIC = readFileSync(new URL('./rubric.md', import.meta.url), 'utf8').normalize('NFC');

const Verdict = z.object({
  register: z.coerce.number().int().min(1).max(5),
  fluency: z.coerce.number().int().min(1).max(5),
  notes: z.string().default(''),
});

/** The draft as the judge reads it: sections in document order, paragraphs as written. */
function documentText(ctx: ScoreContext): string {
  return allParagraphs(ctx)
    .map((p) => p.text)
    .join('\n\n');
}

/** A model, asked with the written rubric (rubric.md) to score register and fluency. */
export class ModelJudge implements Judge {
  private readonly client: OpenAI;

  constructor(
    config: LlmConfig,
    readonly model: string = config.models.section,
  ) {
    this.client = new OpenAI({ apiKey: config.apiKey ?? 'soanthao-no-key', baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: config.retries });
  }

  async judge(ctx: ScoreContext): Promise<JudgeVerdict> {
    const text = documentText(ctx);
    if (text === '') return { error: 'Không có văn bản để chấm.' };
    try {
      const answer = await this.client.chat.completions.create({
        model: this.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: RUBRIC },
          { role: 'user', content: `Loại văn bản: ${ctx.template?.name ?? ctx.brief.template}\nTrích yếu: ${ctx.brief.header.subject}\n\n${text}` },
        ],
      });
      const content = answer.choices[0]?.message?.content ?? '';
      const json = /\{[\s\S]*\}/u.exec(content)?.[0];
      const parsed = json ? Verdict.safeParse(JSON.parse(json)) : null;
      if (!parsed?.success) return { error: `Giám khảo trả lời không đúng dạng: ${content.slice(0, 120)}` };
      return parsed.data;
    } catch (e) {
      return { error: `Không hỏi được giám khảo: ${(e as Error).message}` };
    }
  }
}

/** "văn phong 4/5, trôi chảy 3/5 — …", or the reason there is no verdict. */
export function verdictText(v: JudgeVerdict): string {
  return 'error' in v ? v.error : `văn phong ${v.register}/5, trôi chảy ${v.fluency}/5${v.notes ? ` — ${v.notes}` : ''}`;
}
