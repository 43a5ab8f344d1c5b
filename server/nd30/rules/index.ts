/** Every Nghị định 30 rule, in the order findings are listed (page, header, body, closing). */
import { dateLine, headerBlock, numberSymbol, quocHieu, tieuNgu } from './header.js';
import { endMark, kinhGui, luuVt, noiNhan, signerPrefix } from './closing.js';
import { margins, pageNumber, pageSize } from './page.js';
import type { Rule } from './rule.js';
import { bodySize, font } from './typography.js';

export type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  pageSize,
  margins,
  pageNumber,
  font,
  headerBlock,
  quocHieu,
  tieuNgu,
  numberSymbol,
  dateLine,
  kinhGui,
  bodySize,
  endMark,
  noiNhan,
  luuVt,
  signerPrefix,
];
