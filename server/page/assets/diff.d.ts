/** Types of diff.js, for the tests that import it in Node. */
export interface DiffPart {
  op: 'eq' | 'del' | 'ins';
  text: string;
}
export function tokenize(text: string): string[];
export function diffWords(before: string, after: string): DiffPart[];
export function renderDiff(before: string, after: string, doc?: Document): DocumentFragment;
