/**
 * The parts of a .docx (an OPC package): opened with bounds, each XML part read once, and every
 * XML part that is not well-formed noted, as Word refuses to open such a file.
 */
import { DocxCheckError } from './errors.js';
import { childrenNamed, lineColumn, MAX_XML_DEPTH, readXml, XmlLimitError, type XElement } from './xml.js';
import { ZipArchive } from './zip.js';

export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

/** A part that is not well-formed XML, with where and why. */
export interface MalformedPart {
  part: string;
  line: number;
  column: number;
  /** What is wrong, in Vietnamese. */
  message: string;
}

export interface Rel {
  type: string;
  target: string;
  external: boolean;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Refuses what is plainly not a .docx before any reading: too large, empty, a .doc, not a zip. */
export function assertDocxBytes(buf: Uint8Array): void {
  if (buf.length > MAX_DOCX_BYTES) {
    const mb = (buf.length / 1024 / 1024).toFixed(1).replace('.', ',');
    throw new DocxCheckError('too_large', `Tệp quá lớn (${mb} MB); chỉ kiểm tra được tệp đến 20 MB.`);
  }
  if (buf.length === 0) {
    throw new DocxCheckError('not_zip', 'Tệp rỗng, không phải văn bản Word (.docx).');
  }
  if (OLE_MAGIC.every((b, i) => buf[i] === b)) {
    throw new DocxCheckError(
      'legacy_or_encrypted',
      'Tệp là văn bản Word 97–2003 (.doc) hoặc .docx có đặt mật khẩu. Hãy mở tệp trong Word, bỏ mật khẩu và lưu lại dưới dạng .docx rồi kiểm tra lại.',
    );
  }
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw new DocxCheckError('not_zip', 'Tệp không phải văn bản Word (.docx).');
  }
}

export class Package {
  /** Parts read so far that are not well-formed, in reading order. */
  readonly malformed: MalformedPart[] = [];
  private readonly parsed = new Map<string, XElement | null>();

  constructor(private readonly zip: ZipArchive) {}

  /** The stored name of a part; zip paths are matched case-insensitively as some writers change case. */
  file(path: string): string | null {
    return this.zip.find(path);
  }

  text(path: string): string | null {
    const name = this.zip.find(path);
    if (name === null) return null;
    const bytes = this.zip.read(name)!;
    const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      this.malformed.push({ part: name, line: 1, column: 1, message: `phần này không phải văn bản ${encoding.toUpperCase()} hợp lệ` });
      return new TextDecoder(encoding).decode(bytes);
    }
  }

  /** A part's root element, read once; null when the part is absent or holds no element. */
  xml(path: string): XElement | null {
    const name = this.zip.find(path);
    if (name === null) return null;
    if (this.parsed.has(name)) return this.parsed.get(name)!;
    const s = this.text(name)!;
    let reading;
    try {
      reading = readXml(s);
    } catch (e) {
      if (!(e instanceof XmlLimitError)) throw e;
      throw e.kind === 'doctype'
        ? new DocxCheckError(
            'unsafe_xml',
            `Phần ${name} của tệp có khai báo DOCTYPE hoặc ENTITY, thứ mà tệp Word không bao giờ có; tệp có thể được tạo ra để gây quá tải nên không được kiểm tra.`,
          )
        : new DocxCheckError(
            'too_complex',
            `Phần ${name} của tệp có các thẻ XML lồng nhau sâu hơn ${MAX_XML_DEPTH} tầng, điều mà văn bản Word thông thường không có; tệp không được kiểm tra.`,
          );
    }
    if (reading.problem) {
      const { line, column } = lineColumn(s, reading.problem.offset);
      this.malformed.push({ part: name, line, column, message: reading.problem.message });
    }
    this.parsed.set(name, reading.root);
    return reading.root;
  }

  /** Relationships of a part, by id. */
  rels(partPath: string): Map<string, Rel> {
    const dir = dirOf(partPath);
    const base = partPath.slice(dir.length);
    const root = this.xml(`${dir}_rels/${base}.rels`);
    const out = new Map<string, Rel>();
    for (const r of childrenNamed(root, 'Relationship')) {
      const id = r.attrs.Id;
      const target = r.attrs.Target;
      if (!id || target === undefined) continue;
      const external = r.attrs.TargetMode === 'External';
      out.set(id, { type: r.attrs.Type ?? '', target: external ? target : resolvePath(dir, target), external });
    }
    return out;
  }

  /** Reads the XML parts not read yet, so that every one that is not well-formed is known. */
  readRest(): void {
    for (const name of this.zip.names()) {
      if (/\.(xml|rels)$/i.test(name) && !this.parsed.has(name)) this.xml(name);
    }
  }
}

/** Opens the package; throws DocxCheckError when the bytes are not a readable .docx container. */
export function openPackage(buf: Uint8Array): Package {
  assertDocxBytes(buf);
  return new Package(new ZipArchive(buf));
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i + 1);
}

function resolvePath(dir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export function relByType(rels: Map<string, Rel>, suffix: string): string | null {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return r.target;
  return null;
}
