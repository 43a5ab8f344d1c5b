import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { LlmConfig } from '../../config.js';
import type { DraftedSection, ParagraphRequest, Provider, RedraftedParagraph, SectionRequest } from '../types.js';
import type { ParagraphText, RevisionMeta, Usage } from '../../draft/model.js';
import { PromptLibrary } from '../../prompt/library.js';
import { OfflineProvider } from '../offline.js';
import { checkSection } from '../../checks/index.js';
import type { Finding } from '../../checks/finding.js';
import { sectionFacts } from '../../brief/schema.js';
import { DraftError } from '../../errors.js';
import { complete, type Completion } from './complete.js';
import { modelError, type ErrorContext } from './errors.js';
import { paragraphMessages, repairMessages, sectionMessages } from './messages.js';
import { BadOutput, PARAGRAPH_FORMAT, ParagraphOutput, SECTION_OUTPUTS, parseLenient, tidyParagraph } from './output.js';

/** A key for servers that need none (Ollama, llama.cpp, vLLM without auth): the SDK insists on one. */
const NO_KEY = 'soanthao-no-key';

/** Problems worth asking the model to fix: the error-level findings, as plain sentences. */
function problemsOf(findings: Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.message))];
}

/**
 * Drafts through any OpenAI-compatible server. The model writes only the prose of body sections;
 * the opening and closing formulas stay with the composer (code owns formulas). Output is asked for
 * as JSON Schema, parsed leniently, validated, checked; one more round states what was wrong.
 */
export class OpenAIProvider implements Provider {
  readonly name = 'openai';
  private readonly client: OpenAI;
  private readonly offline = new OfflineProvider();
  /** Set once a server refuses `response_format`; later requests go without it. */
  private schemaUnsupported = false;

  constructor(
    private readonly config: LlmConfig,
    private readonly prompts: PromptLibrary = PromptLibrary.load(),
  ) {
    this.client = new OpenAI({
      apiKey: config.apiKey ?? NO_KEY,
      baseURL: config.baseURL,
      timeout: config.timeoutMs,
      maxRetries: config.retries,
    });
  }

  get model(): string {
    return this.config.models.section;
  }

  private context(model: string): ErrorContext {
    return { baseURL: this.client.baseURL, model, timeoutMs: this.config.timeoutMs };
  }

  /** One completion; a server that rejects the JSON Schema format is asked again without it. */
  private async ask(model: string, messages: ChatCompletionMessageParam[], format: OpenAI.ResponseFormatJSONSchema, signal?: AbortSignal, onText?: (d: string) => void): Promise<Completion> {
    const options = { model, messages, timeoutMs: this.config.timeoutMs, maxRetries: this.config.retries, signal, onText };
    const attempt = async (responseFormat: OpenAI.ResponseFormatJSONSchema | null) => {
      try {
        return await complete(this.client, { ...options, responseFormat });
      } catch (e) {
        if (responseFormat && e instanceof OpenAI.BadRequestError && /response_format|json_schema|schema/i.test(e.message)) throw e;
        throw modelError(e, this.context(model), signal);
      }
    };
    try {
      return await attempt(this.schemaUnsupported ? null : format);
    } catch (e) {
      if (!(e instanceof OpenAI.BadRequestError)) throw e;
      this.schemaUnsupported = true;
      return attempt(null);
    }
  }

  private meta(model: string, purpose: 'section' | 'paragraph', instruction: string | null, usage: Usage): RevisionMeta {
    return { author: 'model', provider: this.name, model, promptVersion: this.prompts.version(purpose), instruction, usage };
  }

  /**
   * Asks, parses and checks, at most twice: a broken or failing answer is sent back once with what
   * was wrong. A valid answer that still fails a check is kept (its findings show on the paragraph);
   * two broken answers fail the section and nothing is stored.
   */
  private async twoRounds<T>(
    model: string,
    messages: ChatCompletionMessageParam[],
    format: OpenAI.ResponseFormatJSONSchema,
    read: (text: string) => T,
    findingsOf: (value: T) => Finding[],
    hooks: { signal?: AbortSignal; onText?: (d: string) => void; onRetry?: (reason: string) => void },
  ): Promise<{ value: T; usage: Usage }> {
    const usage: Usage = { promptTokens: 0, completionTokens: 0, latencyMs: 0 };
    let conversation = messages;
    let kept: T | undefined;
    let lastProblem = '';
    for (let round = 0; round < 2; round++) {
      const answer = await this.ask(model, conversation, format, hooks.signal, hooks.onText);
      usage.promptTokens += answer.promptTokens;
      usage.completionTokens += answer.completionTokens;
      usage.latencyMs += answer.latencyMs;
      let problems: string[];
      try {
        const value = read(answer.text);
        problems = problemsOf(findingsOf(value));
        kept = value;
        if (problems.length === 0) return { value, usage };
      } catch (e) {
        if (!(e instanceof BadOutput)) throw e;
        problems = [e.message];
      }
      lastProblem = problems.join(' ');
      if (round === 0) {
        hooks.onRetry?.(lastProblem);
        conversation = [...messages, ...repairMessages(this.prompts, answer.text, problems)];
      }
    }
    if (kept !== undefined) return { value: kept, usage };
    throw new DraftError(
      'provider_bad_output',
      `Mô hình trả lời không đúng định dạng sau 02 lần hỏi (${lastProblem}). Văn bản trước đó được giữ nguyên; hãy thử soạn lại hoặc đổi mô hình.`,
    );
  }

  async draftSection(req: SectionRequest): Promise<DraftedSection> {
    // Code owns the formulas; and a section that is only a task table has no prose to write.
    if (req.section.role !== 'body' || !req.briefSection || sectionFacts(req.briefSection).length === 0) return this.offline.draftSection(req);
    const model = this.config.models.section;
    const partCount = req.briefSection?.parts?.length ?? 1;
    const shape = SECTION_OUTPUTS[req.section.shape];
    const read = (text: string): ParagraphText[] => {
      const parts = shape.texts(parseLenient(text, shape.schema));
      if (parts.length !== partCount) {
        throw new BadOutput(`Mảng "parts" có ${parts.length} phần tử, cần đúng ${partCount} (mỗi tiểu mục một phần tử).`);
      }
      const paragraphs = parts.flatMap((texts, i) =>
        texts
          .map((t) => tidyParagraph(t, req.section.shape))
          .filter((t) => t.replace(/^-\s*/, '') !== '')
          .map((t) => ({ part: req.briefSection?.parts ? i : null, text: t })),
      );
      if (paragraphs.length === 0) throw new BadOutput('Câu trả lời không có đoạn văn nào.');
      return paragraphs;
    };
    const findingsOf = (paragraphs: ParagraphText[]) => {
      const checked = checkSection(req.brief, req.template, req.section.key, paragraphs.map((p) => p.text));
      return [...checked.section, ...checked.byParagraph.flat()];
    };
    const { value, usage } = await this.twoRounds(model, sectionMessages(this.prompts, req), shape.format, read, findingsOf, req);
    return { paragraphs: value, meta: this.meta(model, 'section', null, usage) };
  }

  async redraftParagraph(req: ParagraphRequest): Promise<RedraftedParagraph> {
    if (req.section.role !== 'body') return this.offline.redraftParagraph(req);
    const model = this.config.models.paragraph;
    const i = req.paragraph.position;
    const before = checkSection(req.brief, req.template, req.section.key, req.sectionParagraphs);
    const droppedBefore = new Set(before.section.map((f) => f.message));
    const read = (text: string) => {
      const out = parseLenient(text, ParagraphOutput);
      const clean = tidyParagraph(out.paragraph, req.section.shape);
      if (clean.replace(/^-\s*/, '') === '') throw new BadOutput('Đoạn văn trả về bị trống.');
      return clean;
    };
    // The new paragraph is judged in its section: its own findings, and any figure or fact of the
    // section that only the old paragraph carried.
    const findingsOf = (text: string) => {
      const texts = req.sectionParagraphs.map((p, j) => (j === i ? text : p));
      const checked = checkSection(req.brief, req.template, req.section.key, texts);
      return [...(checked.byParagraph[i] ?? []), ...checked.section.filter((f) => !droppedBefore.has(f.message))];
    };
    const { value, usage } = await this.twoRounds(model, paragraphMessages(this.prompts, req), PARAGRAPH_FORMAT, read, findingsOf, req);
    return { text: value, meta: this.meta(model, 'paragraph', req.instruction, usage) };
  }
}
