import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { PromptLibrary } from '../../prompt/library.js';
import type { ParagraphRequest, SectionRequest } from '../types.js';
import { formulaSlots } from '../../text/formula-slots.js';
import { SECTION_OUTPUTS } from './output.js';

const SHAPE_NAME = { prose: 'các đoạn văn xuôi hoàn chỉnh', 'dash-list': 'danh sách các ý, mỗi ý một gạch đầu dòng' } as const;
const NONE = '(không có)';

function factsBlock(req: Pick<SectionRequest, 'briefSection'>): { text: string; partCount: number } {
  const s = req.briefSection;
  if (s?.parts) {
    const text = s.parts.map((p, i) => `${i + 1}. Tiểu mục "${p.title}":\n${p.facts.map((f) => `   - ${f}`).join('\n')}`).join('\n');
    return { text, partCount: s.parts.length };
  }
  return { text: (s?.facts ?? []).map((f) => `- ${f}`).join('\n') || NONE, partCount: 1 };
}

function context(req: SectionRequest | ParagraphRequest) {
  const slots = formulaSlots(req.brief);
  const h = req.brief.header;
  return {
    org: slots.org,
    subject: h.subject,
    recipients: h.recipients.join('; ') || NONE,
    date: h.date,
    documentType: req.template.name.toLocaleLowerCase('vi'),
    heading: req.briefSection?.title ?? req.section.heading ?? req.section.key,
    purpose: req.section.purpose,
    shape: SHAPE_NAME[req.section.shape],
  };
}

export function sectionMessages(prompts: PromptLibrary, req: SectionRequest): ChatCompletionMessageParam[] {
  const facts = factsBlock(req);
  const user = prompts.render('section', {
    ...context(req),
    maxParagraphs: req.section.paragraphs.max,
    maxChars: req.section.maxChars,
    facts: facts.text,
    before: req.neighbours.before || NONE,
    after: req.neighbours.after || NONE,
    partCount: facts.partCount,
    partNote: facts.partCount > 1 ? ', mỗi phần tử ứng với một tiểu mục (không viết lại tên tiểu mục)' : '',
    jsonShape: SECTION_OUTPUTS[req.section.shape].example,
    shapeNote:
      req.section.shape === 'dash-list'
        ? 'Mỗi phần tử của "items" là một ý, không viết dấu gạch đầu dòng.'
        : 'Mỗi phần tử của "paragraphs" là một đoạn văn hoàn chỉnh.',
  });
  return [
    { role: 'system', content: prompts.render('system', {}) },
    { role: 'user', content: user },
  ];
}

export function paragraphMessages(prompts: PromptLibrary, req: ParagraphRequest): ChatCompletionMessageParam[] {
  const i = req.paragraph.position;
  // In a section with numbered parts, the paragraph's own part carries its facts; the other parts'
  // facts would only cost tokens and tempt the model to borrow from them.
  const part = req.paragraph.part !== null ? req.briefSection?.parts?.[req.paragraph.part] : undefined;
  const facts = part ? { text: `Tiểu mục "${part.title}":\n${part.facts.map((f) => `   - ${f}`).join('\n')}` } : factsBlock(req);
  const user = prompts.render('paragraph', {
    ...context(req),
    facts: facts.text,
    before: req.sectionParagraphs[i - 1] ?? NONE,
    paragraph: req.paragraph.text,
    after: req.sectionParagraphs[i + 1] ?? NONE,
    instruction: req.instruction ?? 'viết lại cho rõ ràng, mạch lạc hơn',
    shapeNote: req.section.shape === 'dash-list' ? ' Không viết dấu gạch đầu dòng.' : '',
  });
  return [
    { role: 'system', content: prompts.render('system', {}) },
    { role: 'user', content: user },
  ];
}

/** The answer that fell short, then what was wrong with it: the model tries once more. */
export function repairMessages(prompts: PromptLibrary, answer: string, problems: string[]): ChatCompletionMessageParam[] {
  return [
    { role: 'assistant', content: answer },
    { role: 'user', content: prompts.render('repair', { problems: problems.map((p) => `- ${p}`).join('\n') }) },
  ];
}
