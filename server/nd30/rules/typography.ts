/** Typeface everywhere and the size of body text (PL I §I.4, §II.6). */
import type { Finding } from '../../checks/finding.js';
import type { Layout } from '../layout.js';
import type { ParagraphInfo, RunInfo } from '../model.js';
import { sizesText, textRuns } from '../text.js';
import { finding, quote, type Rule } from './rule.js';

/** Paragraph findings reported one by one before the rest are summed up in one finding. */
const MAX_PER_PART = 8;

const TNR = 'times new roman';

function isTnr(font: string): boolean {
  return font.trim().replace(/\s+/g, ' ').toLowerCase() === TNR;
}

/** Fonts a run actually shows: w:ascii for ASCII characters, w:hAnsi for the others (Vietnamese letters). */
function fontsShown(r: RunInfo): string[] {
  const out = new Set<string>();
  if (/[\x21-\x7e]/.test(r.text) && r.fontAscii) out.add(r.fontAscii);
  if (/[^\x00-\x7f\s\u00a0\u2000-\u200b\u202f]/.test(r.text) && r.fontHAnsi) out.add(r.fontHAnsi);
  return [...out];
}

const isLegacyVnFont = (f: string) => /^\.?vn|^vni[- ]/i.test(f.trim());

interface Part {
  /** `where.section` for paragraphs of this part; undefined for the body. */
  section?: string;
  paragraphs: readonly ParagraphInfo[];
  name: string;
}

function parts(layout: Layout): Part[] {
  const out: Part[] = [{ paragraphs: layout.model.paragraphs, name: 'Nội dung' }];
  const seen = new Set<string>();
  for (const s of layout.model.sections) {
    for (const [kind, list] of [
      ['page-header', s.headers],
      ['page-footer', s.footers],
    ] as const) {
      for (const part of Object.values(list)) {
        if (!part || seen.has(part.path)) continue;
        seen.add(part.path);
        out.push({ section: kind, paragraphs: part.paragraphs, name: kind === 'page-header' ? 'Đầu trang' : 'Chân trang' });
      }
    }
  }
  return out;
}

function spanOf(runs: readonly RunInfo[]): [number, number] {
  return [Math.min(...runs.map((r) => r.start)), Math.max(...runs.map((r) => r.end))];
}

export const font: Rule = {
  id: 'nd30.font',
  source: 'PL I §I.4',
  severity: 'error',
  title: 'Phông chữ Times New Roman',
  check(layout) {
    const out: Finding[] = [];
    for (const part of parts(layout)) {
      let reported = 0;
      let more = 0;
      const moreFonts = new Set<string>();
      for (const p of part.paragraphs) {
        const bad = textRuns(p).filter((r) => fontsShown(r).some((f) => !isTnr(f)));
        if (bad.length === 0) continue;
        const fonts = [...new Set(bad.flatMap((r) => fontsShown(r).filter((f) => !isTnr(f))))];
        if (reported >= MAX_PER_PART) {
          more++;
          fonts.forEach((f) => moreFonts.add(f));
          continue;
        }
        reported++;
        const [s, e] = spanOf(bad);
        const legacy = fonts.some(isLegacyVnFont) ? ' Phông này dùng bảng mã TCVN3/VNI cũ: hãy chuyển mã sang Unicode rồi đổi phông.' : '';
        out.push(
          finding(this, {
            where: { ...(part.section ? { section: part.section } : {}), paragraph: p.index, span: [s, e], field: 'font' },
            message: `${part.name === 'Nội dung' ? 'Đoạn' : `${part.name}, đoạn`} ${quote(p.text.slice(s, e), 40)} dùng phông ${fonts.join(', ')}. Toàn bộ văn bản phải dùng phông Times New Roman, bộ mã Unicode TCVN 6909:2001.${legacy}`,
          }),
        );
      }
      if (more > 0) {
        out.push(
          finding(this, {
            where: { ...(part.section ? { section: part.section } : {}), field: 'font' },
            message: `Còn ${more} đoạn khác (${part.name.toLowerCase()}) dùng phông ${[...moreFonts].join(', ')}. Hãy chọn toàn bộ văn bản và đổi sang phông Times New Roman`,
          }),
        );
      }
    }
    return out;
  },
};

const inBodyRange = (size: number | null) => {
  const s = size ?? 10;
  return s >= 13 && s <= 14;
};

export const bodySize: Rule = {
  id: 'nd30.body-size',
  source: 'PL I §II.6.e',
  severity: 'error',
  title: 'Cỡ chữ phần nội dung 13–14',
  check({ body }) {
    const out: Finding[] = [];
    let more = 0;
    const moreSizes: RunInfo[] = [];
    for (const p of body) {
      const bad = textRuns(p).filter((r) => !inBodyRange(r.sizePt));
      if (bad.length === 0) continue;
      if (out.length >= MAX_PER_PART) {
        more++;
        moreSizes.push(...bad);
        continue;
      }
      const [s, e] = spanOf(bad);
      out.push(
        finding(this, {
          where: { paragraph: p.index, span: [s, e], field: 'body' },
          message: `Đoạn nội dung ${quote(p.text, 40)} có cỡ chữ ${sizesText(bad)}. Phần nội dung phải cỡ chữ 13–14 (thường dùng 14)`,
        }),
      );
    }
    if (more > 0) {
      out.push(
        finding(this, {
          where: { field: 'body' },
          message: `Còn ${more} đoạn nội dung khác có cỡ chữ ${sizesText(moreSizes)}. Hãy đặt cỡ chữ 13–14 cho toàn bộ phần nội dung`,
        }),
      );
    }
    return out;
  },
};


/** Colours as staff see them in Word's colour picker, for messages. */
function colourName(c: string): string {
  return /^[0-9A-F]{6}$/.test(c) ? `#${c}` : `màu chủ đề “${c}”`;
}

export const colour: Rule = {
  id: 'nd30.colour',
  source: 'PL I §I.4',
  severity: 'error',
  title: 'Màu chữ đen',
  check(layout) {
    const out: Finding[] = [];
    for (const part of parts(layout)) {
      const coloured = part.paragraphs.filter((p) => textRuns(p).some((r) => r.color !== null));
      if (coloured.length === 0) continue;
      const first = coloured[0]!;
      const runs = textRuns(first).filter((r) => r.color !== null);
      const colours = [...new Set(coloured.flatMap((p) => textRuns(p).flatMap((r) => (r.color ? [r.color] : []))))];
      out.push(
        finding(this, {
          where: { ...(part.section ? { section: part.section } : {}), paragraph: first.index, span: spanOf(runs), field: 'colour' },
          message: `${part.name === 'Nội dung' ? 'Đoạn' : `${part.name}, đoạn`} ${quote(first.text, 40)}${coloured.length > 1 ? ` và ${coloured.length - 1} đoạn khác` : ''} có chữ màu ${colours.map(colourName).join(', ')}. Chữ trong văn bản phải màu đen`,
        }),
      );
    }
    return out;
  },
};
