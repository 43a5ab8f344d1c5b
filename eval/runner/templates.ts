import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR, TemplateRegistry, parseTemplateFile } from '../../server/template/load.js';
import type { Template } from '../../server/template/schema.js';

export interface TemplateSet {
  registry: TemplateRegistry;
  /** Why a template could not be used, by template id. */
  broken: Map<string, string>;
}

/**
 * Templates one file at a time: a template being written in parallel may be half done, and that
 * must skip the cases that use it, not stop the whole eval as the server's start-up would.
 */
export function loadTemplates(dir: string = TEMPLATES_DIR): TemplateSet {
  const ok: Template[] = [];
  const broken = new Map<string, string>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    try {
      ok.push(parseTemplateFile(join(dir, f), readFileSync(join(dir, f), 'utf8')));
    } catch (e) {
      broken.set(f.replace(/\.json$/, ''), `Mẫu ${f} lỗi: ${(e as Error).message}`);
    }
  }
  return { registry: new TemplateRegistry(ok), broken };
}

/** The template of an id, or why there is none (Vietnamese). */
export function findTemplate(set: TemplateSet, id: string): Template | string {
  const found = set.registry.list().find((t) => t.id === id);
  if (found) return found;
  return set.broken.get(id) ?? `Chưa có mẫu văn bản "${id}" (templates/${id}.json)`;
}
