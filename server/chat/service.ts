import type { Brief } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import type { TemplateRegistry } from '../template/load.js';
import type { DraftingService } from '../draft/service.js';
import type { DraftStore } from '../store/draft-store.js';
import type { ConversationStore, StoredConversation } from '../store/conversation-store.js';
import type { ProfileStore } from '../store/profile-store.js';
import { DraftError } from '../errors.js';
import type { Finding } from '../checks/finding.js';
import type { OfficeProfile } from '../profile/schema.js';
import { unaccentedFindings } from '../accents/findings.js';
import { defaultTable, withNames, type AccentTable } from '../accents/table.js';
import type { Action, Conversation, Intake, Intent, Message, Proposal } from './model.js';
import { addFacts, answered, applyFields, askingNow, asks, clearFacts, emptyIntake, factCount, nextAsk, toBriefInput } from './intake.js';
import { accentsProposal, routingProposals, subjectProposals } from './proposals.js';
import { splitRouting } from './subject.js';
import { ASK_LABELS, currentValue, summaryText } from './summary.js';
import { capitalizeFirst } from './values.js';
import { factsQuestion, question } from './questions.js';
import { resolveSection, sectionHeadings } from './sections.js';
import type { IntentReader } from './reader.js';
import { glossaryProposals, glossaryReplies, readGlossaryAnswer } from './glossary.js';
import { ZodError } from 'zod';
import type { RequestScope } from '../auth/scope.js';

export interface ChatReply {
  conversation: Conversation;
  reply: Message[];
  actions: Action[];
}

const MAX_MESSAGE_CHARS = 20_000;

/** What staff may ask for once the draft is made; a rewrite on request only where a model follows it. */
function helpAfterDraft(offline: boolean): string {
  return offline
    ? 'Có thể gõ: "thêm vào mục I: <ý mới>", "soạn lại đoạn 2 mục I" (soạn lại từ các ý chính), "soạn lại mục II", "soạn lại toàn bộ", hoặc sửa trực tiếp từng đoạn trong văn bản bên cạnh. Bộ soạn ngoại tuyến không làm theo yêu cầu như "ngắn gọn hơn": muốn vậy, hãy sửa trực tiếp đoạn đó.'
    : 'Có thể gõ: "thêm vào mục I: <ý mới>", "viết lại đoạn 2 mục I ngắn gọn hơn", "soạn lại mục II", "soạn lại toàn bộ", hoặc sửa trực tiếp từng đoạn trong văn bản bên cạnh.';
}

/** A brief as the interview's intake, so facts can be added the same way before and after drafting. */
function intakeOf(brief: Brief): Intake {
  return {
    template: brief.template,
    header: { ...brief.header },
    signer: brief.signer,
    copies: brief.copies,
    archive: brief.archive,
    sections: brief.sections.map((s) => ({
      key: s.key,
      ...(s.title ? { title: s.title } : {}),
      ...(s.parts ? { parts: s.parts.map((p) => ({ title: p.title, facts: [...p.facts] })) } : { facts: [...(s.facts ?? [])] }),
      ...(s.tasks ? { tasks: s.tasks.map((t) => ({ ...t })) } : {}),
    })),
    skipped: [],
  };
}

/**
 * The conversation that guides staff like a good interview: the document type, the header fields
 * still missing (remembered values offered), then the facts section by section; afterwards, facts
 * added later and requests such as "viết lại đoạn 2 mục I ngắn gọn hơn" become actions on the draft.
 */
const HELP_INTERVIEW =
  'Trả lời từng câu hỏi; có dấu hay không dấu đều được. Có thể gõ bất cứ lúc nào:\n- "quay lại": về câu hỏi trước\n- "sửa <trường>": sửa một thông tin, ví dụ "sửa ký hiệu", "sửa người ký", "sửa kính gửi"\n- "đổi sang <loại>": đổi loại văn bản, ví dụ "đổi sang tờ trình"\n- "bỏ qua", "xong": bỏ qua câu không bắt buộc, hết ý của một mục\n- "soạn": xem tóm tắt rồi soạn\n- "hủy": bỏ văn bản đang soạn dở';

/** The names an office writes the same way every time: the accents table puts them first. */
function officeNames(profile: OfficeProfile | undefined): string[] {
  if (!profile) return [];
  return [profile.org, profile.parentOrg, profile.orgName ?? '', profile.place, ...profile.copies, ...profile.signers.flatMap((s) => [s.name, ...s.lines])].filter(Boolean);
}

/** What the chat of every user shares. */
interface Shared {
  conversations: ConversationStore;
  drafts: DraftingService;
  draftStore: DraftStore;
  templates: TemplateRegistry;
  profiles: ProfileStore;
  reader: IntentReader;
  /** Messages of one conversation are handled one after another, so two sent at once both count. */
  queues: Map<string, Promise<unknown>>;
}

/**
 * The chat's stores, drafting service and reader of messages, shared by every request; `as(scope)`
 * is the chat of one request's user.
 */
export class ConversationService {
  private readonly shared: Shared;

  constructor(
    conversations: ConversationStore,
    drafts: DraftingService,
    draftStore: DraftStore,
    templates: TemplateRegistry,
    profiles: ProfileStore,
    reader: IntentReader,
  ) {
    this.shared = { conversations, drafts, draftStore, templates, profiles, reader, queues: new Map() };
  }

  /** The chat of the scope's user: their own conversations, the drafts and profile of their office. One small object a request. */
  as(scope: RequestScope): Chat {
    return new Chat(this.shared, scope);
  }
}

/**
 * The conversation that guides staff like a good interview: the document type, the header fields
 * still missing (remembered values offered), then the facts section by section, then a summary to
 * confirm; each answer checked against what was asked, values typed without accents put to staff
 * in their accented form, and corrections ("quay lại", "sửa ký hiệu", "đổi sang tờ trình", "hủy")
 * understood at every step. Afterwards, facts added later and requests such as "viết lại đoạn 2
 * mục I ngắn gọn hơn" become actions on the draft.
 */
export class Chat {
  constructor(
    private readonly shared: Shared,
    private readonly scope: RequestScope,
  ) {}

  /** The office's profile, if staff have saved one. */
  private async profile(): Promise<OfficeProfile | undefined> {
    return (await this.shared.profiles.get(this.scope.actor.officeId))?.profile;
  }

  private get help(): string {
    return helpAfterDraft(this.shared.drafts.providerInfo.name === 'offline');
  }

  private template(id: string | null | undefined): Template | undefined {
    return id ? this.shared.templates.list().find((t) => t.id === id) : undefined;
  }

  private async view(c: StoredConversation): Promise<Conversation> {
    const template = this.template(c.templateId);
    return {
      id: c.id,
      draftId: c.draftId,
      templateId: c.templateId,
      asking: c.draftId ? null : askingNow(c.intake, template),
      brief: template ? toBriefInput(c.intake, template) : null,
      messages: await this.shared.conversations.messages(c.id),
    };
  }

  async start(draftId?: string): Promise<Conversation> {
    if (draftId) {
      const existing = await this.shared.conversations.findByDraft(this.scope.actor, draftId);
      if (existing) return this.view(existing);
      const draft = await this.shared.draftStore.getDraft(this.scope.actor.officeId, draftId);
      let c: StoredConversation;
      try {
        c = await this.shared.conversations.create(this.scope.actor, intakeOf(draft.brief), draftId, draft.templateId);
      } catch (e) {
        // Two tabs opening the same draft at once: the other one made its conversation first.
        const other = await this.shared.conversations.findByDraft(this.scope.actor, draftId);
        if (other) return this.view(other);
        throw e;
      }
      // No abbreviation question here: the page opens this conversation to send a message staff already
      // typed, which must not be taken for an answer they never saw asked. The page asks beside the paragraph.
      await this.shared.conversations.addMessage(c.id, 'assistant', `Bản thảo "${draft.title}" đã có. ${this.help}`);
      return this.view(c);
    }
    const c = await this.shared.conversations.create(this.scope.actor, emptyIntake());
    await this.say(c, 'template');
    return this.view(c);
  }

  async get(id: string): Promise<Conversation> {
    return this.view(await this.shared.conversations.get(this.scope.actor, id));
  }

  async forDraft(draftId: string): Promise<string | null> {
    return (await this.shared.conversations.findByDraft(this.scope.actor, draftId))?.id ?? null;
  }

  /** The accents table with the office's own names first. */
  async accentTable(): Promise<AccentTable> {
    return withNames(defaultTable(), officeNames(await this.profile()));
  }

  /** Texts of a draft's brief that look typed without accents and that staff have not confirmed as typed. */
  async accentFindings(draftId: string): Promise<Finding[]> {
    const detail = await this.shared.drafts.detail(this.scope, draftId);
    const kept = (await this.shared.conversations.findByDraft(this.scope.actor, draftId))?.intake.keptTyped ?? [];
    return unaccentedFindings(detail.brief, kept, await this.accentTable());
  }

  handle(id: string, text: string, signal?: AbortSignal): Promise<ChatReply> {
    const previous = this.shared.queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.handleNow(id, text, signal));
    this.shared.queues.set(id, next);
    void next.finally(() => {
      if (this.shared.queues.get(id) === next) this.shared.queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  private async handleNow(id: string, text: string, signal?: AbortSignal): Promise<ChatReply> {
    const c = await this.shared.conversations.get(this.scope.actor, id);
    const clean = text.normalize('NFC').trim();
    if (clean.length > MAX_MESSAGE_CHARS) {
      throw new DraftError('bad_input', `Tin nhắn dài quá ${MAX_MESSAGE_CHARS.toLocaleString('vi-VN')} ký tự: hãy gửi thành nhiều lần.`, [
        { field: 'text', message: 'Quá dài' },
      ]);
    }
    if (!clean) throw new DraftError('bad_input', 'Tin nhắn đang trống: hãy gõ nội dung cần trả lời.', [{ field: 'text', message: 'Trống' }]);
    const before = (await this.shared.conversations.messages(id)).length;
    await this.shared.conversations.addMessage(id, 'user', clean);
    const template = this.template(c.templateId);
    await this.dropAnswered(c);
    const pending = c.intake.pending?.[0];
    const profile = await this.profile();
    const intent = await this.shared.reader.read(clean, {
      // While a proposal waits, another answer typed instead answers the question it settles.
      asking: c.draftId ? (pending?.ask ?? null) : (pending?.ask ?? nextAsk(c.intake, template)),
      confirming: !!pending,
      template,
      templates: this.shared.templates.list(),
      intake: c.intake,
      signers: profile?.signers,
      signal,
    });
    // A glossary question waiting takes the message as its answer, unless it is another request.
    let actions: Action[] | null = pending?.kind === 'glossary' ? await this.answerGlossary(c, clean, intent) : null;
    if (actions === null) {
      try {
        const resolved = await this.resolvePending(c, intent);
        if (resolved === null) actions = [];
        else actions = c.draftId ? await this.onDraft(c, resolved.intent, resolved.checked) : await this.onInterview(c, resolved.intent, resolved.checked);
      } catch (e) {
        // A message that would make the brief invalid is answered in the conversation, not dropped.
        if (!(e instanceof DraftError) || e.code === 'not_found') throw e;
        const details = e.issues.map((i) => `- ${i.field}: ${i.message}`).join('\n');
        await this.shared.conversations.addMessage(id, 'assistant', `Chưa ghi được: ${e.message}${details ? `\n${details}` : ''}`);
        actions = [];
      }
    }
    await this.shared.conversations.save(c);
    const conversation = await this.view(c);
    return { conversation, reply: conversation.messages.slice(before + 1), actions };
  }

  /**
   * A proposal waiting for staff: yes applies it, "giữ nguyên" keeps the value as typed, no drops
   * it and asks its question again. Another answer replaces it; a command sets it aside. Returns
   * the intent to go on with (`checked`: its texts were confirmed already), or null when handled.
   */
  private async resolvePending(c: StoredConversation, intent: Intent): Promise<{ intent: Intent; checked: boolean } | null> {
    const pending = c.intake.pending ?? [];
    const p = pending[0];
    if (!p) return { intent, checked: false };
    switch (intent.kind) {
      case 'help':
        await this.say(c, null, c.draftId ? this.help : HELP_INTERVIEW);
        return null;
      case 'yes':
      case 'cancel':
        if (intent.kind === 'cancel' && p.kind !== 'cancel') break;
        pending.shift();
        if (p.kind === 'cancel') {
          c.intake = emptyIntake();
          c.templateId = null;
          await this.say(c, 'template', 'Đã hủy văn bản đang soạn dở.');
          return null;
        }
        return { intent: p.accept!, checked: true };
      case 'keep':
        if (!p.keep) {
          await this.say(c, null, 'Không có chữ nào cần giữ nguyên.');
          return null;
        }
        pending.shift();
        c.intake.keptTyped = [...new Set([...(c.intake.keptTyped ?? []), ...(p.typed ?? [])])];
        return { intent: p.keep, checked: true };
      case 'skip':
      case 'back': {
        // "không", "quay lại": the proposal is dropped and its question asked again, to be typed anew.
        pending.shift();
        if (p.kind === 'cancel') {
          await this.say(c, null, 'Không hủy.');
          return null;
        }
        c.intake.pending = [];
        const again = p.kind === 'accents' ? 'Chưa ghi: hãy gõ lại, có dấu.' : 'Chưa ghi: hãy gõ lại.';
        if (c.draftId || !p.ask) {
          await this.say(c, null, again);
          return null;
        }
        this.reopen(c, p.ask);
        await this.say(c, p.ask, again);
        return null;
      }
      case 'invalid':
        // An answer that does not fit leaves the proposal waiting, asked again with the reason.
        await this.say(c, null, intent.message);
        return null;
      case 'set':
      case 'facts':
        // Another answer to the same question replaces the proposal.
        pending.shift();
        return { intent, checked: false };
      default:
        break;
    }
    c.intake.pending = [];
    return { intent, checked: false };
  }

  private async say(c: StoredConversation, ask: string | null, lead = ''): Promise<void> {
    const template = this.template(c.templateId);
    const add = (text: string, suggestions?: string[]) =>
      this.shared.conversations.addMessage(c.id, 'assistant', lead ? `${lead}\n${text}` : text, suggestions);
    const pending = c.intake.pending?.[0];
    if (pending?.kind === 'glossary') {
      await add(pending.question, glossaryReplies(pending));
      return;
    }
    if (pending) {
      await add(pending.question, [...(pending.kind === 'cancel' ? ['có', 'không'] : ['đúng']), ...(pending.alternatives ?? []), ...(pending.keep ? ['giữ nguyên'] : [])]);
      return;
    }
    ask ??= c.draftId ? null : nextAsk(c.intake, template);
    if (ask === null) {
      await this.shared.conversations.addMessage(c.id, 'assistant', lead || this.help);
      return;
    }
    if (ask === 'summary') {
      await add(summaryText(c.intake, template!), ['đúng', 'sửa trích yếu', 'sửa người ký', 'quay lại']);
      return;
    }
    if (ask.startsWith('facts:')) {
      const key = ask.slice(6);
      const heading = sectionHeadings(template!, c.intake).get(key)!;
      const section = template!.sections.find((s) => s.key === key)!;
      await add(factsQuestion(template!, key, heading), [
        ...(factCount(c.intake, key) > 0 ? ['xong'] : []),
        ...(section.required && section.role === 'body' ? [] : ['bỏ qua']),
      ]);
      return;
    }
    await add(question(ask, template), await this.suggestions(ask, template, c.intake));
  }

  /** Values offered for a question: the office profile's, then the latest draft's, and the value it has now. */
  private async suggestions(ask: string, template: Template | undefined, intake: Intake): Promise<string[]> {
    if (ask === 'template') return this.shared.templates.list().map((t) => t.name.toLocaleLowerCase('vi'));
    if (ask === 'header.date') return ['để trống ngày', 'hôm nay'];
    const profile = await this.profile();
    const latestId = (await this.shared.draftStore.listDrafts(this.scope.actor, { limit: 1 })).items[0]?.id;
    const last = latestId ? (await this.shared.draftStore.getDraft(this.scope.actor.officeId, latestId)).brief : undefined;
    const out: string[] = [];
    const offer = (v: string | undefined) => {
      if (v && !out.includes(v)) out.push(v);
    };
    if (ask !== 'header.date') offer(currentValue(intake, ask));
    switch (ask) {
      case 'header.org':
        offer(profile?.org);
        offer(last?.header.org);
        break;
      case 'header.place':
        offer(profile?.place);
        offer(last?.header.place);
        break;
      case 'header.symbol':
        if (profile?.symbolSuffix) offer(template?.code ? `${template.code}-${profile.symbolSuffix}` : [profile.symbolSuffix, profile.unit].filter(Boolean).join('-'));
        if (last && last.template === template?.id) offer(last.header.symbol);
        break;
      case 'header.recipients':
        if (last?.header.recipients.length) offer(last.header.recipients.join('; '));
        if (template?.kinhGui === 'optional') offer('bỏ qua');
        break;
      case 'signer':
        for (const s of profile?.signers ?? []) offer([...s.lines, s.name].filter(Boolean).join(' / '));
        if (last?.signer.lines.length) offer([...last.signer.lines, last.signer.name].filter(Boolean).join(' / '));
        break;
      case 'copies': {
        const usual = (list: string[]) => list.filter((x) => x.toLocaleLowerCase('vi') !== 'như trên').join('; ');
        if (profile?.copies.length) offer(usual(profile.copies));
        if (last?.copies.length) offer(usual(last.copies));
        offer('bỏ qua');
        break;
      }
    }
    return out.slice(0, 4);
  }

  /** Puts a proposal before staff: the values wait for their yes. */
  private async propose(c: StoredConversation, proposals: Proposal[], lead = ''): Promise<void> {
    c.intake.pending = [...proposals, ...(c.intake.pending ?? [])];
    await this.say(c, null, lead);
  }

  private async onInterview(c: StoredConversation, intent: Intent, checked: boolean): Promise<Action[]> {
    let template = this.template(c.templateId);
    const ask = nextAsk(c.intake, template);
    let lead = '';
    switch (intent.kind) {
      case 'invalid':
        await this.say(c, ask, intent.message);
        return [];
      case 'help':
        await this.say(c, ask, HELP_INTERVIEW);
        return [];
      case 'keep':
        // On a question staff went back to, "giữ nguyên" keeps the value it has.
        if (ask && c.intake.focus === ask) return this.onInterview(c, { kind: 'skip' }, checked);
        await this.say(c, ask, 'Không có chữ nào đang chờ xác nhận.');
        return [];
      case 'cancel':
        if (!template) {
          c.intake = emptyIntake();
          await this.say(c, 'template', 'Chưa có gì để hủy.');
          return [];
        }
        await this.propose(c, [{ kind: 'cancel', ask: null, question: 'Hủy văn bản đang soạn dở? Mọi thông tin đã ghi cho văn bản này sẽ bị bỏ. Gõ "có" để hủy, "không" để tiếp tục.' }]);
        return [];
      case 'back':
        await this.back(c, template, ask);
        return [];
      case 'edit': {
        if (intent.ask === 'template' || !template) {
          await this.say(c, ask, template ? `Đang soạn ${template.name.toLocaleLowerCase('vi')}. Để đổi, gõ "đổi sang <loại>", ví dụ "đổi sang tờ trình".` : '');
          return [];
        }
        if (!asks(template).includes(intent.ask)) {
          await this.say(c, ask, `${template.name} không có ${ASK_LABELS[intent.ask] ?? intent.ask}.`);
          return [];
        }
        this.reopen(c, intent.ask);
        const key = intent.ask.startsWith('facts:') ? intent.ask.slice(6) : null;
        const now = key ? '' : currentValue(c.intake, intent.ask);
        await this.say(
          c,
          intent.ask,
          key
            ? `Sửa các ý chính của ${sectionHeadings(template, c.intake).get(key)} (đang có ${factCount(c.intake, key)} ý): gửi thêm ý, hoặc "xóa ý" để ghi lại từ đầu.`
            : `Sửa ${ASK_LABELS[intent.ask]}${now ? ` (hiện là «${now}»)` : ''}.`,
        );
        return [];
      }
      case 'change-template':
        if (!template) {
          return this.onInterview(c, { kind: 'set', template: intent.template, fields: intent.subject ? { subject: intent.subject } : {} }, checked);
        }
        lead = this.changeTemplate(c, template, this.shared.templates.get(intent.template));
        template = this.template(c.templateId);
        if (intent.subject) {
          await this.propose(c, subjectProposals(intent.subject, template!, c.intake, await this.accentTable()), lead);
          return [];
        }
        break;
      case 'yes':
        if (ask === 'summary') return this.createDraft(c, template, true);
        await this.say(c, ask, 'Không có gì đang chờ xác nhận.');
        return [];
      case 'set': {
        const table = await this.accentTable();
        if (intent.template) {
          template = this.shared.templates.get(intent.template);
          c.templateId = template.id;
          c.intake.template = template.id;
          c.intake.history = ['template'];
          // The office's usual Lưu line, unless staff already gave one.
          c.intake.archive ??= (await this.profile())?.archive || undefined;
          lead = [`Soạn ${template.name.toLocaleLowerCase('vi')}.`, ...(intent.problems ?? [])].join('\n');
          const { subject, ...rest } = intent.fields;
          const proposals = subject ? subjectProposals(subject, template, c.intake, table) : [];
          const others: Intent = { kind: 'set', fields: rest };
          const accents = checked ? null : accentsProposal(others, ask, table, c.intake.keptTyped ?? []);
          if (accents) proposals.push(accents);
          else applyFields(c.intake, rest);
          if (proposals.length) {
            await this.propose(c, proposals, lead);
            return [];
          }
          break;
        }
        if (!template) {
          await this.say(c, 'template', 'Chưa rõ loại văn bản.');
          return [];
        }
        if (!checked) {
          const accents = accentsProposal(intent, ask, table, c.intake.keptTyped ?? []);
          if (accents) {
            await this.propose(c, [accents], (intent.problems ?? []).join('\n'));
            return [];
          }
        }
        const fields = { ...intent.fields };
        const routed: Proposal[] = [];
        if (fields.subject) {
          // "… gửi Sở Tư pháp" typed as the trích yếu: the Kính gửi is proposed, not printed in it.
          const r = splitRouting(fields.subject);
          if (r.subject !== fields.subject && r.subject.split(/\s+/u).length >= 2) {
            fields.subject = capitalizeFirst(r.subject);
            routed.push(...routingProposals(r.recipients, r.from, template, c.intake, table));
            lead = `Trích yếu ghi: «${fields.subject}» (cơ quan gửi, nơi nhận ghi ở phần đầu văn bản).`;
          }
        }
        if (Object.keys(fields).length > 0 && !lead) lead = 'Đã ghi.';
        applyFields(c.intake, fields);
        c.intake.confirmed = false;
        this.answeredNow(c, ask, Object.keys(fields).some((k) => ask === (k === 'signer' || k === 'copies' ? k : `header.${k}`) || (ask === 'header.symbol' && k === 'number')));
        lead = [lead, ...(intent.problems ?? [])].filter(Boolean).join('\n');
        if (routed.length) {
          await this.propose(c, routed, lead);
          return [];
        }
        break;
      }
      case 'facts': {
        const key = intent.section ? resolveSection(intent.section, template!, c.intake)?.key : ask?.startsWith('facts:') ? ask.slice(6) : undefined;
        if (!template || !key) {
          await this.say(c, ask, `Chưa rõ mục cần thêm ý${intent.section ? ` ("${intent.section}")` : ''}.`);
          return [];
        }
        if (!checked) {
          const accents = accentsProposal(intent, ask, await this.accentTable(), c.intake.keptTyped ?? []);
          if (accents) {
            await this.propose(c, [accents]);
            return [];
          }
        }
        const result = addFacts(c.intake, template.sections.find((s) => s.key === key)!, intent.lines);
        const heading = sectionHeadings(template, c.intake).get(key)!;
        if ('error' in result) {
          await this.shared.conversations.addMessage(c.id, 'assistant', `Chưa ghi vào ${heading}: ${result.error}`);
          return [];
        }
        c.intake.confirmed = false;
        await this.shared.conversations.addMessage(c.id, 'assistant', `Đã ghi ${result.added} ý vào ${heading}. Gửi thêm ý, hoặc gõ "xong" để sang phần tiếp theo.`, ['xong']);
        return [];
      }
      case 'clear-facts': {
        const key = intent.section ? resolveSection(intent.section, template!, c.intake)?.key : ask?.startsWith('facts:') ? ask.slice(6) : undefined;
        if (!template || !key) {
          await this.say(c, ask, `Chưa rõ mục cần xóa ý${intent.section ? ` ("${intent.section}")` : ''}: ghi rõ, ví dụ "xóa ý phần mở đầu".`);
          return [];
        }
        const heading = sectionHeadings(template, c.intake).get(key)!;
        clearFacts(c.intake, key);
        c.intake.skipped = c.intake.skipped.filter((a) => a !== `facts:${key}`);
        c.intake.confirmed = false;
        await this.shared.conversations.addMessage(c.id, 'assistant', `Đã xóa các ý của ${heading}; hãy gửi lại các ý cho phần này.`);
        return [];
      }
      case 'skip':
      case 'next': {
        if (!ask || ask === 'template' || ask === 'summary') {
          await this.say(c, ask, ask === 'summary' ? '' : 'Chưa rõ loại văn bản.');
          return [];
        }
        const key = ask.startsWith('facts:') ? ask.slice(6) : null;
        const section = key ? template!.sections.find((s) => s.key === key) : undefined;
        const required = key
          ? section!.required && section!.role === 'body' && factCount(c.intake, key) === 0
          : !answered(c.intake, ask) && ask !== 'header.recipients' && ask !== 'copies' && ask !== 'signer';
        const requiredRecipients = ask === 'header.recipients' && template!.kinhGui === 'required' && !c.intake.header.recipients?.length;
        if (required || requiredRecipients) {
          await this.say(c, ask, 'Phần này bắt buộc, chưa bỏ qua được.');
          return [];
        }
        // "bỏ qua" on a question staff went back to keeps the value it has.
        if (!answered(c.intake, ask) || key) c.intake.skipped.push(ask);
        this.answeredNow(c, ask, true);
        break;
      }
      case 'draft-all':
        if (ask === 'summary') return this.createDraft(c, template, true);
        return this.toSummary(c, template);
      case 'redraft-paragraph':
      case 'redraft-section':
        await this.say(c, ask, 'Văn bản chưa được soạn: hãy trả lời nốt các câu hỏi, hoặc gõ "soạn" khi đã đủ thông tin.');
        return [];
      case 'unknown':
        await this.say(c, ask, ask === 'summary' ? 'Chưa hiểu ý anh/chị: gõ "đúng" để soạn, hoặc "sửa <trường>".' : 'Chưa hiểu ý anh/chị.');
        return [];
    }
    const next = nextAsk(c.intake, template);
    if (next === null) return this.createDraft(c, template, false);
    await this.say(c, next, lead);
    return [];
  }

  /** A question answered: remembered for "quay lại", and no longer the one staff went back to. */
  private answeredNow(c: StoredConversation, ask: string | null, answeredIt: boolean): void {
    if (!ask || !answeredIt || ask === 'template' || ask === 'summary') return;
    const history = (c.intake.history ??= []);
    if (history.at(-1) !== ask) history.push(ask);
    if (c.intake.focus === ask) delete c.intake.focus;
  }

  /** Asks a question again, whatever it has now: skipping it is undone, the summary needs confirming again. */
  private reopen(c: StoredConversation, ask: string): void {
    c.intake.skipped = c.intake.skipped.filter((a) => a !== ask);
    c.intake.focus = ask;
    c.intake.confirmed = false;
  }

  /** "quay lại": the question answered before the one on screen, with the value it has. */
  private async back(c: StoredConversation, template: Template | undefined, ask: string | null): Promise<void> {
    const history = (c.intake.history ??= []);
    let previous = history.pop();
    while (previous !== undefined && previous === ask) previous = history.pop();
    if (previous === undefined) {
      await this.say(c, ask, 'Đây là câu hỏi đầu tiên, không có bước nào trước đó.');
      return;
    }
    if (previous === 'template') {
      history.push('template');
      await this.say(c, ask, `Loại văn bản đang là ${template!.name.toLocaleLowerCase('vi')}; để đổi, gõ "đổi sang <loại>", ví dụ "đổi sang tờ trình".`);
      return;
    }
    this.reopen(c, previous);
    const now = previous.startsWith('facts:') ? `${factCount(c.intake, previous.slice(6))} ý` : currentValue(c.intake, previous);
    const label = ASK_LABELS[previous] ?? 'các ý chính';
    await this.say(c, previous, `Quay lại: ${label}${now ? ` (đang có: ${previous.startsWith('facts:') ? now : `«${now}»`})` : ''}. Gõ giá trị mới${previous.startsWith('facts:') ? ', "xóa ý" để ghi lại từ đầu,' : ','} hoặc "giữ nguyên".`);
  }

  /**
   * "đổi sang tờ trình": the type changes and everything gathered stays; a ký hiệu written with
   * the old type's code is asked again, and facts of sections the new type lacks are kept aside.
   */
  private changeTemplate(c: StoredConversation, from: Template, to: Template): string {
    if (from.id === to.id) return `Đang soạn ${to.name.toLocaleLowerCase('vi')}.`;
    c.templateId = to.id;
    c.intake.template = to.id;
    c.intake.confirmed = false;
    delete c.intake.focus;
    const notes: string[] = [`Đã đổi sang ${to.name.toLocaleLowerCase('vi')}; các thông tin đã ghi vẫn giữ.`];
    const h = c.intake.header;
    if (h.symbol && from.code !== to.code) {
      delete h.symbol;
      c.intake.skipped = c.intake.skipped.filter((a) => a !== 'header.symbol');
      notes.push('Ký hiệu cần ghi lại theo loại mới.');
    }
    if (to.kinhGui === 'none' && h.recipients?.length) {
      delete h.recipients;
      notes.push(`${to.name} không có Kính gửi.`);
    }
    const aside = c.intake.sections.filter((s) => factCount(c.intake, s.key) > 0 && !to.sections.some((t) => t.key === s.key));
    if (aside.length) {
      const headings = sectionHeadings(from, c.intake);
      notes.push(`Các ý của ${aside.map((s) => headings.get(s.key)).join(', ')} không có chỗ trong ${to.name.toLocaleLowerCase('vi')}: chưa dùng, nếu cần hãy gửi lại vào mục phù hợp.`);
    }
    c.intake.history = (c.intake.history ?? []).filter((a) => a === 'template' || asks(to).includes(a));
    return notes.join(' ');
  }

  /**
   * The template when the interview has what a draft needs: a type, and facts for every required
   * section. When not, null, once it has said what is missing and asked for it.
   */
  private async readyToDraft(c: StoredConversation, template: Template | undefined): Promise<Template | null> {
    if (!template) {
      await this.say(c, 'template', 'Chưa chọn loại văn bản.');
      return null;
    }
    const empty = template.sections.find((s) => s.required && s.role === 'body' && factCount(c.intake, s.key) === 0);
    if (empty) {
      const heading = sectionHeadings(template, c.intake).get(empty.key)!;
      this.reopen(c, `facts:${empty.key}`);
      await this.say(c, `facts:${empty.key}`, `Chưa soạn được: ${heading} là mục bắt buộc nhưng chưa có ý nào.`);
      return null;
    }
    return template;
  }

  /** "soạn" before the end of the interview: the summary to confirm, once the required parts are there. */
  private async toSummary(c: StoredConversation, chosen: Template | undefined): Promise<Action[]> {
    const template = await this.readyToDraft(c, chosen);
    if (!template) return [];
    // "soạn" means the rest is not needed: optional questions are skipped, sections with facts are done.
    for (const a of asks(template)) {
      const key = a.startsWith('facts:') ? a.slice(6) : null;
      const optional = key ? true : a === 'signer' || a === 'copies' || (a === 'header.recipients' && template.kinhGui === 'optional');
      if (optional && !answered(c.intake, a)) c.intake.skipped.push(a);
    }
    delete c.intake.focus;
    const next = nextAsk(c.intake, template);
    await this.say(c, next, next === 'summary' ? '' : `Trước khi soạn, còn thiếu ${ASK_LABELS[next!] ?? next}.`);
    return [];
  }

  /** Makes the draft from the intake once it is a valid brief; otherwise says what is missing. */
  private async createDraft(c: StoredConversation, chosen: Template | undefined, asked: boolean): Promise<Action[]> {
    if (chosen) {
      delete c.intake.focus;
      c.intake.confirmed = false;
    }
    const template = await this.readyToDraft(c, chosen);
    if (!template) return [];
    try {
      const detail = await this.shared.drafts.create(this.scope, toBriefInput(c.intake, template));
      c.draftId = detail.id;
      c.intake.confirmed = true;
      await this.shared.conversations.addMessage(
        c.id,
        'assistant',
        `${asked ? '' : 'Đã đủ thông tin. '}Đang soạn ${template.name.toLocaleLowerCase('vi')} "${detail.brief.header.subject}" theo từng mục ở khung bên cạnh. ${this.help}`,
      );
      await this.askGlossary(c, detail.brief, template);
      return [
        { type: 'open-draft', draftId: detail.id },
        { type: 'draft-all', draftId: detail.id },
      ];
    } catch (e) {
      if (!(e instanceof DraftError)) throw e;
      const missing = e.issues.map((i) => `- ${i.field}: ${i.message}`).join('\n');
      const next = nextAsk(c.intake, template);
      await this.say(c, next === 'summary' || next === null ? `facts:${template.sections.find((s) => s.required && s.role === 'body')!.key}` : next, `Chưa soạn được: ${e.message}\n${missing}`);
      return [];
    }
  }

  /** Questions about abbreviations staff have answered elsewhere meanwhile (beside the paragraph) are not asked again. */
  private async dropAnswered(c: StoredConversation): Promise<void> {
    if (!c.intake.pending?.some((p) => p.glossary)) return;
    const glossary = await this.shared.profiles.glossary(this.scope.actor.officeId);
    c.intake.pending = c.intake.pending.filter((p) => !p.glossary || !(p.glossary.abbr in glossary));
  }

  /** Puts the brief's undecided abbreviations to staff, one at a time, after what is already waiting. */
  private async askGlossary(c: StoredConversation, brief: Brief, template: Template): Promise<void> {
    const waiting = c.intake.pending ?? [];
    const questions = glossaryProposals(brief, template, await this.shared.profiles.glossary(this.scope.actor.officeId), waiting);
    if (questions.length === 0) return;
    c.intake.pending = [...waiting, ...questions];
    if (waiting.length > 0) return;
    const lead =
      questions.length === 1
        ? 'Các ý chính có 01 chữ viết tắt chưa rõ nghĩa: văn bản giữ nguyên chữ này cho đến khi anh/chị trả lời.'
        : `Các ý chính có ${String(questions.length).padStart(2, '0')} chữ viết tắt chưa rõ nghĩa: văn bản giữ nguyên các chữ này cho đến khi anh/chị trả lời, từng câu một.`;
    await this.say(c, null, lead);
  }

  /**
   * Staff's answer to a glossary question: saved into the office's glossary, then the sections that
   * use the abbreviation are redrafted at once offline, or named for staff to redraft with a model.
   * Returns null when the message is another request: the questions are set aside and it is handled.
   */
  private async answerGlossary(c: StoredConversation, text: string, intent: Intent): Promise<Action[] | null> {
    const pending = c.intake.pending!;
    const p = pending[0]!;
    const { abbr, sections } = p.glossary!;
    const reading = readGlossaryAnswer(text, intent, p);
    if ('other' in reading) {
      if (intent.kind === 'help') {
        await this.say(c, null, this.help);
        return [];
      }
      c.intake.pending = pending.filter((x) => x.kind !== 'glossary');
      return null;
    }
    if ('again' in reading) {
      await this.say(c, null, reading.again);
      return [];
    }
    if ('later' in reading) {
      pending.shift();
      await this.say(c, null, `Chưa ghi nghĩa của ${abbr}: văn bản giữ nguyên chữ này; có thể trả lời sau ở đoạn văn bên cạnh.`);
      return [];
    }
    try {
      await this.shared.profiles.answer(this.scope.actor.officeId, abbr, reading.meaning);
    } catch (e) {
      if (!(e instanceof ZodError)) throw e;
      await this.say(c, null, `Chưa ghi được: ${e.issues.map((i) => i.message).join('; ')}.`);
      return [];
    }
    pending.shift();
    const kept = reading.meaning === abbr;
    const notes = [kept ? `Đã ghi: giữ nguyên "${abbr}" như đã viết, không hỏi lại.` : `Đã ghi vào bảng chữ viết tắt của cơ quan: ${abbr} là "${reading.meaning}"; các văn bản sau dùng nghĩa này.`];
    const actions: Action[] = [];
    if (c.draftId && sections.length > 0) {
      const detail = await this.shared.drafts.detail(this.scope, c.draftId);
      const template = this.shared.templates.get(detail.templateId);
      const headings = sectionHeadings(template, detail.brief);
      const drafted = sections.filter((key) => detail.sections.find((s) => s.key === key)?.paragraphs.length);
      const names = drafted.map((key) => headings.get(key) ?? key).join(', ');
      if (drafted.length > 0 && this.shared.drafts.providerInfo.name === 'offline') {
        notes.push(`Đang soạn lại ${names} theo nghĩa đã ghi.`);
        actions.push(...drafted.map((section): Action => ({ type: 'draft-section', draftId: c.draftId!, section })));
      } else if (drafted.length > 0 && !kept) {
        // A model's redraft costs a call and may reword the section: staff decide when.
        // "mục II. PHƯƠNG HƯỚNG …" is typed "mục II".
        const command = (key: string) => (headings.get(key) ?? key).replace(/^(mục [IVXLC]+)\..*$/u, '$1');
        notes.push(`${names} có chữ này: gõ ${drafted.map((k) => `"soạn lại ${command(k)}"`).join(', ')} để soạn lại theo nghĩa đã ghi.`);
      }
    }
    await this.say(c, null, notes.join(' '));
    return actions;
  }

  private async onDraft(c: StoredConversation, intent: Intent, checked: boolean): Promise<Action[]> {
    const draftId = c.draftId!;
    const detail = await this.shared.drafts.detail(this.scope, draftId);
    const template = this.shared.templates.get(detail.templateId);
    const tell = (text: string, suggestions?: string[]) => this.shared.conversations.addMessage(c.id, 'assistant', text, suggestions);
    const section = (ref: string | null) => (ref ? resolveSection(ref, template, detail.brief) : undefined);
    if (!checked && (intent.kind === 'set' || intent.kind === 'facts')) {
      const accents = accentsProposal(intent, null, await this.accentTable(), c.intake.keptTyped ?? []);
      if (accents) {
        await this.propose(c, [accents]);
        return [];
      }
    }
    switch (intent.kind) {
      case 'invalid':
        await tell(intent.message);
        return [];
      case 'help':
        await tell(this.help);
        return [];
      case 'back':
      case 'cancel':
        await tell(`Văn bản đã soạn và được lưu; các bản sửa vẫn xem lại được ở từng đoạn. ${this.help}`);
        return [];
      case 'change-template':
        await tell(`Văn bản này là ${template.name.toLocaleLowerCase('vi')}. Để soạn ${this.shared.templates.get(intent.template).name.toLocaleLowerCase('vi')}, hãy bắt đầu một văn bản mới.`);
        return [];
      case 'edit':
        await tell(`Gõ thông tin mới theo dạng "Nhãn: giá trị", ví dụ "${ASK_LABELS[intent.ask] ? `${capitalizeFirst(ASK_LABELS[intent.ask]!)}: …` : 'thêm vào mục I: …'}".`);
        return [];
      case 'draft-all':
        await tell('Đang soạn lại toàn bộ văn bản.');
        return [{ type: 'draft-all', draftId }];
      case 'redraft-section': {
        const s = section(intent.section);
        if (!s) {
          await tell(`Không tìm thấy ${intent.section ?? 'mục'} trong văn bản. ${this.help}`);
          return [];
        }
        await tell(`Đang soạn lại ${sectionHeadings(template, detail.brief).get(s.key)}.`);
        return [{ type: 'draft-section', draftId, section: s.key }];
      }
      case 'redraft-paragraph': {
        const s = intent.section ? section(intent.section) : template.sections.find((t) => t.role === 'body');
        const paragraphs = s ? (detail.sections.find((x) => x.key === s.key)?.paragraphs ?? []).filter((p) => p.current.text !== '') : [];
        const p = paragraphs[intent.paragraph - 1];
        if (!s || !p) {
          await tell(`Không tìm thấy đoạn ${intent.paragraph}${intent.section ? ` của ${intent.section}` : ''}: ${s ? `mục này có ${paragraphs.length} đoạn.` : 'hãy ghi rõ mục, ví dụ "viết lại đoạn 2 mục I".'}`);
          return [];
        }
        const where = `đoạn ${intent.paragraph} của ${sectionHeadings(template, detail.brief).get(s.key)}`;
        // The offline composer writes from the facts alone: a request it cannot follow is not promised.
        if (intent.instruction && this.shared.drafts.providerInfo.name === 'offline') {
          await tell(
            `Bộ soạn ngoại tuyến không làm theo yêu cầu viết lại ("${intent.instruction}"): nó chỉ soạn lại đoạn từ các ý chính. Đã mở ô sửa ${where} để anh/chị tự sửa.`,
            [`soạn lại đoạn ${intent.paragraph}${intent.section ? ` ${intent.section}` : ''}`],
          );
          return [{ type: 'edit-paragraph', draftId, paragraphId: p.id }];
        }
        await tell(`Đang viết lại ${where}${intent.instruction ? ` (${intent.instruction})` : ''}.`);
        return [{ type: 'redraft-paragraph', draftId, paragraphId: p.id, instruction: intent.instruction }];
      }
      case 'facts': {
        const s = section(intent.section);
        if (!s) {
          await tell(`Hãy ghi rõ mục cần thêm ý, ví dụ "thêm vào mục I: …". ${this.help}`);
          return [];
        }
        const intake = { ...intakeOf(detail.brief), keptTyped: c.intake.keptTyped };
        const result = addFacts(intake, s, intent.lines);
        if ('error' in result) {
          await tell(`Chưa ghi được: ${result.error}`);
          return [];
        }
        const updated = await this.shared.drafts.updateBrief(this.scope, draftId, toBriefInput(intake, template));
        c.intake = intake;
        await tell(`Đã thêm ${result.added} ý vào ${sectionHeadings(template, intake).get(s.key)}; đang soạn lại mục này.`);
        await this.askGlossary(c, updated.brief, template);
        return [{ type: 'draft-section', draftId, section: s.key }];
      }
      case 'clear-facts': {
        const s = section(intent.section);
        if (!s) {
          await tell('Hãy ghi rõ mục cần xóa ý, ví dụ "xóa ý mục II".');
          return [];
        }
        const intake = { ...intakeOf(detail.brief), keptTyped: c.intake.keptTyped };
        clearFacts(intake, s.key);
        await this.shared.drafts.updateBrief(this.scope, draftId, toBriefInput(intake, template));
        c.intake = intake;
        await tell(`Đã xóa các ý của ${sectionHeadings(template, detail.brief).get(s.key)}.`);
        return [{ type: 'open-draft', draftId }];
      }
      case 'set': {
        const intake = { ...intakeOf(detail.brief), keptTyped: c.intake.keptTyped };
        applyFields(intake, intent.fields);
        await this.shared.drafts.updateBrief(this.scope, draftId, toBriefInput(intake, template));
        c.intake = intake;
        await tell(['Đã cập nhật thông tin văn bản.', ...(intent.problems ?? [])].join('\n'));
        return [{ type: 'open-draft', draftId }];
      }
      default:
        await tell(`Văn bản đã được soạn. ${this.help}`);
        return [];
    }
  }
}
