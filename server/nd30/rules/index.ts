/** Every Nghị định 30 rule, in the order findings are listed (page, header, body, closing). */
import { dateLine, headerBlock, headerRules, issuer, numberSymbol, quocHieu, tieuNgu } from './header.js';
import { endMark, kinhGui, luuVt, noiNhan, signer, signerPrefix } from './closing.js';
import { bodyAlignment, lineSpacing, paragraphSpacing } from './body.js';
import { docType, title } from './title.js';
import { ruleLength } from './rule-length.js';
import { margins, pageNumber, pageSize } from './page.js';
import type { Rule } from './rule.js';
import { bodySize, colour, font } from './typography.js';

export type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  pageSize,
  margins,
  pageNumber,
  font,
  colour,
  headerBlock,
  issuer,
  quocHieu,
  tieuNgu,
  headerRules,
  ruleLength,
  numberSymbol,
  dateLine,
  docType,
  title,
  kinhGui,
  bodySize,
  bodyAlignment,
  lineSpacing,
  paragraphSpacing,
  endMark,
  noiNhan,
  luuVt,
  signerPrefix,
  signer,
];
