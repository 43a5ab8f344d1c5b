import { proposeAccents, withAccents } from '../accents/propose.js';
import type { AccentTable } from '../accents/table.js';
import type { Template } from '../template/schema.js';
import type { FieldValues, Intake, Intent, Proposal } from './model.js';
import { splitRouting } from './subject.js';
import { capitalizeFirst, readIssuer } from './values.js';

/** The intent with each text it would print passed through `f`. */
function mapTexts(intent: Intent, f: (text: string) => string): Intent {
  if (intent.kind === 'facts') return { ...intent, lines: intent.lines.map(f) };
  if (intent.kind !== 'set') return intent;
  const x = intent.fields;
  const out: FieldValues = { ...x };
  for (const k of ['org', 'parentOrg', 'subject', 'place', 'archive'] as const) if (x[k]) out[k] = f(x[k]);
  if (x.recipients) out.recipients = x.recipients.map(f);
  if (x.copies) out.copies = x.copies.map(f);
  if (x.signer) out.signer = { lines: x.signer.lines.map(f), name: f(x.signer.name) };
  return { ...intent, fields: out };
}

/** The single name a message answers, when it answers the question asked: other readings can be offered for it. */
function answersAsk(intent: Intent, ask: string | null): boolean {
  if (intent.kind !== 'set' || intent.template) return false;
  const keys = Object.keys(intent.fields);
  return keys.length === 1 && ['org', 'place', 'subject'].includes(keys[0]!) && ask === `header.${keys[0]}`;
}

const SHOWN = 8;

/**
 * When a message's values look typed without accents, the question "Ý anh/chị là «…»?" with the
 * accented reading to apply on yes and the message as typed to apply on "giữ nguyên"; null when
 * every text is accented, or was confirmed as typed before.
 */
export function accentsProposal(intent: Intent, ask: string | null, table: AccentTable, kept: readonly string[]): Proposal | null {
  const changed: { typed: string; accented: string; others: string[]; stretches: string[] }[] = [];
  const accepted = mapTexts(intent, (text) => {
    // Stretches staff kept as typed before are not asked about again, wherever they appear.
    const proposals = text ? proposeAccents(text, table).filter((p) => !kept.includes(p.typed)) : [];
    if (proposals.length === 0) return text;
    const accented = withAccents(text, proposals);
    // Other readings of the first ambiguous stretch: "Hưng" may be "Hùng".
    const first = proposals.find((p) => p.candidates.length > 1);
    const others = first ? first.candidates.slice(1, 3).map((c) => withAccents(text, proposals.map((p) => (p === first ? { ...p, candidates: [c] } : p)))) : [];
    changed.push({ typed: text, accented, others, stretches: proposals.map((p) => p.typed) });
    return accented;
  });
  if (changed.length === 0) return null;
  // A pasted fact's bullet is not part of what is asked about.
  const shown = (c: (typeof changed)[number]) => `«${c.accented.replace(/^\s*[-–•*+]\s*/u, '')}»`;
  const list = changed.slice(0, SHOWN).map((c) => `- ${shown(c)}`);
  const more = changed.length > SHOWN ? `\n(và ${changed.length - SHOWN} chỗ khác)` : '';
  const asked = changed.length === 1 ? `Ý anh/chị là ${shown(changed[0]!)}?` : `Có chữ gõ không dấu. Ý anh/chị là:\n${list.join('\n')}${more}`;
  return {
    kind: 'accents',
    ask,
    question: `${asked}\nGõ "đúng" để dùng chữ có dấu, "giữ nguyên" để giữ như đã gõ, hoặc gõ lại.`,
    accept: accepted,
    keep: intent,
    typed: [...new Set(changed.flatMap((c) => c.stretches))],
    ...(changed.length === 1 && answersAsk(intent, ask) && changed[0]!.others.length ? { alternatives: changed[0]!.others } : {}),
  };
}

/**
 * The trích yếu staff gave in their first message, to confirm: cleaned of the routing words, which
 * become a proposed Kính gửi ("… gửi Sở Tư pháp") and cơ quan ban hành ("… của UBND huyện Nghi Xuân"),
 * each accented where it was typed without accents.
 */
export function subjectProposals(typed: string, template: Template, intake: Intake, table: AccentTable): Proposal[] {
  const r = splitRouting(typed);
  const out: Proposal[] = [];
  const subject = capitalizeFirst(r.subject);
  const unaccented = proposeAccents(subject, table);
  const accented = withAccents(subject, unaccented);
  const moved = r.recipients.length || r.from ? ' (nơi gửi, cơ quan gửi ghi ở phần đầu văn bản, không ghi trong trích yếu)' : '';
  // "công văn gửi Sở Tư pháp" says whom to, not what about: the trích yếu is asked for later.
  if (subject.split(/\s+/u).length >= 2) {
    out.push({
      kind: 'value',
      ask: 'header.subject',
      question: `Trích yếu: «${accented}»${moved}. Đúng chưa? Gõ "đúng", hoặc gõ lại trích yếu.`,
      accept: { kind: 'set', fields: { subject: accented } },
      ...(unaccented.length ? { keep: { kind: 'set', fields: { subject } }, typed: unaccented.map((p) => p.typed) } : {}),
    });
  }
  out.push(...routingProposals(r.recipients, r.from, template, intake, table));
  return out;
}

/** Kính gửi and cơ quan ban hành found in a trích yếu, proposed where the brief has none yet. */
export function routingProposals(recipients: string[], from: string | null, template: Template, intake: Intake, table: AccentTable): Proposal[] {
  const out: Proposal[] = [];
  const accent = (t: string) => withAccents(t, proposeAccents(t, table));
  if (recipients.length && template.kinhGui !== 'none' && !intake.header.recipients?.length) {
    const list = recipients.map(accent);
    out.push({
      kind: 'value',
      ask: 'header.recipients',
      question: `Kính gửi: «${list.join('; ')}»? Gõ "đúng", hoặc gõ lại nơi kính gửi.`,
      accept: { kind: 'set', fields: { recipients: list } },
    });
  }
  const org = from ? readIssuer(accent(from)) : null;
  if (org && 'value' in org && !intake.header.org) {
    out.push({
      kind: 'value',
      ask: 'header.org',
      question: `Cơ quan ban hành: «${org.value}»? Gõ "đúng", hoặc gõ lại tên cơ quan.`,
      accept: { kind: 'set', fields: { org: org.value } },
    });
  }
  return out;
}
