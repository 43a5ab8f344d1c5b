import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface Prompt {
  id: string;
  /** Recorded on every revision the prompt helped write, e.g. `section-1`. */
  version: string;
  text: string;
}

export type PromptId = 'system' | 'section' | 'rewrite' | 'paragraph' | 'repair' | 'chat' | 'examples';
const REQUIRED: PromptId[] = ['system', 'section', 'rewrite', 'paragraph', 'repair', 'chat', 'examples'];

/** Which example of prose a section learns from: its role, and for a body section its shape. */
export type ExampleKind = 'opening' | 'body' | 'body-list' | 'closing';

/** A prompt file is `version: <id>-<n>`, a line `---`, then the Vietnamese text with {{slots}}. */
export function parsePrompt(id: string, raw: string): Prompt {
  const m = /^version:\s*(\S+)\s*\n---\s*\n([\s\S]*)$/u.exec(raw.normalize('NFC').replace(/\r\n/g, '\n'));
  if (!m) throw new Error(`Prompt ${id}: expected "version: <id>-<n>", a line "---", then the text`);
  if (!m[1]!.startsWith(`${id}-`)) throw new Error(`Prompt ${id}: version "${m[1]}" must start with "${id}-"`);
  return { id, version: m[1]!, text: m[2]!.trim() };
}

export class PromptLibrary {
  private constructor(private readonly prompts: Map<string, Prompt>) {}

  static load(dir: string = PROMPTS_DIR): PromptLibrary {
    const prompts = new Map<string, Prompt>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const id = file.replace(/\.txt$/, '');
      prompts.set(id, parsePrompt(id, readFileSync(join(dir, file), 'utf8')));
    }
    for (const id of REQUIRED) if (!prompts.has(id)) throw new Error(`Prompt ${id}.txt is missing from ${dir}`);
    return new PromptLibrary(prompts);
  }

  get(id: PromptId): Prompt {
    return this.prompts.get(id)!;
  }

  /** Fills {{slots}}; a slot the values lack is an error, so a prompt never goes out half-filled. */
  render(id: PromptId, values: Record<string, string | number>): string {
    const prompt = this.get(id);
    return prompt.text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`Prompt ${prompt.version}: no value for {{${name}}}`);
      return String(values[name]);
    });
  }

  /**
   * The house-style example for a document type and a kind of section, from `examples.txt`: blocks
   * headed `## <template> <kind>`. Empty when the file has none for it.
   */
  example(templateId: string, kind: ExampleKind): string {
    const blocks = this.get('examples').text.split(/^## /mu);
    const block = blocks.find((b) => b.startsWith(`${templateId} ${kind}\n`));
    return block ? block.slice(block.indexOf('\n') + 1).trim() : '';
  }

  /** The versions that wrote a revision: a section's system, prompt and examples; a paragraph's rewrite prompt. */
  version(purpose: 'section' | 'paragraph'): string {
    const parts: PromptId[] = purpose === 'section' ? ['system', 'section', 'examples'] : ['rewrite', 'paragraph'];
    return parts.map((id) => this.get(id).version).join('+');
  }

  /** Every prompt's version, in a stable order: what an answer cached for the eval depends on. */
  versions(): string {
    return [...this.prompts.values()].map((p) => p.version).sort().join('+');
  }
}
