import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { JsonTextStream } from './stream-json.js';
import { StreamCut, StreamStalled } from './errors.js';

export interface Completion {
  text: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  /** `stop`, or `length` when the server cut the answer at max_tokens. */
  finishReason: string;
}

export interface CompleteOptions {
  model: string;
  messages: ChatCompletionMessageParam[];
  responseFormat: OpenAI.ResponseFormatJSONSchema | null;
  timeoutMs: number;
  maxRetries: number;
  /** The longest answer wanted, in tokens; the server stops there with finish_reason "length". */
  maxTokens?: number;
  signal?: AbortSignal;
  onText?: (delta: string) => void;
}

/** Rough token count for servers that report no usage: about four characters a token. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * One streamed chat completion. The SDK's timeout covers the wait for the first byte; a stream that
 * stalls after that is stopped here when no chunk arrives for the same time.
 */
export async function complete(client: OpenAI, o: CompleteOptions): Promise<Completion> {
  const started = Date.now();
  const stall = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stall.signal]) : stall.signal;
  let timer: NodeJS.Timeout | undefined;
  let stalled = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      stall.abort();
    }, o.timeoutMs);
  };
  try {
    const stream = await client.chat.completions.create(
      {
        model: o.model,
        messages: o.messages,
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.2,
        ...(o.maxTokens ? { max_tokens: o.maxTokens } : {}),
        ...(o.responseFormat ? { response_format: o.responseFormat } : {}),
      },
      { signal, timeout: o.timeoutMs, maxRetries: o.maxRetries },
    );
    arm();
    const visible = new JsonTextStream();
    let text = '';
    let finishReason: string | null = null;
    let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
    try {
      for await (const chunk of stream) {
        arm();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          const shown = visible.push(delta);
          if (shown) o.onText?.(shown);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
      }
    } catch (e) {
      // The server answered, then the connection broke: a cut, whatever the transport calls it.
      if (signal.aborted) throw e;
      throw new StreamCut('stream broke halfway', { cause: e });
    }
    if (finishReason === null) throw new StreamCut('stream ended without a finish reason');
    return {
      text,
      promptTokens: usage?.prompt_tokens ?? estimateTokens(JSON.stringify(o.messages)),
      completionTokens: usage?.completion_tokens ?? estimateTokens(text),
      latencyMs: Date.now() - started,
      finishReason,
    };
  } catch (e) {
    if (stalled && !o.signal?.aborted) throw new StreamStalled('no chunk within the timeout');
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
