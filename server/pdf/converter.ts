import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DraftError } from '../errors.js';
import { runProgram } from './run.js';

export interface PdfConverterOptions {
  /** The LibreOffice program; `soffice` on the PATH by default. */
  soffice?: string;
  /** poppler's page renderer, for the preview. */
  pdftoppm?: string;
  /** Longest a conversion may run before its process group is killed. */
  timeoutMs?: number;
}

const INSTALL_HINT = 'Người quản trị cài LibreOffice (apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils) rồi khởi động lại soanthao.';

/**
 * Prints .docx files to PDF through LibreOffice headless, one at a time per instance: two soffice
 * runs compete for memory and CPU on an office server, and a queue keeps each one's time bounded.
 * Each run gets its own profile folder, since runs that share one fail at random.
 */
export class PdfConverter {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly soffice: string;
  private readonly pdftoppm: string;
  readonly timeoutMs: number;

  constructor(options: PdfConverterOptions = {}) {
    this.soffice = options.soffice ?? 'soffice';
    this.pdftoppm = options.pdftoppm ?? 'pdftoppm';
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** `SOANTHAO_SOFFICE`, `SOANTHAO_PDFTOPPM` and `SOANTHAO_PDF_TIMEOUT_MS`, each optional. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): PdfConverter {
    const timeout = Number(env.SOANTHAO_PDF_TIMEOUT_MS);
    return new PdfConverter({
      soffice: env.SOANTHAO_SOFFICE || undefined,
      pdftoppm: env.SOANTHAO_PDFTOPPM || undefined,
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    });
  }

  /** Runs `job` after every job queued before it has finished, whatever their outcome. */
  private queued<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job, job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  toPdf(docx: Uint8Array): Promise<Buffer> {
    return this.queued(() => this.convert(docx));
  }

  /** The first page as a PNG at `dpi` (60 makes an A4 page about 500 pixels high). */
  async firstPagePng(pdf: Uint8Array, dpi = 60): Promise<Buffer> {
    return this.inTempDir(async (dir) => {
      const input = join(dir, 'van-ban.pdf');
      await writeFile(input, pdf);
      const outcome = await runProgram(this.pdftoppm, ['-png', '-f', '1', '-l', '1', '-r', String(dpi), '-singlefile', input, join(dir, 'trang-1')], this.timeoutMs);
      if (outcome.kind === 'missing') {
        throw new DraftError('pdf_unavailable', `Máy chủ chưa có pdftoppm (poppler-utils) nên chưa xem trước được trang in. ${INSTALL_HINT}`);
      }
      if (outcome.kind === 'timeout') throw new DraftError('pdf_timeout', 'Dựng ảnh trang in quá lâu nên đã dừng; xin thử lại.');
      const png = await readFile(join(dir, 'trang-1.png')).catch(() => null);
      if (!png || png.length === 0) throw new DraftError('pdf_failed', 'Không dựng được ảnh trang in từ tệp PDF.');
      return png;
    });
  }

  private async convert(docx: Uint8Array): Promise<Buffer> {
    return this.inTempDir(async (dir) => {
      const input = join(dir, 'van-ban.docx');
      await writeFile(input, docx);
      const profile = pathToFileURL(join(dir, 'profile')).href;
      const outcome = await runProgram(
        this.soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', 'pdf', '--outdir', dir, input],
        this.timeoutMs,
      );
      if (outcome.kind === 'missing') {
        throw new DraftError('pdf_unavailable', `Máy chủ chưa cài LibreOffice (soffice) nên chưa xuất được PDF. Tệp .docx vẫn tải về được. ${INSTALL_HINT}`);
      }
      if (outcome.kind === 'timeout') {
        throw new DraftError(
          'pdf_timeout',
          `LibreOffice chuyển sang PDF quá ${Math.round(this.timeoutMs / 1000)} giây nên đã dừng. Xin thử lại sau; tệp .docx vẫn tải về được.`,
        );
      }
      // soffice exits 0 even when it could not open the file: only the output tells.
      const output = join(dir, 'van-ban.pdf');
      const size = await stat(output).then((s) => s.size, () => 0);
      if (size === 0) {
        throw new DraftError('pdf_failed', 'LibreOffice không chuyển được văn bản này sang PDF. Tệp .docx vẫn tải về được.', [], {
          cause: new Error(`soffice exited ${outcome.status}: ${outcome.stderr.trim()}`),
        });
      }
      return readFile(output);
    });
  }

  private async inTempDir<T>(job: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'soanthao-pdf-'));
    try {
      return await job(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
