import type { Finding } from '../types/finding.js';
import type { TemplateSection } from '../template/schema.js';

/** No paragraph of an administrative document runs on longer than this, whatever the section allows. */
const PARAGRAPH_CAP = 2_000;

/** The longest paragraph a section takes, in characters: the schema's bound and a finding's threshold. */
export function paragraphMaxChars(section: TemplateSection): number {
  return Math.min(section.maxChars, PARAGRAPH_CAP);
}

const ENGLISH_WORDS = new Set('the and of to is are was were in on for with that this be by as it from or an at which will have has not'.split(' '));

/** A paragraph written in English: several of its words are English function words and none carries a Vietnamese mark. */
function isEnglish(text: string): boolean {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = tokens.filter((t) => ENGLISH_WORDS.has(t)).length;
  const vietnamese = tokens.filter((t) => /[^a-z]/u.test(t)).length;
  return english >= 3 && english * 5 >= tokens.length && vietnamese * 10 < tokens.length;
}

/** Findings about the answer's form that the checks of prose do not look at: English prose, an over-long paragraph. */
export function answerFindings(section: TemplateSection, paragraphs: readonly string[], firstIndex = 0): Finding[][] {
  const max = paragraphMaxChars(section);
  return paragraphs.map((text, i) => {
    const where = { section: section.key, paragraph: firstIndex + i };
    const out: Finding[] = [];
    if (isEnglish(text)) {
      out.push({ rule: 'text.english-prose', severity: 'error', where, message: 'Đoạn văn viết bằng tiếng Anh: cần viết bằng tiếng Việt (soạn lại đoạn này hoặc đổi mô hình).' });
    }
    if (text.length > max) {
      out.push({ rule: 'structure.paragraph-too-long', severity: 'warning', where, message: `Đoạn văn dài ${text.length} ký tự, quá giới hạn ${max} ký tự của mẫu: nên tách hoặc rút gọn.` });
    }
    return out;
  });
}

/**
 * Tidies one paragraph: NFC, single spaces, no end mark "./." (code puts it after the document's
 * last paragraph), and for a dash list exactly one leading "- " (code owns the dash).
 */
export function tidyParagraph(text: string, shape: TemplateSection['shape']): string {
  const clean = text.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/\s*\.\/\.$/u, '.');
  if (shape !== 'dash-list') return clean;
  const bare = clean.replace(/^[-–•*+]\s*/u, '');
  return bare === '' ? '' : `- ${bare}`;
}
