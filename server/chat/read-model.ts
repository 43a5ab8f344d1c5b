import OpenAI from 'openai';
import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { LlmConfig } from '../config.js';
import { PromptLibrary } from '../prompt/library.js';
import { complete } from '../provider/openai/complete.js';
import { parseLenient } from '../provider/openai/output.js';
import type { FieldValues, Intent } from './model.js';
import type { IntentReader, ReaderContext } from './reader.js';
import { TextIntentReader } from './reader.js';
import { readText } from './read-text.js';
import { sectionHeadings } from './sections.js';
import type { ModelQueue } from '../queue/model-queue.js';
import { ANONYMOUS, callerOf } from '../queue/caller.js';

/** Every key present and nullable: structured output requires it. */
const ChatIntent = z.object({
  intent: z.enum(['set', 'facts', 'redraft-paragraph', 'redraft-section', 'draft-all', 'skip', 'next', 'unknown']),
  template: z.string().nullable(),
  org: z.string().nullable(),
  parentOrg: z.string().nullable(),
  subject: z.string().nullable(),
  place: z.string().nullable(),
  symbol: z.string().nullable(),
  date: z.string().nullable(),
  recipients: z.array(z.string()).nullable(),
  signer: z.string().nullable(),
  copies: z.array(z.string()).nullable(),
  section: z.string().nullable(),
  paragraph: z.number().int().nullable(),
  instruction: z.string().nullable(),
  facts: z.array(z.string()).nullable(),
});
type ChatIntent = z.infer<typeof ChatIntent>;
const FORMAT = zodResponseFormat(ChatIntent, 'chat_intent');
const CHAT_TIMEOUT_MS = 20_000;

/**
 * With a model configured, a message is read by the model as a structured intent; each value is then
 * read by the same code as typed text, so a model cannot slip in a malformed date or ký hiệu. When the
 * model fails or answers nonsense, the deterministic interview reads the message instead.
 */
export class ModelIntentReader implements IntentReader {
  private readonly client: OpenAI;
  private readonly fallback = new TextIntentReader();

  constructor(
    private readonly config: LlmConfig,
    private readonly prompts: PromptLibrary = PromptLibrary.load(),
    /** The process's model queue: a chat message's call waits its turn like a section's. */
    private readonly queue?: ModelQueue,
  ) {
    this.client = new OpenAI({ apiKey: config.apiKey ?? 'soanthao-no-key', baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: config.retries });
  }

  async read(text: string, ctx: ReaderContext): Promise<Intent> {
    // Commands have one fixed form; code reads them exactly, without a round trip.
    const byCode = readText(text, ctx);
    if (byCode.kind !== 'unknown' && byCode.kind !== 'invalid' && byCode.kind !== 'facts' && byCode.kind !== 'set') return byCode;
    try {
      const ask = () =>
        complete(this.client, {
          model: this.config.models.chat,
          messages: [{ role: 'user', content: this.prompt(text, ctx) }],
          responseFormat: FORMAT,
          // Staff wait on every message: a slow or failing model gives way to the interview quickly.
          timeoutMs: Math.min(this.config.timeoutMs, CHAT_TIMEOUT_MS),
          maxRetries: 0,
          signal: ctx.signal,
        });
      const answer = this.queue ? await this.queue.run(callerOf(ctx.signal)?.key ?? ANONYMOUS, ask, { signal: ctx.signal }) : await ask();
      return this.toIntent(parseLenient(answer.text, ChatIntent), text, ctx);
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      return this.fallback.read(text, ctx);
    }
  }

  private prompt(message: string, ctx: ReaderContext): string {
    const h = ctx.intake.header;
    const known = Object.entries(h)
      .filter(([, v]) => (Array.isArray(v) ? v.length : v))
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('; ') : v}`)
      .join(', ');
    return this.prompts.render('chat', {
      templateName: ctx.template ? `${ctx.template.name} (${ctx.template.id})` : 'chưa chọn',
      templates: ctx.templates.map((t) => `${t.id} (${t.name})`).join(', '),
      asking: ctx.asking ?? 'không hỏi gì (văn bản đã soạn)',
      known: known || 'chưa có',
      sections: ctx.template ? [...sectionHeadings(ctx.template, ctx.intake).entries()].map(([k, v]) => `${k}: ${v}`).join('; ') : 'chưa có',
      message,
    });
  }

  /** The model's reading, each value checked by the code that reads typed answers. */
  private toIntent(o: ChatIntent, text: string, ctx: ReaderContext): Intent {
    switch (o.intent) {
      case 'facts':
        return { kind: 'facts', section: o.section, lines: o.facts?.length ? o.facts : text.split('\n') };
      case 'redraft-paragraph':
        return o.paragraph ? { kind: 'redraft-paragraph', paragraph: o.paragraph, section: o.section, instruction: o.instruction } : { kind: 'unknown' };
      case 'redraft-section':
        return { kind: 'redraft-section', section: o.section };
      case 'draft-all':
      case 'skip':
      case 'next':
      case 'unknown':
        return { kind: o.intent };
      case 'set': {
        const template = o.template && ctx.templates.some((t) => t.id === o.template) ? o.template : undefined;
        const typed = [
          o.org && `Cơ quan: ${o.org}`,
          o.parentOrg && `Cơ quan chủ quản: ${o.parentOrg}`,
          o.subject && `Trích yếu: ${o.subject}`,
          o.place && `Địa danh: ${o.place}`,
          o.symbol && `Ký hiệu: ${o.symbol}`,
          o.date && `Ngày: ${o.date}`,
          o.recipients?.length && `Kính gửi: ${o.recipients.join('; ')}`,
          o.signer && `Người ký: ${o.signer}`,
          o.copies?.length && `Nơi nhận: ${o.copies.join('; ')}`,
        ].filter(Boolean) as string[];
        const tpl = template ? ctx.templates.find((t) => t.id === template) : ctx.template;
        const read = typed.length ? readText(typed.join('\n'), { ...ctx, template: tpl }) : ({ kind: 'set', fields: {} } as Intent);
        // A value that does not fit is told; the document type the model read still counts.
        if (read.kind === 'invalid') return template ? { kind: 'set', template, fields: {}, problems: [read.message] } : read;
        const fields: FieldValues = read.kind === 'set' ? read.fields : {};
        if (!template && Object.keys(fields).length === 0) return readText(text, ctx);
        return { kind: 'set', ...(template ? { template } : {}), fields };
      }
    }
  }
}
