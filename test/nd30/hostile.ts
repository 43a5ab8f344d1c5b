/**
 * Hostile .docx files, generated: each one attacks one way of reading a zip or an XML part.
 * The zip writer is hand-made so that headers can lie (declared sizes) and entries can be many.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** What the headers claim the inflated size is (a zip bomb lies here). */
  declaredSize?: number;
}

/** A zip with the given entries, written by hand. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.stored ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * The smallest package around a document.xml given as text or bytes. `stored` leaves it
 * uncompressed: an attack on the XML reader must not be stopped by the compression ratio first.
 */
export function docxWith(documentXml: string | Buffer, extra: ZipEntrySpec[] = [], document: { stored?: boolean; declaredSize?: number } = {}): Buffer {
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    { name: 'word/document.xml', data: typeof documentXml === 'string' ? Buffer.from(documentXml, 'utf8') : documentXml, ...document },
    ...extra,
  ]);
}

/** A document.xml whose body is `inner`. */
export function documentXml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
}

const STORED = { stored: true };

const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Each kind of hostile file, by name, with what reading it must end in. */
export const HOSTILE = {
  /** ~100 KB that inflates to 100 MB while the headers claim 1 KB (the issue's 102 KB bomb). */
  zipBomb: () => {
    const [head, tail] = documentXml('\0').split('\0') as [string, string];
    return docxWith(Buffer.concat([Buffer.from(head), Buffer.alloc(100 * 1024 * 1024, 0x20), Buffer.from(tail)]), [], { declaredSize: 1024 });
  },
  /** A part of 4 MB of one repeated character: under the total but a thousand times its compressed size. */
  highRatio: () => docxWith(documentXml(para('x')), [{ name: 'word/settings.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20) }]),
  /** Six thousand empty entries. */
  manyEntries: () => docxWith(documentXml(para('x')), Array.from({ length: 6000 }, (_, i) => ({ name: `word/media/e${i}.bin`, data: Buffer.alloc(0), stored: true }))),
  /** Elements nested a hundred thousand deep. */
  deepNesting: () => docxWith(documentXml(`${'<w:sdt>'.repeat(100_000)}${'</w:sdt>'.repeat(100_000)}`), [], STORED),
  /** Billion laughs: entities that expand to 10^9 copies. */
  billionLaughs: () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    return docxWith(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><w:document ${W}><w:body>${para('&lol9;')}</w:body></w:document>`);
  },
  /**
   * Attribute lists that make a backtracking regex quadratic (long names without "=", bare "=",
   * unquoted values), and a page width padded with spaces for the regex that reads lengths.
   */
  pathologicalAttributes: () =>
    docxWith(
      documentXml(
        `<w:p ${'a'.repeat(200_000)}/>` +
          `<w:p ${'a '.repeat(100_000)}/>` +
          `<w:p ${'a='.repeat(100_000)}/>` +
          `<w:p ${'x=y '.repeat(50_000)}/>` +
          para('còn đọc được') +
          `<w:sectPr><w:pgSz w:w="1${' '.repeat(100_000)}x" w:h="16838"/></w:sectPr>`,
      ),
      [],
      STORED,
    ),
  /** Half a million closing tags that close nothing, under 500 open elements. */
  strayClosingTags: () => docxWith(documentXml(`${'<w:sdt><w:sdtContent>'.repeat(250)}${'</w:x>'.repeat(500_000)}${'</w:sdtContent></w:sdt>'.repeat(250)}${para('còn đọc được')}`), [], STORED),
  /** Attribute values of 8 MB each. */
  hugeAttributeValues: () => docxWith(documentXml(`<w:p w:rsidR="${'A'.repeat(8 * 1024 * 1024)}" w:rsidRDefault="${'B'.repeat(8 * 1024 * 1024)}"/>${para('còn đọc được')}`), [], STORED),
  /** Twenty thousand fields opened and never closed: a reader that scans the open ones per run goes quadratic. */
  openFields: () =>
    docxWith(
      documentXml(`<w:p>${'<w:r><w:fldChar w:fldCharType="begin"/><w:fldChar w:fldCharType="separate"/><w:t>x</w:t></w:r>'.repeat(20_000)}</w:p>${para('còn đọc được')}`),
      [],
      STORED,
    ),
  /** Ten thousand sections sharing a header of ten thousand paragraphs. */
  manySections: () => {
    const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const header = `<w:hdr ${W} ${R}>${para('đầu trang').repeat(10_000)}</w:hdr>`;
    const rels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>';
    const section = `<w:p><w:pPr><w:sectPr ${R}><w:headerReference w:type="default" r:id="h1"/></w:sectPr></w:pPr></w:p>`;
    return docxWith(
      documentXml(`${section.repeat(10_000)}${para('còn đọc được')}`),
      [
        { name: 'word/header1.xml', data: Buffer.from(header), stored: true },
        { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
      ],
      STORED,
    );
  },
} satisfies Record<string, () => Buffer>;

export type HostileKind = keyof typeof HOSTILE;

/** A large but honest document: many short paragraphs of varied text (it compresses like real prose). */
export function largeDocument(paragraphs: number): Buffer {
  const words = ['Ủy', 'ban', 'nhân', 'dân', 'huyện', 'báo', 'cáo', 'kết', 'quả', 'thực', 'hiện', 'nhiệm', 'vụ', 'năm', 'xã', 'tỉnh', 'kế', 'hoạch', 'công', 'tác'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const n = 6 + Math.floor(rnd() * 10);
    const text = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(' ') + ` ${Math.floor(rnd() * 1e6)}.`;
    parts.push(para(text));
  }
  return docxWith(documentXml(parts.join('')));
}
