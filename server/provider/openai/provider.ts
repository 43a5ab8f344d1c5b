import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LlmConfig } from '../../config.js';
import type { ParagraphAsk, Provider, RewrittenParagraph, SectionAsk, WrittenSection } from '../types.js';
import { UnusableAnswer } from '../types.js';
import type { RevisionMeta, Usage } from '../../types/draft.js';
import { PromptLibrary } from '../../prompt/library.js';
import { complete, type Completion } from './complete.js';
import { modelError, type ErrorContext } from './errors.js';
import { paragraphMessages, sectionMessages } from './messages.js';
import { BadOutput, ParagraphOutput, SectionOutput, paragraphFormat, parseLenient, sectionFormat, sectionTexts } from './output.js';
import { withRetries } from './retry.js';

/** A key for servers that need none (Ollama, llama.cpp, vLLM without auth): the SDK insists on one. */
const NO_KEY = 'soanthao-no-key';

/** Vietnamese runs about two characters a token on common tokenizers; JSON and a margin come on top. */
export function tokensFor(chars: number, texts: number): number {
  return Math.ceil(chars / 2) + 16 * texts + 64;
}

const TRUNCATED =
  'Câu trả lời bị cắt vì vượt giới hạn độ dài (finish_reason: length): hãy viết ngắn gọn hơn, mỗi đoạn ít câu hơn, vẫn giữ đủ các ý và số liệu, và trả lời trọn vẹn một đối tượng JSON.';

/**
 * Writes through any OpenAI-compatible server: builds the prompt, asks for the exact JSON shape,
 * reads the answer. Checks, formulas and the repair round are the pipeline's.
 */
export class OpenAIProvider implements Provider {
  readonly name = 'openai';
  private readonly client: OpenAI;
  /** Set once a server refuses `response_format`; later requests go without it. */
  private schemaUnsupported = false;

  constructor(
    private readonly config: LlmConfig,
    private readonly prompts: PromptLibrary = PromptLibrary.load(),
  ) {
    // The SDK never retries or sleeps on its own: our clock bounds every wait (see withRetries).
    this.client = new OpenAI({ apiKey: config.apiKey ?? NO_KEY, baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: 0 });
  }

  get model(): string {
    return this.config.models.section;
  }

  private context(model: string): ErrorContext {
    return { baseURL: this.client.baseURL, model, timeoutMs: this.config.timeoutMs };
  }

  /** One completion, retried on our clock; a server that rejects the JSON Schema format is asked again without it. */
  private async ask(model: string, messages: ChatCompletionMessageParam[], format: OpenAI.ResponseFormatJSONSchema, maxTokens: number, signal?: AbortSignal, onText?: (d: string) => void): Promise<Completion> {
    const once = (responseFormat: OpenAI.ResponseFormatJSONSchema | null) =>
      withRetries((timeoutMs) => complete(this.client, { model, messages, responseFormat, maxTokens, timeoutMs, maxRetries: 0, signal, onText }), {
        timeoutMs: this.config.timeoutMs,
        retries: this.config.retries,
        signal,
      });
    try {
      try {
        return await once(this.schemaUnsupported ? null : format);
      } catch (e) {
        if (this.schemaUnsupported || !(e instanceof OpenAI.BadRequestError && /response_format|json_schema|schema/i.test(e.message))) throw e;
        this.schemaUnsupported = true;
        return await once(null);
      }
    } catch (e) {
      throw modelError(e, this.context(model), signal);
    }
  }

  private meta(model: string, purpose: 'section' | 'paragraph', instruction: string | null, usage: Usage): RevisionMeta {
    return { author: 'model', provider: this.name, model, promptVersion: this.prompts.version(purpose), instruction, usage };
  }

  /** Reads an answer; a cut or unreadable one becomes an UnusableAnswer carrying what it cost. */
  private read<T>(answer: Completion, parse: (text: string) => T): T {
    const usage = { promptTokens: answer.promptTokens, completionTokens: answer.completionTokens, latencyMs: answer.latencyMs };
    if (answer.finishReason === 'length') throw new UnusableAnswer(TRUNCATED, answer.text, usage, true);
    try {
      return parse(answer.text);
    } catch (e) {
      if (e instanceof BadOutput) throw new UnusableAnswer(e.message, answer.text, usage);
      throw e;
    }
  }

  async writeSection(ask: SectionAsk): Promise<WrittenSection> {
    const model = this.config.models.section;
    const maxParagraphs = ask.section.paragraphs.max;
    const format = sectionFormat(ask.section.shape, ask.partCount, maxParagraphs);
    const maxTokens = tokensFor(ask.section.maxChars, ask.partCount * maxParagraphs);
    const answer = await this.ask(model, sectionMessages(this.prompts, ask), format, maxTokens, ask.signal, ask.onText);
    const parts = this.read(answer, (text) => sectionTexts(parseLenient(text, SectionOutput)));
    return { parts, answer: answer.text, meta: this.meta(model, 'section', null, usageOf(answer)) };
  }

  async rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph> {
    const model = this.config.models.paragraph;
    const maxTokens = tokensFor(ask.paragraphMaxChars, 1);
    const answer = await this.ask(model, paragraphMessages(this.prompts, ask), paragraphFormat(), maxTokens, ask.signal, ask.onText);
    // A model that split the paragraph said so with a blank line: the split is kept and offered.
    const texts = this.read(answer, (text) => parseLenient(text, ParagraphOutput).paragraph.split(/\n\s*\n/u));
    return { texts, answer: answer.text, meta: this.meta(model, 'paragraph', ask.instruction, usageOf(answer)) };
  }
}

function usageOf(answer: Completion): Usage {
  return { promptTokens: answer.promptTokens, completionTokens: answer.completionTokens, latencyMs: answer.latencyMs };
}
