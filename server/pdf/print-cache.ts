import { createHash } from 'node:crypto';

/**
 * The last few PDFs printed, by the content of the document they print: the export panel asks for
 * the first page and then the PDF of the same document, and one LibreOffice run serves both. A
 * request that arrives while the same document is printing waits for that run.
 */
export class PrintCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly size = 16) {}

  static keyOf(content: unknown): string {
    return createHash('sha256').update(JSON.stringify(content)).digest('hex');
  }

  get(key: string, print: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.entries.get(key);
    if (cached) {
      // Most recently used last, so that the oldest goes first.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const printing = print();
    this.entries.set(key, printing);
    // A failed print is not kept: the next request tries again.
    printing.catch(() => this.entries.get(key) === printing && this.entries.delete(key));
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return printing;
  }
}
