import type { Finding } from './finding.js';
import { noteLabels } from '../text/note-labels.js';

/** Prose has no note labels ("tg:", "nơi đến:", "NN:"): each is part of a sentence. */
export function checkNoteLabels(section: string, paragraph: number, text: string): Finding[] {
  return noteLabels(text).map((l) => ({
    rule: 'prose.note-label',
    severity: 'warning' as const,
    where: { section, paragraph, span: [l.start, l.end] as [number, number] },
    message: `Đoạn văn còn nhãn ghi chép "${text.slice(l.start, l.end).trim()}": viết thành một phần của câu.`,
  }));
}
