import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, readXml, XmlLimitError, type XElement } from '../../server/nd30/xml.js';

const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const problemOf = (xml: string) => readXml(xml).problem?.message ?? null;

describe('well-formedness', () => {
  it('finds nothing wrong in well-formed markup with a declaration, comments, PIs, CDATA and references', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<?mso-application progid="Word.Document"?><!-- c --><w:document xmlns:w="${MAIN}"><w:t a='1 &gt; 0' b="x\ny">A &amp; B &#x1EA0;&#7841; > <![CDATA[<raw>]]></w:t></w:document>\n`;
    const { root, problem } = readXml(xml);
    expect(problem).toBeNull();
    expect(root!.name).toBe('w:document');
    const t = root!.children[0] as XElement;
    // A line break in an attribute value reads as a space, as XML prescribes.
    expect(t.attrs).toEqual({ a: '1 > 0', b: 'x y' });
    expect(t.children.join('')).toBe('A & B Ạạ > <raw>');
  });

  it.each([
    ['<a><b></a>', 'không khớp'],
    ['<a></b></a>', 'không có thẻ mở'],
    ['<a><b>', 'không được đóng'],
    ['<a x=1/>', 'dấu nháy'],
    ['<a x/>', 'thiếu giá trị'],
    ['<a x="1" x="2"/>', 'bị lặp'],
    ['<a x="1"y="2"/>', 'thiếu dấu cách'],
    ['<a x="<"/>', 'dấu “<”'],
    ['<a>&nbsp;</a>', '&nbsp;'],
    ['<a>A & B</a>', 'đứng một mình'],
    ['<a>&#0;</a>', '&#0;'],
    ['<a>\uFFFE</a>', 'U+FFFE'],
    ['<a>\uD83D</a>', 'U+D83D'],
    ['<a>\u000C</a>', 'U+000C'],
    ['<a/><b/>', 'hơn một phần tử gốc'],
    ['<a/>chữ', 'ngoài phần tử gốc'],
    ['<a>x < y</a>', 'không mở thẻ nào'],
    ['<a><!-- x </a>', 'chú thích'],
    ['  \n', 'không có phần tử'],
  ])('%s', (xml, phrase) => {
    expect(problemOf(xml)).toContain(phrase);
  });

  it('still gives a tree for damaged markup', () => {
    const { root } = readXml('<a><b>unclosed</a></c>');
    expect((root!.children[0] as XElement).children).toEqual(['unclosed']);
  });
});

describe('bounds', () => {
  it('refuses a DOCTYPE or ENTITY declaration without reading it', () => {
    expect(() => readXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(XmlLimitError);
    expect(() => readXml('<a><!ENTITY x "y"></a>')).toThrow(XmlLimitError);
  });

  it(`reads ${MAX_XML_DEPTH} levels and refuses one more`, () => {
    const nested = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(readXml(nested(MAX_XML_DEPTH)).problem).toBeNull();
    expect(() => readXml(nested(MAX_XML_DEPTH + 1))).toThrow(expect.objectContaining({ kind: 'depth' }));
  });

  it('namespace declarations hold only inside their element', () => {
    const root = readXml(`<r><a xmlns:q="${MAIN}"><q:p/></a><q:p/><q:p xmlns:q="${MAIN}"/><q:p/></r>`).root!;
    const names = (e: XElement): string[] => e.children.flatMap((c) => (typeof c === 'string' ? [] : [c.name, ...names(c)]));
    expect(names(root)).toEqual(['a', 'w:p', 'q:p', 'w:p', 'q:p']);
  });
});
