import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from './schema.js';
import { DraftError, fieldPath } from '../errors.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A broken template file: which file, which field, why. Raised at start-up, never at request time. */
export class TemplateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; reason: string }[],
  ) {
    super(`Template ${file} is invalid:\n${problems.map((p) => `  - ${p.field || '(root)'}: ${p.reason}`).join('\n')}`);
    this.name = 'TemplateFileError';
  }
}

export function parseTemplateFile(file: string, text: string): Template {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TemplateFileError(file, [{ field: '', reason: `not valid JSON: ${(e as Error).message}` }]);
  }
  const result = Template.safeParse(raw);
  if (!result.success) {
    throw new TemplateFileError(
      file,
      result.error.issues.map((i) => ({ field: fieldPath(i.path), reason: i.message })),
    );
  }
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (result.data.id !== expectedId) {
    throw new TemplateFileError(file, [{ field: 'id', reason: `id "${result.data.id}" differs from the file name "${expectedId}"` }]);
  }
  return result.data;
}

export class TemplateRegistry {
  private readonly byId: Map<string, Template>;

  constructor(templates: Template[]) {
    this.byId = new Map(templates.map((t) => [t.id, t]));
  }

  static load(dir: string = TEMPLATES_DIR): TemplateRegistry {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    return new TemplateRegistry(files.map((f) => parseTemplateFile(join(dir, f), readFileSync(join(dir, f), 'utf8'))));
  }

  list(): Template[] {
    return [...this.byId.values()];
  }

  get(id: string): Template {
    const t = this.byId.get(id);
    if (!t) {
      throw new DraftError('unknown_template', `Loại văn bản "${id}" chưa được hỗ trợ`, [
        { field: 'template', message: `Loại văn bản không có; các loại hiện có: ${[...this.byId.keys()].join(', ')}` },
      ]);
    }
    return t;
  }
}
