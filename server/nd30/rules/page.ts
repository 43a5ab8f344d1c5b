/** Page setup: paper size, margins and page numbers (PL I §I). */
import type { Finding } from '../../checks/finding.js';
import type { DocxModel, Margins, PartInfo, SectionInfo } from '../model.js';
import { estimatedWidth, SINGLE_LINE_EM, twipsToMm, viNumber } from '../text.js';
import { finding, type Rule } from './rule.js';

const A4_W = 11906;
const A4_H = 16838;
const SIZE_TOLERANCE = 3;

function mm(tw: number): string {
  return `${viNumber(twipsToMm(tw))} mm`;
}

/** "Phần 2: " when the document has several sections, else nothing. */
function sectionLabel(sections: readonly SectionInfo[], s: SectionInfo): string {
  return sections.length > 1 ? `Phần (section) ${s.index + 1} của văn bản: ` : '';
}

export const pageSize: Rule = {
  id: 'nd30.page-size',
  source: 'PL I §I.1',
  severity: 'error',
  title: 'Khổ giấy A4',
  check({ model }) {
    const out: Finding[] = [];
    for (const s of model.sections) {
      const label = sectionLabel(model.sections, s);
      const where = { field: 'page.size' };
      if (s.pageWidth === null || s.pageHeight === null) {
        out.push(
          finding(this, {
            where,
            severity: 'warning',
            message: `${label}Văn bản không ghi khổ giấy, Word sẽ dùng khổ mặc định của máy. Hãy chọn khổ A4 (210 × 297 mm) trong Bố cục > Khổ giấy`,
          }),
        );
        continue;
      }
      const near = (a: number, b: number) => Math.abs(a - b) <= SIZE_TOLERANCE;
      if (near(s.pageWidth, A4_W) && near(s.pageHeight, A4_H)) continue;
      if (near(s.pageWidth, A4_H) && near(s.pageHeight, A4_W)) {
        // A later section turned landscape holds a wide table or an appendix (phụ lục), which PL I §I.2 allows.
        if (s.index > 0) continue;
        out.push(
          finding(this, {
            where,
            severity: 'warning',
            source: 'PL I §I.2',
            message: `${label}Trang đang đặt khổ A4 nằm ngang. Văn bản trình bày theo chiều dài khổ A4; chỉ để nằm ngang khi có bảng, biểu không làm thành phụ lục riêng`,
          }),
        );
        continue;
      }
      out.push(
        finding(this, {
          where,
          message: `${label}Khổ giấy ${mm(s.pageWidth)} × ${mm(s.pageHeight)} không phải A4. Hãy chọn khổ A4 (210 × 297 mm) trong Bố cục > Khổ giấy`,
        }),
      );
    }
    return out;
  },
};

const MARGIN_RANGES: { side: keyof Margins; name: string; lo: number; hi: number }[] = [
  { side: 'top', name: 'Lề trên', lo: 20, hi: 25 },
  { side: 'bottom', name: 'Lề dưới', lo: 20, hi: 25 },
  { side: 'left', name: 'Lề trái', lo: 30, hi: 35 },
  { side: 'right', name: 'Lề phải', lo: 15, hi: 20 },
];

const mmToTwips = (v: number) => Math.round((v * 1440) / 25.4);

/** Where each portrait margin goes when the page is turned landscape, one way or the other. */
const ROTATIONS: Record<string, keyof Margins>[] = [
  { top: 'left', left: 'bottom', bottom: 'right', right: 'top' },
  { top: 'right', left: 'top', bottom: 'left', right: 'bottom' },
];

function inRange(v: number | null, lo: number, hi: number): boolean {
  if (v === null) return false;
  const t = Math.abs(v);
  return t >= mmToTwips(lo) - 1 && t <= mmToTwips(hi) + 1;
}

export const margins: Rule = {
  id: 'nd30.margins',
  source: 'PL I §I.3',
  severity: 'error',
  title: 'Lề trang',
  check({ model }) {
    const out: Finding[] = [];
    for (const s of model.sections) {
      const label = sectionLabel(model.sections, s);
      // Turning a page landscape turns its margins with it: the portrait left (binding) margin becomes the top or the bottom.
      if (s.orientation === 'landscape' && ROTATIONS.some((rot) => MARGIN_RANGES.every((r) => inRange(s.margins[rot[r.side]!] as number | null, r.lo, r.hi)))) continue;
      for (const { side, name, lo, hi } of MARGIN_RANGES) {
        let v = s.margins[side] as number | null;
        if (v === null) {
          out.push(
            finding(this, {
              where: { field: `page.margin.${side}` },
              severity: 'warning',
              message: `${label}${name} không được ghi trong văn bản, Word sẽ dùng lề mặc định. Hãy đặt ${name.toLowerCase()} ${lo}–${hi} mm`,
            }),
          );
          continue;
        }
        v = Math.abs(v);
        if (side === 'left') v += s.margins.gutter;
        if (v >= mmToTwips(lo) - 1 && v <= mmToTwips(hi) + 1) continue;
        out.push(
          finding(this, {
            where: { field: `page.margin.${side}` },
            message: `${label}${name} ${mm(v)} nằm ngoài khoảng ${lo}–${hi} mm. Hãy đặt lại ${name.toLowerCase()} trong Bố cục > Lề (ví dụ ${lo} mm)`,
          }),
        );
      }
    }
    return out;
  },
};

const hasPageField = (part: PartInfo | undefined) => !!part?.paragraphs.some((p) => p.fields.some((f) => /^PAGE\b/i.test(f.trim())));

/**
 * Pages the body fills, roughly: each paragraph's lines at its size and spacing over the text area.
 * Side-by-side cells (header and signature blocks) count half. Enough to tell one page from several.
 */
function estimatedPages(model: DocxModel): number {
  const s = model.sections[0];
  const width = (s?.pageWidth ?? A4_W) - (s?.margins.left ?? 1701) - (s?.margins.right ?? 851);
  const height = (s?.pageHeight ?? A4_H) - (s?.margins.top ?? 1134) - (s?.margins.bottom ?? 1134);
  let used = 0;
  for (const p of model.paragraphs) {
    const size = Math.max(10, ...p.runs.map((r) => r.sizePt ?? 10));
    const spacing = p.lineSpacing?.rule === 'auto' ? p.lineSpacing.line / 240 : 1;
    const lines = Math.max(1, Math.ceil(estimatedWidth(p.text, size) / width));
    used += (lines * size * 20 * SINGLE_LINE_EM * spacing + 120) * (p.cell ? 0.5 : 1);
  }
  return Math.max(1, Math.ceil(used / height));
}

export const pageNumber: Rule = {
  id: 'nd30.page-number',
  source: 'PL I §I.7',
  severity: 'error',
  title: 'Số trang',
  check({ model }) {
    const out: Finding[] = [];
    const s = model.sections[0];
    if (!s) return out;
    const where = { section: 'page-header', field: 'page.number' };
    const header = s.headers.default;
    const inFooter = [s.footers.default, s.footers.first, s.footers.even].find(hasPageField);
    if (inFooter) {
      out.push(
        finding(this, {
          where: { ...where, section: 'page-footer' },
          message: 'Số trang đang đặt ở chân trang. Số trang phải đặt canh giữa ở lề trên (đầu trang), cỡ chữ 13–14, bằng chữ số Ả Rập; hãy xóa số trang ở chân trang',
        }),
      );
    }
    if (!hasPageField(header)) {
      // Page 1 shows no number, so a one-page document needs none.
      if (!inFooter && estimatedPages(model) > 1) {
        out.push(
          finding(this, {
            where,
            message: 'Văn bản dài hơn một trang nhưng chưa đánh số trang. Hãy chèn số trang (trường PAGE) canh giữa ở đầu trang, cỡ chữ 13–14, không hiện ở trang 1',
          }),
        );
      }
    } else {
      const para = header!.paragraphs.find((p) => p.fields.some((f) => /^PAGE\b/i.test(f.trim())))!;
      if (para.alignment !== 'center') {
        out.push(
          finding(this, {
            where: { ...where, paragraph: para.index },
            message: `Số trang đang canh ${para.alignment === 'right' ? 'phải' : 'trái'}. Số trang phải canh giữa ở lề trên`,
          }),
        );
      }
      const sizes = para.runs.filter((r) => r.fieldResult).map((r) => r.sizePt ?? 10);
      if (sizes.some((z) => z < 13 || z > 14)) {
        out.push(finding(this, { where: { ...where, paragraph: para.index }, severity: 'warning', message: `Số trang cỡ chữ ${viNumber(sizes[0]!)}; nên dùng cỡ chữ 13–14` }));
      }
      if (!s.titlePg) {
        out.push(
          finding(this, {
            where,
            message: 'Chưa bật “Trang đầu khác” (Different First Page), nên trang 1 cũng hiện số trang. Số trang không hiện ở trang thứ nhất: hãy bật “Trang đầu khác” trong thiết kế đầu trang',
          }),
        );
      } else if (hasPageField(s.headers.first)) {
        out.push(finding(this, { where, message: 'Đầu trang của trang 1 có số trang. Số trang không hiện ở trang thứ nhất: hãy xóa số trang khỏi đầu trang của trang 1' }));
      }
    }
    return out;
  },
};
