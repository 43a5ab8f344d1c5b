/**
 * Widths of text as Word and LibreOffice set it in Times New Roman, so the layout can place rules and
 * line breaks from the text itself. Advance widths in 1/1000 em, grouped by width, taken from Liberation
 * Serif (metric-compatible with Times New Roman, and what LibreOffice prints with when Times is absent):
 * ASCII, the Vietnamese letters in NFC, and the punctuation the documents use.
 */
const REGULAR: Record<number, string> = {
  180: '\'',
  200: '|',
  250: ' ,.',
  278: '/:;\\ijltìíĩỉị',
  333: '!()-I[]`fr·ÌÍĨỈỊ‘’',
  350: '•',
  389: 'Js',
  408: '"',
  444: '?acezàáâãèéêăạảấầẩẫậắằẳẵặẹẻẽếềểễệ“”',
  469: '^',
  480: '{}',
  500: '#$*0123456789_bdghknopquvxyòóôõùúýđũḍọỏốồổỗộụủỳỵỷỹ–',
  529: 'ơớờởỡợ',
  541: '~',
  542: 'ưứừửữự',
  556: 'FPS',
  564: '+<=>',
  611: 'ELTZÈÉÊẸẺẼẾỀỂỄỆ',
  667: 'BCR',
  722: 'ADGHKNOQUVXYwÀÁÂÃÒÓÔÕÙÚÝĂĐŨƠḌẠẢẤẦẨẪẬẮẰẲẴẶỌỎỐỒỔỖỘỚỜỞỠỢỤỦỲỴỶỸ',
  776: 'ƯỨỪỬỮỰ',
  778: '&m',
  833: '%',
  889: 'M',
  921: '@',
  944: 'W',
  1000: '—…',
};
const BOLD: Record<number, string> = {
  220: '|',
  250: ' ,.',
  278: '\'/\\ilìíĩỉị',
  333: '!()-:;[]`fjt·‘’',
  350: '•',
  389: 'IsÌÍĨỈỊ',
  394: '{}',
  444: 'cerzèéêẹẻẽếềểễệ',
  500: '#$*0123456789?J_agovxyàáâãòóôõýăạảấầẩẫậắằẳẵặọỏốồổỗộỳỵỷỹ–“”',
  520: '~',
  554: 'ơớờởỡợ',
  555: '"',
  556: 'Sbdhknpquùúđũḍụủ',
  570: '+<=>',
  581: '^',
  600: 'ưứừửữự',
  611: 'FP',
  667: 'BELTZÈÉÊẸẺẼẾỀỂỄỆ',
  722: 'ACDNRUVXYwÀÁÂÃÙÚÝĂĐŨḌẠẢẤẦẨẪẬẮẰẲẴẶỤỦỲỴỶỸ',
  778: 'GHKOQÒÓÔÕƠỌỎỐỒỔỖỘỚỜỞỠỢ',
  796: 'ƯỨỪỬỮỰ',
  833: '&m',
  930: '@',
  944: 'M',
  1000: '%W—…',
};

function table(groups: Record<number, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [width, chars] of Object.entries(groups)) for (const c of chars) out.set(c, Number(width));
  return out;
}

const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };

/** Characters the tables lack (rare symbols) count as a capital letter: too wide rather than too narrow. */
const UNKNOWN = 722;

/** Width in twips of `text` set at `pt` points; no-break spaces are as wide as spaces. */
export function textWidth(text: string, pt: number, bold = false): number {
  const widths = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const c of text.normalize('NFC').replace(/\u00a0/g, ' ')) units += widths.get(c) ?? UNKNOWN;
  return (units / 1000) * pt * 20;
}

/**
 * Lines of `text` filled greedily into `width` twips, breaking only at ordinary spaces, as Word and
 * LibreOffice do; a no-break space holds its neighbours together.
 */
export function wrapLines(text: string, pt: number, bold: boolean, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, pt, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** Width of the widest line of `text` wrapped into `width`. */
export function widestLine(text: string, pt: number, bold: boolean, width: number): number {
  return Math.max(0, ...wrapLines(text, pt, bold, width).map((l) => textWidth(l, pt, bold)));
}
