/**
 * What a pure function made of a text, kept for the next call with the same text. A draft is checked
 * again after every edit, yet all its paragraphs but one are as they were: their figures, words and
 * names are read once, and a check costs what the edit changed. The least recently used go first past
 * `maxChars` of texts kept; what is kept is shared between callers, so it must not be changed.
 */
export class TextMemo<T> {
  private readonly kept = new Map<string, T>();
  private chars = 0;

  constructor(
    private readonly make: (text: string) => T,
    private readonly maxChars = 2 ** 20,
  ) {}

  get(text: string): T {
    const hit = this.kept.get(text);
    if (hit !== undefined) {
      this.kept.delete(text);
      this.kept.set(text, hit);
      return hit;
    }
    const made = this.make(text);
    // A text longer than a paragraph (a whole document) is not worth the room.
    if (text.length > this.maxChars / 64) return made;
    this.kept.set(text, made);
    this.chars += text.length;
    for (const [oldest] of this.kept) {
      if (this.chars <= this.maxChars) break;
      this.kept.delete(oldest);
      this.chars -= oldest.length;
    }
    return made;
  }
}

/** A TextMemo per glossary: what a text means depends on the office's glossary too (every empty one reads alike). */
export class GlossaryMemo<G extends object, T> {
  private readonly memos = new WeakMap<G, TextMemo<T>>();
  private readonly plain: TextMemo<T>;

  constructor(private readonly make: (text: string, glossary: G) => T, empty: G) {
    this.plain = new TextMemo((text) => make(text, empty));
  }

  get(text: string, glossary: G): T {
    if (Object.keys(glossary).length === 0) return this.plain.get(text);
    let memo = this.memos.get(glossary);
    if (!memo) this.memos.set(glossary, (memo = new TextMemo((t) => this.make(t, glossary))));
    return memo.get(text);
  }
}
