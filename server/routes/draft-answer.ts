import type { DraftDetail } from '../draft/service.js';

/**
 * A draft as GET answers it: each text once. A paragraph's text is in `sections[].paragraphs`, so
 * the document's paragraph blocks name their paragraph instead of repeating it (unless printing
 * changed it, as the end mark of the last one); a section's facts are in `brief`. The page fills
 * them back in where it prints them.
 */
export function onceEach(detail: DraftDetail) {
  const texts = new Map(detail.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p.current.text] as const)));
  return {
    ...detail,
    sections: detail.sections.map(({ facts: _inBrief, ...section }) => section),
    document: {
      ...detail.document,
      body: detail.document.body.map((b) => {
        if (b.kind !== 'paragraph' || texts.get(b.paragraphId) !== b.text) return b;
        const { text: _inSection, ...rest } = b;
        return rest;
      }),
    },
  };
}

export interface DraftStamp {
  version: number;
  conversationId: string | null;
}

interface Answer {
  key: string;
  /** UTF-8, encoded once: every read of the same version sends the same bytes. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * GET's answers, serialized, kept while their draft's stamp stays the same: a page polling a draft,
 * or many people reading one, cost one small query each instead of rebuilding the document. Every
 * instance checks the stamp in the shared database, so a write on another instance is seen at once.
 * The least recently read go first past `maxBytes`.
 */
export class DraftAnswers {
  private readonly answers = new Map<string, Answer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 8 * 2 ** 20) {}

  async get(id: string, stamp: DraftStamp, build: () => Promise<string>): Promise<Answer> {
    const key = `${stamp.version}.${stamp.conversationId ?? '-'}`;
    const kept = this.answers.get(id);
    if (kept?.key === key) {
      this.answers.delete(id);
      this.answers.set(id, kept);
      return kept;
    }
    const answer = { key, body: Buffer.from(await build(), 'utf8'), etag: `"${id}.${key}"` };
    this.forget(id);
    if (answer.body.length <= this.maxBytes / 4) {
      this.answers.set(id, answer);
      this.bytes += answer.body.length;
      for (const [oldest] of this.answers) {
        if (this.bytes <= this.maxBytes) break;
        this.forget(oldest);
      }
    }
    return answer;
  }

  private forget(id: string): void {
    const kept = this.answers.get(id);
    if (!kept) return;
    this.bytes -= kept.body.length;
    this.answers.delete(id);
  }
}
