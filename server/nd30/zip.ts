/**
 * Reads the zip container of a .docx with bounds, for files from anyone: the central directory is
 * walked once up to a number of entries, and every entry is inflated with a cap on its output, so
 * the bytes actually produced are counted (a header's declared sizes are never trusted). A whole
 * archive may inflate to at most `maxTotalBytes`, and an entry past `ratioGraceBytes` to at most
 * `maxRatio` times its compressed size. Only entries that are read are inflated (images never are).
 */
import { inflateRawSync } from 'node:zlib';
import { DocxCheckError } from './errors.js';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
  /** Below this output size the ratio is not held against an entry: small parts of repeated markup compress well. */
  ratioGraceBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
};

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const DAMAGED = 'Tệp không phải văn bản Word (.docx) hoặc đã bị hỏng.';

function damaged(): DocxCheckError {
  return new DocxCheckError('not_zip', DAMAGED);
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  /** Lower-cased name → name, as some writers change the case of part names. */
  private readonly folded = new Map<string, string>();
  private inflated = 0;
  private readonly view: DataView;

  constructor(
    private readonly buf: Uint8Array,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.readDirectory();
  }

  /** Entry names in directory order, folders left out. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's name as stored, matched exactly or else case-insensitively; null when absent. */
  find(name: string): string | null {
    if (this.entries.has(name)) return name;
    return this.folded.get(name.toLowerCase()) ?? null;
  }

  /** The entry's bytes, inflated within the archive's remaining budget; null when absent. */
  read(name: string): Uint8Array | null {
    const found = this.find(name);
    if (found === null) return null;
    const e = this.entries.get(found)!;
    if (e.flags & 0x1) {
      throw new DocxCheckError(
        'legacy_or_encrypted',
        'Tệp .docx có phần được mã hóa. Hãy mở tệp trong Word, bỏ mật khẩu và lưu lại dưới dạng .docx rồi kiểm tra lại.',
      );
    }
    if (e.localOffset + 30 > this.buf.length || this.u32(e.localOffset) !== SIG_LOCAL) throw damaged();
    const start = e.localOffset + 30 + this.u16(e.localOffset + 26) + this.u16(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > this.buf.length) throw damaged();
    const data = this.buf.subarray(start, end);
    const remaining = this.limits.maxTotalBytes - this.inflated;
    const byRatio = Math.max(this.limits.ratioGraceBytes, e.compressedSize * this.limits.maxRatio);
    if (e.method === 0) {
      this.spend(data.length, remaining, byRatio, found);
      return data;
    }
    if (e.method !== 8) {
      throw new DocxCheckError('not_zip', `Phần ${found} của tệp được nén theo cách mà tệp Word không dùng; tệp có thể đã bị hỏng.`);
    }
    const cap = Math.min(remaining, byRatio);
    let out: Buffer;
    try {
      // maxOutputLength stops inflation as soon as the output passes the cap.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') this.spend(cap + 1, remaining, byRatio, found);
      throw new DocxCheckError('not_zip', `Phần ${found} của tệp bị hỏng, không giải nén được.`, { cause });
    }
    this.spend(out.length, remaining, byRatio, found);
    return out;
  }

  /** Counts `bytes` of output against the bounds; throws when one is passed. */
  private spend(bytes: number, remaining: number, byRatio: number, name: string): void {
    if (bytes > byRatio && byRatio <= remaining) {
      throw new DocxCheckError(
        'too_large',
        `Phần ${name} của tệp giải nén ra lớn gấp hơn ${this.limits.maxRatio} lần kích thước nén: đây là dấu hiệu của “bom nén”, tệp không được kiểm tra.`,
      );
    }
    if (bytes > remaining) {
      throw new DocxCheckError(
        'too_large',
        `Nội dung tệp sau khi giải nén vượt quá ${megabytes(this.limits.maxTotalBytes)}, lớn hơn nhiều so với một văn bản hành chính; tệp có thể là “bom nén” nên không được kiểm tra.`,
      );
    }
    this.inflated += bytes;
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    const v = this.view.getBigUint64(at, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
    return Number(v);
  }

  private readDirectory(): void {
    const len = this.buf.length;
    // The end record sits in the last 22 bytes plus a comment of at most 65535.
    let eocd = -1;
    for (let at = len - 22; at >= Math.max(0, len - 22 - 0xffff); at--) {
      if (this.u32(at) === SIG_EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd === -1) throw damaged();
    let count = this.u16(eocd + 10);
    let size = this.u32(eocd + 12);
    let offset = this.u32(eocd + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || this.u32(locator) !== SIG_ZIP64_LOCATOR) throw damaged();
      const at = this.u64(locator + 8);
      if (at + 56 > len || this.u32(at) !== SIG_ZIP64_EOCD) throw damaged();
      count = this.u64(at + 32);
      size = this.u64(at + 40);
      offset = this.u64(at + 48);
    }
    if (count > this.limits.maxEntries) throw this.tooManyEntries();
    if (offset + size > len) throw damaged();

    let at = offset;
    const end = offset + size;
    let seen = 0;
    const decoder = new TextDecoder('utf-8');
    while (at + 46 <= end) {
      if (this.u32(at) !== SIG_CENTRAL) throw damaged();
      if (++seen > this.limits.maxEntries) throw this.tooManyEntries();
      const flags = this.u16(at + 8);
      const method = this.u16(at + 10);
      let compressedSize = this.u32(at + 20);
      const uncompressed32 = this.u32(at + 24);
      const nameLen = this.u16(at + 28);
      const extraLen = this.u16(at + 30);
      const commentLen = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      const next = at + 46 + nameLen + extraLen + commentLen;
      if (next > end) throw damaged();
      const name = decoder.decode(this.buf.subarray(at + 46, at + 46 + nameLen)).replace(/\\/g, '/');
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64 extra field: the 64-bit values of the 32-bit fields set to all ones, in this order.
        let x = at + 46 + nameLen;
        const xEnd = x + extraLen;
        while (x + 4 <= xEnd) {
          const id = this.u16(x);
          const dataLen = this.u16(x + 2);
          if (id === 0x0001) {
            let f = x + 4;
            if (uncompressed32 === 0xffffffff) f += 8;
            if (compressedSize === 0xffffffff && f + 8 <= x + 4 + dataLen) {
              compressedSize = this.u64(f);
              f += 8;
            }
            if (localOffset === 0xffffffff && f + 8 <= x + 4 + dataLen) localOffset = this.u64(f);
            break;
          }
          x += 4 + dataLen;
        }
      }
      if (!name.endsWith('/') && !this.entries.has(name)) {
        this.entries.set(name, { name, flags, method, compressedSize, localOffset });
        const lower = name.toLowerCase();
        if (!this.folded.has(lower)) this.folded.set(lower, name);
      }
      at = next;
    }
  }

  private tooManyEntries(): DocxCheckError {
    return new DocxCheckError(
      'too_large',
      `Tệp nén chứa hơn ${this.limits.maxEntries.toLocaleString('vi-VN')} thành phần, trong khi một văn bản Word chỉ có vài chục; tệp có thể đã bị làm hỏng có chủ ý nên không được kiểm tra.`,
    );
  }
}
