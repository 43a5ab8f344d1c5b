/**
 * The body of a read .docx split the way a văn bản is written: an opening, sections under Roman
 * headings (I., II.), sub-sections under Arabic ones (1., 2.), and the closing paragraph.
 */
import type { Layout } from '../nd30/layout.js';
import type { ParagraphInfo } from '../nd30/model.js';
import { fold, norm } from '../nd30/text.js';
import type { BriefTask } from '../brief/schema.js';
import { bodyTables } from './tables.js';
import { toRoman } from '../text/roman.js';

export interface ImportedPart {
  title: string;
  paragraphs: string[];
}

export interface ImportedSection {
  /** The heading as printed, its number left out; null for the text before the first heading. */
  title: string | null;
  /** Paragraphs before the first sub-heading. */
  paragraphs: string[];
  parts: ImportedPart[];
  /** The rows of a task table printed in the section. */
  tasks: BriefTask[];
}

export interface ImportedBody {
  opening: string[];
  sections: ImportedSection[];
  closing: string | null;
  /** What a brief cannot hold, told to staff. */
  notes: string[];
}

// "I.", "II/", "III -"; not "V/v", which opens a trích yếu.
const ROMAN_HEADING = /^([IVXL]{1,6})\s*[.:/)-](?![vV]\b)\s*(\S.*)$/u;
const ARABIC_HEADING = /^(\d{1,2})\s*[.)/]\s*(\S.*)$/u;
/** A sub-heading names its matter in a line; a numbered paragraph of prose runs on and ends its sentence. */
const SUBHEADING_MAX_CHARS = 160;
const END_MARK = /\s*\.\/\.\s*$/;

const allBold = (p: ParagraphInfo) => p.runs.some((r) => r.text.trim()) && p.runs.every((r) => !r.text.trim() || r.bold);

function isSubheading(p: ParagraphInfo, text: string, title: string): boolean {
  if (text.length > SUBHEADING_MAX_CHARS) return false;
  return allBold(p) || !/[.;:]$/.test(title);
}

const isUpper = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
};

/**
 * A paragraph's text with the number or dash Word's automatic lists print before it. Word keeps the
 * level's pattern (`%1.`), not its format, so an automatic heading is told by its case instead: a
 * Roman section heading is in capitals, a sub-heading is not.
 */
function printedText(p: ParagraphInfo, text: string, counters: { section: number; part: number }): string {
  const label = p.listLabel;
  if (!label || !text) return text;
  if (!/%\d/.test(label)) return /^[-–—+•]/.test(text) ? text : `- ${text}`;
  if (text.length > SUBHEADING_MAX_CHARS) return text;
  if (isUpper(text)) {
    counters.section++;
    counters.part = 0;
    return `${toRoman(counters.section)}. ${text}`;
  }
  if (isSubheading(p, text, text)) return `${++counters.part}. ${text}`;
  return text;
}

/** The closing formula: "Trên đây là …", or a last paragraph ending in "./.". */
function isClosing(text: string): boolean {
  return END_MARK.test(text) || /^(tren day|vay|kinh trinh|kinh de nghi|rat mong)\b/.test(fold(text));
}

export function readBody(layout: Layout): ImportedBody {
  const counters = { section: 0, part: 0 };
  const texts = layout.body.map((p) => ({ p, text: printedText(p, norm(p.text), counters) })).filter((x) => x.text !== '');
  const opening: string[] = [];
  const sections: ImportedSection[] = [];
  let closing: string | null = null;
  const last = texts[texts.length - 1];
  if (last && texts.length > 1 && isClosing(last.text)) {
    closing = last.text;
    texts.pop();
  }
  const tables = bodyTables(layout);
  const notes: string[] = [];
  // A table belongs to the section whose text comes before it.
  const placeTables = (before: number) => {
    while (tables.length > 0 && tables[0]!.lastParagraph < before) {
      const table = tables.shift()!;
      const section = sections[sections.length - 1];
      if (table.tasks && section) {
        section.tasks.push(...table.tasks);
        if (table.skipped > 0) notes.push(`Bảng nhiệm vụ có ${table.skipped} dòng thiếu nhiệm vụ, đơn vị chủ trì hoặc thời hạn: các dòng đó chưa được nhập.`);
      } else notes.push('Văn bản có bảng trong phần nội dung mà ý liệu chưa chứa được: bảng đó chưa được nhập, hãy thêm lại nội dung của bảng.');
    }
  };
  for (const { p, text } of texts) {
    placeTables(p.index);
    const roman = ROMAN_HEADING.exec(text);
    if (roman && text.length <= SUBHEADING_MAX_CHARS) {
      sections.push({ title: roman[2]!.replace(/[.:]$/, '').trim(), paragraphs: [], parts: [], tasks: [] });
      continue;
    }
    const arabic = ARABIC_HEADING.exec(text);
    if (arabic && isSubheading(p, text, arabic[2]!)) {
      // Without Roman headings (a công văn, a thông báo) the numbered parts make one unnamed section.
      if (sections.length === 0) sections.push({ title: null, paragraphs: [], parts: [], tasks: [] });
      sections[sections.length - 1]!.parts.push({ title: arabic[2]!.replace(/[.:]$/, '').trim(), paragraphs: [] });
      continue;
    }
    const section = sections[sections.length - 1];
    if (!section) {
      opening.push(text);
      continue;
    }
    const part = section.parts[section.parts.length - 1];
    (part ? part.paragraphs : section.paragraphs).push(text);
  }
  placeTables(Infinity);
  return { opening, sections, closing, notes };
}
