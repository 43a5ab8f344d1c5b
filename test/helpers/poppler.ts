import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool on a PDF written to a temporary file, and returns what it prints. */
function poppler(tool: string, pdf: Uint8Array, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'soanthao-poppler-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args.map((a) => (a === '{in}' ? file : a))], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF in reading order. */
export function pdfText(pdf: Uint8Array): string {
  return poppler('pdftotext', pdf, ['{in}', '-']).normalize('NFC');
}

/** The fonts a PDF uses, with whether each is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const lines = poppler('pdffonts', pdf, ['{in}']).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name … emb sub uni object ID: "emb" is the fifth column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function pdfPages(pdf: Uint8Array): number {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf, ['{in}']))?.[1] ?? 0);
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
