/** LibreOffice and poppler as a printer for tests: the exported files converted the way a clerk's machine would. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts files in one soffice run with a profile of its own (two conversions sharing a profile fail
 * half the time), into `outDir`; `filter` is soffice's target, e.g. `pdf` or `docx:"MS Word 2007 XML"`.
 * Returns the converted paths, in the order given; throws when one is missing.
 */
export async function soffice(files: readonly string[], filter: string, outDir: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'soanthao-lo-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('LibreOffice (soffice) is not installed; scripts/setup.sh installs it');
    throw e;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = filter.split(':')[0]!;
  return files.map((f) => {
    const out = join(outDir, basename(f).replace(/\.[^.]+$/, `.${ext}`));
    if (!existsSync(out)) throw new Error(`soffice did not write ${out}`);
    return out;
  });
}

/** The text of each page of a PDF, laid out as printed (pdftotext -layout), spaces of every kind made plain. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 }).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? new Error('pdftotext (poppler-utils) is not installed; scripts/setup.sh installs it') : e;
  });
  const pages = stdout.normalize('NFC').replace(/\u00a0/g, ' ').split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}
