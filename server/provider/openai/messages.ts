import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ExampleKind, PromptLibrary } from '../../prompt/library.js';
import type { ParagraphAsk, Repair, SectionAsk } from '../types.js';
import type { BriefSection } from '../../types/brief.js';
import { formulaSlots } from '../../text/formula-slots.js';
import { dateLine } from '../../text/date.js';
import { abbreviationLines } from '../../prompt/abbreviations.js';
import { itemsKey } from './output.js';

const SHAPE_NAME = { prose: 'các đoạn văn xuôi hoàn chỉnh', 'dash-list': 'danh sách các ý, mỗi ý một gạch đầu dòng' } as const;
const NONE = '(không có)';

function factsBlock(s: BriefSection | undefined): string {
  if (s?.parts) return s.parts.map((p, i) => `${i + 1}. Tiểu mục "${p.title}":\n${p.facts.map((f) => `   - ${f}`).join('\n')}`).join('\n');
  return (s?.facts ?? []).map((f) => `- ${f}`).join('\n') || NONE;
}

/** The document's facts every prompt starts from, written as they print. */
function documentContext(ask: SectionAsk | ParagraphAsk) {
  const h = ask.brief.header;
  return {
    documentType: ask.template.name,
    org: formulaSlots(ask.brief).org,
    subject: h.subject,
    recipients: h.recipients.join('; ') || NONE,
    // The day văn thư fills in by hand shows as "...".
    date: dateLine(h.place, h.date).replace(/\u00A0+/gu, '...'),
    heading: ask.briefSection?.title ?? ask.section.heading ?? (ask.section.role === 'opening' ? 'Phần mở đầu' : 'Phần kết thúc'),
    shape: SHAPE_NAME[ask.section.shape],
  };
}

function exampleKind(ask: SectionAsk): ExampleKind {
  if (ask.section.role !== 'body') return ask.section.role;
  return ask.section.shape === 'dash-list' ? 'body-list' : 'body';
}

/** What code fixes in an opening or closing, told to the model. */
function formulaNote(ask: SectionAsk | ParagraphAsk): string {
  if (!ask.formula) return '';
  const where = ask.section.role === 'opening' ? 'câu mở đầu' : 'câu kết thúc';
  return [
    `- Đây là ${where} của văn bản: bắt buộc có đúng các chữ cố định sau, theo thứ tự: ${ask.formula.fixed.map((f) => `"${f}"`).join(', ')}.`,
    `- Câu theo thể thức (viết lại cho trôi chảy, giữ các chữ cố định và mọi số hiệu, ngày tháng): ${ask.formula.example}`,
    '',
  ].join('\n');
}

/**
 * The section prompt. What is the same for every section of a document (system, document, examples
 * of the type) comes first, so servers with prefix caching reuse it.
 */
export function sectionMessages(prompts: PromptLibrary, ask: SectionAsk): ChatCompletionMessageParam[] {
  const key = itemsKey(ask.section.shape);
  const user = prompts.render('section', {
    ...documentContext(ask),
    abbreviations: abbreviationLines(ask.brief, ask.glossary) || NONE,
    examples: prompts.example(ask.template.id, exampleKind(ask)) || NONE,
    purpose: ask.section.purpose,
    maxParagraphs: ask.section.paragraphs.max,
    maxChars: ask.section.maxChars,
    paragraphMaxChars: ask.paragraphMaxChars,
    formulaNote: formulaNote(ask),
    facts: factsBlock(ask.briefSection),
    neighbourLabel: ask.neighbours.kind === 'facts' ? 'Ý LIỆU CỦA PHẦN' : 'ĐOẠN GẦN NHẤT CỦA PHẦN',
    before: ask.neighbours.before || NONE,
    after: ask.neighbours.after || NONE,
    partCount: ask.partCount,
    partNote: ask.partCount > 1 ? ', mỗi phần tử ứng với một tiểu mục (không viết lại tên tiểu mục)' : '',
    jsonShape: `{"parts": [{"${key}": ["${key === 'items' ? 'ý 1' : 'đoạn 1'}", "${key === 'items' ? 'ý 2' : 'đoạn 2'}"]}]}`,
    shapeNote: key === 'items' ? 'Mỗi phần tử của "items" là một ý, không viết dấu gạch đầu dòng.' : 'Mỗi phần tử của "paragraphs" là một đoạn văn hoàn chỉnh.',
  });
  return [{ role: 'system', content: prompts.render('system', {}) }, { role: 'user', content: user }, ...repairMessages(prompts, ask.repair)];
}

/**
 * The lean paragraph prompt: a short rewriting system prompt, the facts of the paragraph's own part
 * only, and the sentences either side rather than whole paragraphs.
 */
export function paragraphMessages(prompts: PromptLibrary, ask: ParagraphAsk): ChatCompletionMessageParam[] {
  const part = ask.paragraph.part !== null ? ask.briefSection?.parts?.[ask.paragraph.part] : undefined;
  const facts = part ? `Tiểu mục "${part.title}":\n${part.facts.map((f) => `- ${f}`).join('\n')}` : factsBlock(ask.briefSection);
  const user = prompts.render('paragraph', {
    ...documentContext(ask),
    facts,
    abbreviations: abbreviationLines(ask.brief, ask.glossary) || NONE,
    formulaNote: formulaNote(ask),
    before: ask.before || NONE,
    after: ask.after || NONE,
    paragraph: ask.paragraph.text,
    instruction: ask.instruction ?? 'viết lại cho rõ ràng, mạch lạc hơn',
    paragraphMaxChars: ask.paragraphMaxChars,
    shapeNote: ask.section.shape === 'dash-list' ? ' Không viết dấu gạch đầu dòng.' : '',
  });
  return [{ role: 'system', content: prompts.render('rewrite', {}) }, { role: 'user', content: user }, ...repairMessages(prompts, ask.repair)];
}

/** The answer that fell short, then what was wrong with it: the model tries once more. */
function repairMessages(prompts: PromptLibrary, repair: Repair | undefined): ChatCompletionMessageParam[] {
  if (!repair) return [];
  return [
    { role: 'assistant', content: repair.answer },
    { role: 'user', content: prompts.render('repair', { problems: repair.problems.map((p) => `- ${p}`).join('\n') }) },
  ];
}
