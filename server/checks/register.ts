import { readFileSync } from 'node:fs';
import type { Finding } from './finding.js';
import { TextMemo } from '../text/memo.js';

interface WordList {
  words: string[];
  /** Phrases in which a listed word is fine: "em" in "trẻ em", "nha" in "nha khoa". */
  except: string[];
}

interface RegisterWords {
  firstPerson: WordList;
  colloquial: WordList;
  english: WordList;
  formulaMarks: string[];
  signatureMarks: string[];
}

const WORDS = JSON.parse(readFileSync(new URL('./register-words.json', import.meta.url), 'utf8')) as RegisterWords;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Whole words on Vietnamese letters: `\b` knows only ASCII and would split "mình" after "m". */
const wordPattern = (words: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${[...words].sort((a, b) => b.length - a.length).map((w) => escape(w.normalize('NFC'))).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, flags);

interface CompiledList {
  words: RegExp;
  except: RegExp | null;
}

const compile = (list: WordList): CompiledList => ({
  words: wordPattern(list.words, 'giu'),
  except: list.except.length ? wordPattern(list.except, 'giu') : null,
});

const FIRST_PERSON = compile(WORDS.firstPerson);
const COLLOQUIAL = compile(WORDS.colloquial);
const ENGLISH = compile(WORDS.english);
const HEADING = /^\s*(?:[IVXLC]+\.|[0-9]+\.|[a-zđ]\))\s+\p{Lu}{2,}|^[\p{Lu}\s,]{12,}$/u;

/** Whole-word hits of a list, leaving out those inside an excepted phrase. */
function hits(list: CompiledList, text: string): RegExpMatchArray[] {
  const excepted = list.except ? [...text.matchAll(list.except)].map((m) => [m.index!, m.index! + m[0].length] as const) : [];
  return [...text.matchAll(list.words)].filter((m) => !excepted.some(([s, e]) => m.index! >= s && m.index! + m[0].length <= e));
}

/** What the register checks find in a text, whatever its section and place. */
const marksOf = new TextMemo((text: string) => {
  const lower = text.toLocaleLowerCase('vi');
  return {
    firstPerson: hits(FIRST_PERSON, text),
    colloquial: hits(COLLOQUIAL, text),
    english: hits(ENGLISH, text),
    formula: WORDS.formulaMarks.find((w) => lower.includes(w)),
    signature: WORDS.signatureMarks.find((w) => lower.includes(w)),
    heading: HEADING.test(text),
  };
});

/**
 * Register checks of a paragraph: no first person, no colloquial or English words (lists kept as
 * data), and, for text a model wrote, no heading, formula or signature: code owns those.
 */
export function checkRegister(section: string, paragraph: number, text: string, role: 'opening' | 'body' | 'closing'): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, m: RegExpMatchArray, message: string) =>
    findings.push({ rule, severity: 'error', where: { section, paragraph, span: [m.index!, m.index! + m[0].length] }, message });

  const marks = marksOf.get(text);
  for (const m of marks.firstPerson) {
    add('register.first-person', m, `Không dùng ngôi thứ nhất "${m[0]}": cơ quan tự gọi mình bằng tên cơ quan.`);
  }
  for (const m of marks.colloquial) {
    add('register.colloquial', m, `"${m[0]}" là từ khẩu ngữ, không hợp văn phong hành chính: thay bằng từ trang trọng.`);
  }
  for (const m of marks.english) {
    add('register.english', m, `"${m[0]}" là từ tiếng Anh: dùng từ tiếng Việt tương đương.`);
  }
  if (role === 'body') {
    const { formula, signature } = marks;
    if (formula) {
      findings.push({
        rule: 'structure.model-formula',
        severity: 'error',
        where: { section, paragraph },
        message: `Đoạn văn có câu mở đầu hoặc kết thúc văn bản ("${formula}"): phần này do hệ thống tự thêm, cần bỏ khỏi đoạn.`,
      });
    }
    if (signature) {
      findings.push({
        rule: 'structure.model-signature',
        severity: 'error',
        where: { section, paragraph },
        message: 'Đoạn văn có phần ký hoặc "Nơi nhận": phần này do hệ thống tự thêm, cần bỏ khỏi đoạn.',
      });
    }
    if (marks.heading) {
      findings.push({
        rule: 'structure.model-heading',
        severity: 'error',
        where: { section, paragraph },
        message: 'Đoạn văn là một tiêu đề mục: tiêu đề và số thứ tự mục do hệ thống tự thêm.',
      });
    }
  }
  return findings;
}
