import type { ParagraphAsk, Provider, RewrittenParagraph, SectionAsk, WrittenSection } from '../provider/types.js';
import { ANONYMOUS, callerOf } from './caller.js';
import type { ModelQueue } from './model-queue.js';

/**
 * A provider whose calls all go through one model queue: the limit holds for the whole process, and
 * each call waits in its caller's line, telling the caller its place as the line moves.
 */
export class QueuedProvider implements Provider {
  constructor(
    private readonly inner: Provider,
    private readonly queue: ModelQueue,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get model(): string | null {
    return this.inner.model;
  }

  writeSection(ask: SectionAsk): Promise<WrittenSection> {
    return this.inLine(ask.section.key, ask.signal, () => this.inner.writeSection(ask));
  }

  rewriteParagraph(ask: ParagraphAsk): Promise<RewrittenParagraph> {
    return this.inLine(ask.section.key, ask.signal, () => this.inner.rewriteParagraph(ask));
  }

  private inLine<T>(section: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    const caller = callerOf(signal);
    const onQueued = caller?.onQueued;
    return this.queue.run(caller?.key ?? ANONYMOUS, call, { signal, onPosition: onQueued && ((position) => onQueued(section, position)) });
  }
}
