/**
 * A small XML reader for OOXML parts: elements, attributes and text, nothing else.
 * Comments and processing instructions are skipped; CDATA is kept as text.
 *
 * Files come from anyone, so reading is linear in the size of the part whatever the markup:
 * no backtracking regular expression, no scan that restarts, nesting bounded (XmlLimitError),
 * and a DOCTYPE is refused outright (a .docx never has one), so no entity is ever expanded.
 *
 * It is tolerant: the first place where the part is not well-formed XML is reported in
 * `problem`, and reading goes on (an unmatched closing tag is ignored, unclosed elements are
 * closed at the end), so a slightly damaged part still yields a tree.
 * Names in the OOXML namespaces get their usual prefix (`w:`, `r:`, `a:`…) whatever prefix the
 * writer chose, so the reader can match `w:p` in a document that declares WordprocessingML as
 * the default namespace or under another prefix (transitional and strict namespaces alike).
 */
import { codePointName, isXmlChar, XML_FORBIDDEN } from '../text/clean.js';

export interface XElement {
  /** Qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XElement | string;

/** Deeper than any document Word or LibreOffice writes (nested tables and text boxes included). */
export const MAX_XML_DEPTH = 512;

/** Where a part stops being well-formed XML, with what is wrong in Vietnamese. */
export interface XmlProblem {
  /** Offset in the part's text. */
  offset: number;
  message: string;
}

export interface XmlReading {
  root: XElement | null;
  /** The first place where the text is not well-formed XML; null when it is. */
  problem: XmlProblem | null;
}

/** Markup that is refused rather than read: a DOCTYPE (entities) or nesting past the bound. */
export class XmlLimitError extends Error {
  constructor(readonly kind: 'doctype' | 'depth') {
    super(kind === 'doctype' ? 'DOCTYPE or ENTITY declaration' : `nesting deeper than ${MAX_XML_DEPTH}`);
    this.name = 'XmlLimitError';
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** `&#x10FFFF;` is the longest reference worth reading; a longer run before `;` is not one. */
const MAX_REF_CHARS = 10;

type Report = (offset: number, message: string) => void;

/** Replaces entity and character references; `report` hears of bad ones (kept as written). */
export function decodeEntities(s: string, report: Report = () => {}, offset = 0): string {
  let amp = s.indexOf('&');
  if (amp === -1) return s;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    let semi = -1;
    const stop = Math.min(s.length, amp + 2 + MAX_REF_CHARS);
    for (let k = amp + 1; k < stop; k++) {
      if (s.charCodeAt(k) === 0x3b) {
        semi = k;
        break;
      }
    }
    const body = semi === -1 ? '' : s.slice(amp + 1, semi);
    const value = semi === -1 ? null : reference(body);
    if (value === null) {
      report(offset + amp, semi === -1 ? 'dấu “&” đứng một mình (cần viết “&amp;”)' : `tham chiếu “&${body};” không hợp lệ`);
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(from, amp) + value;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

function reference(body: string): string | null {
  if (body[0] !== '#') return Object.hasOwn(NAMED_ENTITIES, body) ? NAMED_ENTITIES[body]! : null;
  const hex = body[1] === 'x';
  const digits = body.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : null;
}

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  // Relationship parts use these as their default namespace, unprefixed.
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
};

/**
 * Namespace bindings in force: per prefix, the URIs declared by the open elements, innermost last.
 * A lookup is one step however deep the nesting and however many declarations there are.
 */
type Bindings = Map<string, string[]>;

/** The name with its canonical prefix when its namespace is a known OOXML one, else as written. */
function canonical(qname: string, bindings: Bindings, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml' || (isAttr && prefix === '')) return qname;
  const uris = bindings.get(prefix);
  const uri = uris?.[uris.length - 1];
  const known = uri !== undefined && Object.hasOwn(CANONICAL, uri) ? CANONICAL[uri] : undefined;
  if (known === undefined) return qname;
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  return known === '' ? local : `${known}:${local}`;
}

/** Characters that end a name inside a tag: white space, `/`, `>`, `=`, `<` and quotes. */
function endsName(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A name as quoted in a message: a hostile one can be megabytes long. */
function shown(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

const ATTR_WHITESPACE = /[\t\n\r]/g;

/** Parses an XML string into its root element; returns null when there is no element at all. */
export function parseXml(xml: string): XElement | null {
  return readXml(xml).root;
}

/**
 * Reads a part in one pass. Throws XmlLimitError on a DOCTYPE or ENTITY declaration and on nesting
 * deeper than `maxDepth`; anything else not well-formed is reported in `problem`.
 */
export function readXml(xml: string, maxDepth = MAX_XML_DEPTH): XmlReading {
  let problem: XmlProblem | null = null;
  const report: Report = (offset, message) => {
    problem ??= { offset, message };
  };
  const forbidden = XML_FORBIDDEN.exec(xml);
  if (forbidden) report(forbidden.index, `ký tự ${codePointName(forbidden[0])} không được phép trong XML`);

  const doc: XElement = { name: '#document', attrs: {}, children: [] };
  const stack: XElement[] = [doc];
  // Per open element: its name as written (to match the closing tag) and the prefixes it declares.
  const raw: string[] = [''];
  const declared: (string[] | null)[] = [null];
  const bindings: Bindings = new Map();
  const unbind = (prefixes: string[] | null) => {
    for (const p of prefixes ?? []) bindings.get(p)!.pop();
  };
  // How many open elements bear each name, so a closing tag finds its element without a scan.
  const open = new Map<string, number>();
  const pop = () => {
    const name = raw.pop()!;
    open.set(name, open.get(name)! - 1);
    stack.pop();
    unbind(declared.pop()!);
  };
  let roots = 0;

  const text = (from: number, raw: string) => {
    if (stack.length === 1) {
      if (/[^ \t\n\r]/.test(raw)) report(from, 'có chữ nằm ngoài phần tử gốc');
      return;
    }
    stack[stack.length - 1]!.children.push(raw.includes('&') ? decodeEntities(raw, report, from) : raw);
  };

  let i = 0;
  const n = xml.length;
  // A byte order mark before the declaration is the encoding's, not content.
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  scan: while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) text(i, xml.slice(i, end));
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt + 4);
      if (close === -1) {
        report(lt, 'chú thích “<!--” không được đóng');
        break;
      }
      i = close + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (close === -1) report(lt, 'đoạn CDATA không được đóng');
      const body = xml.slice(lt + 9, close === -1 ? n : close);
      if (stack.length === 1) report(lt, 'có chữ nằm ngoài phần tử gốc');
      else stack[stack.length - 1]!.children.push(body);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) {
        report(lt, 'chỉ thị “<?” không được đóng');
        break;
      }
      i = close + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      const word = xml.slice(lt + 2, lt + 9).toUpperCase();
      if (word.startsWith('DOCTYPE') || word.startsWith('ENTITY')) throw new XmlLimitError('doctype');
      report(lt, 'khai báo “<!” không hợp lệ');
      const close = xml.indexOf('>', lt + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 0x2f) {
      const close = xml.indexOf('>', lt + 2);
      if (close === -1) {
        report(lt, 'thẻ đóng không có dấu “>”');
        break;
      }
      const name = xml.slice(lt + 2, close).trimEnd();
      i = close + 1;
      if (stack.length > 1 && raw[raw.length - 1] === name) {
        pop();
        continue;
      }
      if ((open.get(name) ?? 0) > 0) {
        report(lt, `thẻ đóng </${shown(name)}> không khớp với thẻ mở <${shown(raw[raw.length - 1]!)}>`);
        // Close the elements left open inside it; each element is popped once, so this stays linear.
        while (raw[raw.length - 1] !== name) pop();
        pop();
      } else {
        report(lt, `thẻ đóng </${shown(name)}> không có thẻ mở tương ứng`);
      }
      continue;
    }

    // An opening or empty-element tag.
    let j = lt + 1;
    while (j < n && !endsName(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    if (name === '') {
      report(lt, 'dấu “<” không mở thẻ nào (cần viết “&lt;”)');
      if (stack.length > 1) stack[stack.length - 1]!.children.push('<');
      i = lt + 1;
      continue;
    }
    const written: Record<string, string> = {};
    let declares = false;
    let selfClosing = false;
    let spaced = true;
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) {
        report(lt, `thẻ <${shown(name)}> không có dấu “>”`);
        break scan;
      }
      const c = xml.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f && xml.charCodeAt(j + 1) === 0x3e) {
        j += 2;
        selfClosing = true;
        break;
      }
      if (j === before && !spaced) report(j, `thiếu dấu cách giữa các thuộc tính của thẻ <${shown(name)}>`);
      spaced = false;
      let k = j;
      while (k < n && !endsName(xml.charCodeAt(k))) k++;
      if (k === j) {
        report(j, `ký tự “${xml[j]}” không hợp lệ trong thẻ <${shown(name)}>`);
        j++;
        continue;
      }
      const attr = xml.slice(j, k);
      j = k;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) {
        report(k, `thuộc tính ${shown(attr)} của thẻ <${shown(name)}> thiếu giá trị`);
        spaced = j > k;
        continue;
      }
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml[j];
      if (quote !== '"' && quote !== "'") {
        report(j, `giá trị thuộc tính ${shown(attr)} phải nằm trong dấu nháy`);
        continue;
      }
      const close = xml.indexOf(quote, j + 1);
      if (close === -1) {
        report(j, `giá trị thuộc tính ${shown(attr)} không có dấu nháy đóng`);
        break scan;
      }
      let value = xml.slice(j + 1, close);
      const ltInValue = value.indexOf('<');
      if (ltInValue !== -1) report(j + 1 + ltInValue, `dấu “<” trong giá trị thuộc tính ${shown(attr)}`);
      // Attribute-value normalisation: a literal line break or tab reads as a space.
      if (/[\t\n\r]/.test(value)) value = value.replace(ATTR_WHITESPACE, ' ');
      if (value.includes('&')) value = decodeEntities(value, report, j + 1);
      if (Object.hasOwn(written, attr)) report(j, `thuộc tính ${shown(attr)} bị lặp trong thẻ <${shown(name)}>`);
      else {
        written[attr] = value;
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) declares = true;
      }
      j = close + 1;
    }
    i = j;

    if (stack.length === 1 && roots++ > 0) report(lt, 'có hơn một phần tử gốc');
    let prefixes: string[] | null = null;
    if (declares) {
      prefixes = [];
      for (const k in written) {
        const prefix = k === 'xmlns' ? '' : k.startsWith('xmlns:') ? k.slice(6) : null;
        if (prefix === null) continue;
        prefixes.push(prefix);
        const uris = bindings.get(prefix);
        if (uris) uris.push(written[k]!);
        else bindings.set(prefix, [written[k]!]);
      }
    }
    const attrs: Record<string, string> = {};
    for (const k in written) attrs[canonical(k, bindings, true)] = written[k]!;
    const el: XElement = { name: canonical(name, bindings, false), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (selfClosing) unbind(prefixes);
    else {
      if (stack.length > maxDepth) throw new XmlLimitError('depth');
      stack.push(el);
      raw.push(name);
      declared.push(prefixes);
      open.set(name, (open.get(name) ?? 0) + 1);
    }
  }
  if (stack.length > 1) report(n, `thẻ <${shown(raw[raw.length - 1]!)}> không được đóng`);
  const root = doc.children.find((c): c is XElement => typeof c !== 'string') ?? null;
  if (!root) report(0, 'không có phần tử XML nào');
  return { root, problem };
}

/** Line and column (both from 1) of an offset, for messages. */
export function lineColumn(xml: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = xml.indexOf('\n'); k !== -1 && k < offset; k = xml.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

// ---- navigation helpers ----

export function elements(el: XElement | null | undefined): XElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XElement => typeof c !== 'string');
}

export function child(el: XElement | null | undefined, name: string): XElement | null {
  if (!el) return null;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return null;
}

export function childrenNamed(el: XElement | null | undefined, name: string): XElement[] {
  return elements(el).filter((c) => c.name === name);
}

/** All descendants with the given name, in document order. */
export function descendants(el: XElement | null | undefined, name: string): XElement[] {
  const out: XElement[] = [];
  const walk = (e: XElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return out;
}

export function textOf(el: XElement | null | undefined): string {
  if (!el) return '';
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** `w:val` (or another attribute) of a child element. */
export function childVal(el: XElement | null | undefined, name: string, attr = 'w:val'): string | null {
  return child(el, name)?.attrs[attr] ?? null;
}
