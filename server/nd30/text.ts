/** Text helpers for matching the fixed strings of Nghị định 30 in arbitrary documents. */
import type { ParagraphInfo, RunInfo } from './model.js';

/** Any space Word writes: ordinary, no-break, thin, zero-width and ideographic spaces. */
export const SPACE = '[\\s\\u00a0\\u2000-\\u200b\\u202f\\u3000]';
const SPACES_RE = new RegExp(`${SPACE}+`, 'g');
const EDGE_RE = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

/** NFC, every kind of space turned into one ASCII space, trimmed. */
export function norm(s: string): string {
  return s.normalize('NFC').replace(SPACES_RE, ' ').trim();
}

/** Lower case without diacritics (đ → d), for loose recognition of a line whatever its spelling. */
export function fold(s: string): string {
  return norm(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

export function isBlank(s: string): boolean {
  return s.replace(EDGE_RE, '') === '';
}

/** A line of a paragraph: the paragraph split at line breaks (and, if asked, at tabs). */
export interface Segment {
  para: ParagraphInfo;
  /** Range [start, end) in `para.text`, whitespace at both ends excluded. */
  start: number;
  end: number;
  text: string;
}

export function segments(para: ParagraphInfo, splitTabs = true): Segment[] {
  const out: Segment[] = [];
  const sep = splitTabs ? /[\n\t]/ : /\n/;
  let from = 0;
  const text = para.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || sep.test(text[i]!)) {
      let s = from;
      let e = i;
      while (s < e && isBlank(text[s]!)) s++;
      while (e > s && isBlank(text[e - 1]!)) e--;
      if (e > s) out.push({ para, start: s, end: e, text: text.slice(s, e) });
      from = i + 1;
    }
  }
  return out;
}

/** The whole paragraph as one segment (trimmed), or null when it is blank. */
export function whole(para: ParagraphInfo): Segment | null {
  const segs = segments(para, false);
  if (segs.length === 0) return null;
  const first = segs[0]!;
  const last = segs[segs.length - 1]!;
  return { para, start: first.start, end: last.end, text: para.text.slice(first.start, last.end) };
}

/** Runs that put visible characters inside the segment. */
export function runsOf(seg: Segment): RunInfo[] {
  return seg.para.runs.filter((r) => {
    const s = Math.max(r.start, seg.start);
    const e = Math.min(r.end, seg.end);
    return e > s && !isBlank(seg.para.text.slice(s, e));
  });
}

/** Runs of a paragraph that carry visible characters. */
export function textRuns(para: ParagraphInfo): RunInfo[] {
  return para.runs.filter((r) => !isBlank(r.text));
}

/** `12,5` style number for messages. */
export function viNumber(n: number, digits = 1): string {
  const s = Number.isInteger(n) ? String(n) : n.toFixed(digits).replace(/\.?0+$/, '');
  return s.replace('.', ',');
}

export function twipsToMm(tw: number): number {
  return (tw * 25.4) / 1440;
}

/** Sizes of the runs, for messages: `11`, `11 và 12`. */
export function sizesText(runs: readonly RunInfo[]): string {
  const sizes = [...new Set(runs.map((r) => r.sizePt ?? 10))].sort((a, b) => a - b);
  return sizes.map((s) => viNumber(s)).join(', ');
}

/** Average advance of Vietnamese text in Times New Roman, spaces included, in em. */
const AVERAGE_CHAR_EM = 0.45;

/** Line height of Times New Roman at single spacing, in em. */
export const SINGLE_LINE_EM = 1.15;

/** Roughly how wide `text` sets at `sizePt`, in twips: enough to tell one line from several. */
export function estimatedWidth(text: string, sizePt: number): number {
  return text.length * sizePt * 20 * AVERAGE_CHAR_EM;
}
