import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { defaultLexicon } from './lexicon.js';

const NamesFile = z.object({ names: z.array(z.string()), bodies: z.array(z.string()), fields: z.array(z.string()) });

let cached: string[] | undefined;

/**
 * Names a text may use though the notes never wrote them: well-known cơ quan and places, every
 * "<body> <field>" (Sở Y tế, Phòng Tài chính - Kế hoạch), and the names the lexicon spells out.
 */
export function knownNames(): readonly string[] {
  if (cached) return cached;
  const file = NamesFile.parse(JSON.parse(readFileSync(new URL('./names.json', import.meta.url), 'utf8')));
  const spelled = [...defaultLexicon().entries.values()].flatMap((e) => e.meanings.map((m) => m.full)).filter((f) => /^\p{Lu}/u.test(f));
  cached = [...file.names, ...file.bodies.flatMap((b) => file.fields.map((f) => `${b} ${f}`)), ...spelled].map((n) => n.normalize('NFC'));
  return cached;
}
