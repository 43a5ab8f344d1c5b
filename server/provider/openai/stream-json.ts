/**
 * Reads a JSON answer as it streams and gives back the text of its string values as they arrive, so
 * staff see prose, not braces. Keys are told from values by the container they sit in. An answer
 * that turns out not to be JSON (a server that ignores response_format) is passed through as is.
 */
export class JsonTextStream {
  private mode: 'start' | 'json' | 'raw' = 'start';
  private readonly stack: ('object' | 'array')[] = [];
  /** In an object: is the next string a key? */
  private expectKey = false;
  private inString = false;
  private stringIsValue = false;
  private escape = '';
  private valuesSeen = 0;

  push(chunk: string): string {
    let out = '';
    for (const ch of chunk) out += this.step(ch);
    return out;
  }

  private step(ch: string): string {
    if (this.mode === 'raw') return ch;
    if (this.mode === 'start') {
      if (/\s|`/u.test(ch)) return '';
      if (ch !== '{' && ch !== '[') {
        // Text before the JSON (or no JSON at all); "json" after a fence opener is not prose.
        if (/[a-z]/u.test(ch)) return '';
        this.mode = 'raw';
        return ch;
      }
      this.mode = 'json';
    }
    if (this.inString) {
      if (this.escape) {
        this.escape += ch;
        if (this.escape.startsWith('\\u') && this.escape.length < 6) return '';
        const decoded = this.decode(this.escape);
        this.escape = '';
        return this.stringIsValue ? decoded : '';
      }
      if (ch === '\\') {
        this.escape = ch;
        return '';
      }
      if (ch === '"') {
        this.inString = false;
        return '';
      }
      return this.stringIsValue ? ch : '';
    }
    switch (ch) {
      case '{':
        this.stack.push('object');
        this.expectKey = true;
        return '';
      case '[':
        this.stack.push('array');
        return '';
      case '}':
      case ']':
        this.stack.pop();
        this.expectKey = false;
        return '';
      case ':':
        this.expectKey = false;
        return '';
      case ',':
        this.expectKey = this.stack[this.stack.length - 1] === 'object';
        return '';
      case '"': {
        this.inString = true;
        this.stringIsValue = !(this.stack[this.stack.length - 1] === 'object' && this.expectKey);
        if (!this.stringIsValue) return '';
        this.valuesSeen += 1;
        return this.valuesSeen > 1 ? '\n\n' : '';
      }
      default:
        return '';
    }
  }

  private decode(escape: string): string {
    const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '', '\\"': '"', '\\\\': '\\', '\\/': '/', '\\b': '', '\\f': '' };
    if (escape in simple) return simple[escape]!;
    if (escape.startsWith('\\u')) return String.fromCharCode(parseInt(escape.slice(2), 16));
    return '';
  }
}
