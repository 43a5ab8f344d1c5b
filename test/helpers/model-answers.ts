import { parseBrief } from '../../server/brief/load.js';
import { composeSection } from '../../server/composer/compose.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { promptText, type ReceivedRequest, type Reply } from './fake-openai.js';

const templates = TemplateRegistry.load();

/** The section a request asks for, read from the section prompt's "MỤC CẦN SOẠN:" line. */
export function requestedHeading(request: ReceivedRequest): string | null {
  return /MỤC CẦN SOẠN: (.+)/u.exec(promptText(request))?.[1]?.trim() ?? null;
}

/**
 * A well-behaved model's answer for one section of a brief: the composer's paragraphs, in the
 * JSON shape the section prompt asks for. Every figure and fact is there, so the checks pass.
 */
export function goodSectionJson(raw: unknown, key: string, edit: (paragraphs: string[][]) => void = () => {}): string {
  const brief = parseBrief(raw);
  const template = templates.get(brief.template);
  const section = template.sections.find((s) => s.key === key)!;
  const briefSection = brief.sections.find((s) => s.key === key);
  const paragraphs = composeSection(template, brief, section, briefSection);
  const partCount = briefSection?.parts?.length ?? 1;
  const parts = Array.from({ length: partCount }, (_, i) =>
    paragraphs.filter((p) => (p.part ?? 0) === i).map((p) => p.text.replace(/^- /, '')),
  );
  edit(parts);
  const name = section.shape === 'dash-list' ? 'items' : 'paragraphs';
  return JSON.stringify({ parts: parts.map((p) => ({ [name]: p })) });
}

/** Answers each section request of a brief well, by its heading; `override` may answer some otherwise. */
export function answerByHeading(raw: any, override: (key: string, request: ReceivedRequest) => Reply | undefined = () => undefined) {
  const brief = parseBrief(raw);
  const template = templates.get(brief.template);
  return (request: ReceivedRequest): Reply => {
    const heading = requestedHeading(request);
    const section = template.sections.find((s) => {
      const title = brief.sections.find((b) => b.key === s.key)?.title ?? s.heading ?? (s.role === 'opening' ? 'Phần mở đầu' : 'Phần kết thúc');
      return title === heading;
    });
    if (!section) return { kind: 'error', status: 400, message: `unknown section ${heading}` };
    return override(section.key, request) ?? { kind: 'stream', content: goodSectionJson(raw, section.key) };
  };
}

/**
 * A perfect model: answers each section with the real document's text (an eval case's reference),
 * cut into the JSON shape asked for; a section the reference lacks gets the composer's text.
 */
export function answerWithReference(raw: any, references: Record<string, string>) {
  const brief = parseBrief(raw);
  const template = templates.get(brief.template);
  return answerByHeading(raw, (key) => {
    const reference = references[key];
    if (!reference) return undefined;
    const section = template.sections.find((s) => s.key === key)!;
    const titles = brief.sections.find((s) => s.key === key)?.parts?.map((p, i) => `${i + 1}. ${p.title}`) ?? [];
    const parts: string[][] = [[]];
    for (const paragraph of referenceParagraphs(reference)) {
      const at = titles.indexOf(paragraph);
      if (at > 0) parts[at] = [];
      if (at >= 0) continue;
      parts[parts.length - 1]!.push(section.shape === 'dash-list' ? paragraph.replace(/^- /u, '') : paragraph);
    }
    const name = section.shape === 'dash-list' ? 'items' : 'paragraphs';
    return { kind: 'stream', content: JSON.stringify({ parts: parts.map((p) => ({ [name]: p })) }) };
  });
}

/** A reference text's paragraphs, as the document prints them. */
export function referenceParagraphs(reference: string): string[] {
  return reference
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter(Boolean);
}
