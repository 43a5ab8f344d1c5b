/**
 * A tiny XML reader for OOXML parts: elements, attributes and text, nothing else.
 * Comments, processing instructions and DOCTYPE are skipped; CDATA is kept as text.
 * It is tolerant: an unmatched closing tag is ignored and unclosed elements are closed at the end,
 * so a slightly damaged part still yields a tree instead of an exception.
 * Names in the OOXML namespaces get their usual prefix (`w:`, `r:`, `a:`…) whatever prefix the
 * writer chose, so the reader can match `w:p` in a document that declares WordprocessingML as
 * the default namespace or under another prefix (transitional and strict namespaces alike).
 */

export interface XElement {
  /** Qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export type XNode = XElement | string;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return whole;
      try {
        return String.fromCodePoint(code);
      } catch {
        return whole;
      }
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(s)) !== null) {
    attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attrs;
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

type Scope = Record<string, string>;

/** The name with its canonical prefix when its namespace is a known OOXML one, else as written. */
function canonical(qname: string, scope: Scope, isAttr: boolean): string {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml' || (isAttr && prefix === '')) return qname;
  const uri = scope[prefix];
  const known = uri === undefined ? undefined : CANONICAL[uri];
  if (known === undefined) return qname;
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  return known === '' ? local : `${known}:${local}`;
}

/** Parses an XML string into its root element; returns null when there is no element at all. */
export function parseXml(xml: string): XElement | null {
  const root: XElement = { name: '#document', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  // Per open element: its name as written (to match the closing tag) and its namespace scope.
  const raw: string[] = [''];
  const scopes: Scope[] = [{}];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      pushText(stack, xml.slice(i));
      break;
    }
    if (lt > i) pushText(stack, xml.slice(i, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const text = xml.slice(lt + 9, end === -1 ? n : end);
      stack[stack.length - 1]!.children.push(text);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt === -1) break;
    const inner = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      // Pop to the matching element; ignore a stray closing tag.
      for (let k = stack.length - 1; k > 0; k--) {
        if (raw[k] === name) {
          stack.length = k;
          raw.length = k;
          scopes.length = k;
          break;
        }
      }
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameEnd = body.search(/[\s]/);
    const name = nameEnd === -1 ? body : body.slice(0, nameEnd);
    if (name === '') continue;
    const written = nameEnd === -1 ? {} : parseAttrs(body.slice(nameEnd));
    let scope = scopes[scopes.length - 1]!;
    for (const [k, v] of Object.entries(written)) {
      if (k === 'xmlns') scope = { ...scope, '': v };
      else if (k.startsWith('xmlns:')) scope = { ...scope, [k.slice(6)]: v };
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(written)) attrs[canonical(k, scope, true)] = v;
    const el: XElement = { name: canonical(name, scope, false), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) {
      stack.push(el);
      raw.push(name);
      scopes.push(scope);
    }
  }
  return root.children.find((c): c is XElement => typeof c !== 'string') ?? null;
}

/** Index of the `>` closing a tag, skipping `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let k = from; k < xml.length; k++) {
    const c = xml[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return k;
    }
  }
  return -1;
}

function pushText(stack: XElement[], raw: string): void {
  if (raw === '') return;
  stack[stack.length - 1]!.children.push(decodeEntities(raw));
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
