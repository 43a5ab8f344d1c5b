import type { Brief } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import type { TemplateRegistry } from '../template/load.js';
import type { DraftingService } from '../draft/service.js';
import type { DraftStore } from '../store/draft-store.js';
import type { ConversationStore, StoredConversation } from '../store/conversation-store.js';
import type { ProfileStore } from '../store/profile-store.js';
import { DraftError } from '../errors.js';
import type { Action, Conversation, Intake, Intent, Message } from './model.js';
import { addFacts, applyFields, clearFacts, emptyIntake, factCount, nextAsk, toBriefInput } from './intake.js';
import { factsQuestion, question } from './questions.js';
import { resolveSection, sectionHeadings } from './sections.js';
import type { IntentReader } from './reader.js';

export interface ChatReply {
  conversation: Conversation;
  reply: Message[];
  actions: Action[];
}

const MAX_MESSAGE_CHARS = 20_000;

const HELP =
  'Có thể gõ: "thêm vào mục I: <ý mới>", "viết lại đoạn 2 mục I ngắn gọn hơn", "soạn lại mục II", "soạn lại toàn bộ", hoặc sửa trực tiếp từng đoạn trong văn bản bên cạnh.';

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
export class ConversationService {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly drafts: DraftingService,
    private readonly draftStore: DraftStore,
    private readonly templates: TemplateRegistry,
    private readonly profiles: ProfileStore,
    private readonly reader: IntentReader,
  ) {}

  private template(id: string | null | undefined): Template | undefined {
    return id ? this.templates.list().find((t) => t.id === id) : undefined;
  }

  private view(c: StoredConversation): Conversation {
    const template = this.template(c.templateId);
    return {
      id: c.id,
      draftId: c.draftId,
      templateId: c.templateId,
      asking: c.draftId ? null : nextAsk(c.intake, template),
      brief: template ? toBriefInput(c.intake, template) : null,
      messages: this.conversations.messages(c.id),
    };
  }

  start(draftId?: string): Conversation {
    if (draftId) {
      const existing = this.conversations.findByDraft(draftId);
      if (existing) return this.view(existing);
      const draft = this.draftStore.getDraft(draftId);
      let c: StoredConversation;
      try {
        c = this.conversations.create(intakeOf(draft.brief), draftId, draft.templateId);
      } catch (e) {
        // Two tabs opening the same draft at once: the other one made its conversation first.
        const other = this.conversations.findByDraft(draftId);
        if (other) return this.view(other);
        throw e;
      }
      this.conversations.addMessage(c.id, 'assistant', `Bản thảo "${draft.title}" đã có. ${HELP}`);
      return this.view(c);
    }
    const c = this.conversations.create(emptyIntake());
    this.say(c, 'template');
    return this.view(c);
  }

  get(id: string): Conversation {
    return this.view(this.conversations.get(id));
  }

  forDraft(draftId: string): string | null {
    return this.conversations.findByDraft(draftId)?.id ?? null;
  }

  /** Messages of one conversation are handled one after another, so two sent at once both count. */
  private readonly queues = new Map<string, Promise<unknown>>();

  handle(id: string, text: string, signal?: AbortSignal): Promise<ChatReply> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.handleNow(id, text, signal));
    this.queues.set(id, next);
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  private async handleNow(id: string, text: string, signal?: AbortSignal): Promise<ChatReply> {
    const c = this.conversations.get(id);
    const clean = text.normalize('NFC').trim();
    if (clean.length > MAX_MESSAGE_CHARS) {
      throw new DraftError('bad_input', `Tin nhắn dài quá ${MAX_MESSAGE_CHARS.toLocaleString('vi-VN')} ký tự: hãy gửi thành nhiều lần.`, [
        { field: 'text', message: 'Quá dài' },
      ]);
    }
    if (!clean) throw new DraftError('bad_input', 'Tin nhắn đang trống: hãy gõ nội dung cần trả lời.', [{ field: 'text', message: 'Trống' }]);
    const before = this.conversations.messages(id).length;
    this.conversations.addMessage(id, 'user', clean);
    const template = this.template(c.templateId);
    const intent = await this.reader.read(clean, {
      asking: c.draftId ? null : nextAsk(c.intake, template),
      template,
      templates: this.templates.list(),
      intake: c.intake,
      signal,
    });
    let actions: Action[];
    try {
      actions = await (c.draftId ? this.onDraft(c, intent) : this.onInterview(c, intent));
    } catch (e) {
      // A message that would make the brief invalid is answered in the conversation, not dropped.
      if (!(e instanceof DraftError) || e.code === 'not_found') throw e;
      const details = e.issues.map((i) => `- ${i.field}: ${i.message}`).join('\n');
      this.conversations.addMessage(id, 'assistant', `Chưa ghi được: ${e.message}${details ? `\n${details}` : ''}`);
      actions = [];
    }
    this.conversations.save(c);
    const conversation = this.view(c);
    return { conversation, reply: conversation.messages.slice(before + 1), actions };
  }

  private say(c: StoredConversation, ask: string | null, lead = ''): void {
    const template = this.template(c.templateId);
    if (ask === null) {
      this.conversations.addMessage(c.id, 'assistant', `${lead ? `${lead}\n` : ''}Đã có đủ thông tin: gõ "soạn" để soạn văn bản.`, ['soạn']);
      return;
    }
    let text: string;
    let suggestions: string[];
    if (ask.startsWith('facts:')) {
      const key = ask.slice(6);
      const heading = sectionHeadings(template!, c.intake).get(key)!;
      text = factsQuestion(template!, key, heading);
      const section = template!.sections.find((s) => s.key === key)!;
      suggestions = [...(factCount(c.intake, key) > 0 ? ['xong'] : []), ...(section.required && section.role === 'body' ? [] : ['bỏ qua'])];
    } else {
      text = question(ask, template);
      suggestions = this.suggestions(ask, template);
    }
    this.conversations.addMessage(c.id, 'assistant', lead ? `${lead}\n${text}` : text, suggestions);
  }

  /** Values offered for a question: the office profile's, then the latest draft's. */
  private suggestions(ask: string, template: Template | undefined): string[] {
    if (ask === 'template') return this.templates.list().map((t) => t.name.toLocaleLowerCase('vi'));
    if (ask === 'header.date') return ['để trống ngày', 'hôm nay'];
    const profile = this.profiles.get()?.profile;
    const latestId = this.draftStore.listDrafts()[0]?.id;
    const last = latestId ? this.draftStore.getDraft(latestId).brief : undefined;
    const out: string[] = [];
    const offer = (v: string | undefined) => {
      if (v && !out.includes(v)) out.push(v);
    };
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

  private async onInterview(c: StoredConversation, intent: Intent): Promise<Action[]> {
    let template = this.template(c.templateId);
    const asking = nextAsk(c.intake, template);
    let lead = '';
    switch (intent.kind) {
      case 'invalid':
        this.say(c, asking, intent.message);
        return [];
      case 'set': {
        if (intent.template) {
          template = this.templates.get(intent.template);
          c.templateId = template.id;
          c.intake.template = template.id;
          // The office's usual Lưu line, unless staff already gave one.
          c.intake.archive ??= this.profiles.get()?.profile.archive || undefined;
          lead = `Soạn ${template.name.toLocaleLowerCase('vi')}.`;
        } else if (Object.keys(intent.fields).length > 0) {
          lead = 'Đã ghi các thông tin vừa gửi.';
        }
        applyFields(c.intake, intent.fields);
        lead = [lead, ...(intent.problems ?? [])].filter(Boolean).join('\n');
        break;
      }
      case 'facts': {
        const key = intent.section ? resolveSection(intent.section, template!, c.intake)?.key : asking?.startsWith('facts:') ? asking.slice(6) : undefined;
        if (!template || !key) {
          this.say(c, asking, `Chưa rõ mục cần thêm ý${intent.section ? ` ("${intent.section}")` : ''}.`);
          return [];
        }
        const result = addFacts(c.intake, template.sections.find((s) => s.key === key)!, intent.lines);
        const heading = sectionHeadings(template, c.intake).get(key)!;
        if ('error' in result) {
          this.conversations.addMessage(c.id, 'assistant', `Chưa ghi vào ${heading}: ${result.error}`);
          return [];
        }
        this.conversations.addMessage(c.id, 'assistant', `Đã ghi ${String(result.added).padStart(2, '0')} ý vào ${heading}. Gửi thêm ý, hoặc gõ "xong" để sang phần tiếp theo.`, ['xong']);
        return [];
      }
      case 'clear-facts': {
        const key = intent.section ? resolveSection(intent.section, template!, c.intake)?.key : asking?.startsWith('facts:') ? asking.slice(6) : undefined;
        if (!template || !key) {
          this.say(c, asking, `Chưa rõ mục cần xóa ý${intent.section ? ` ("${intent.section}")` : ''}: ghi rõ, ví dụ "xóa ý phần mở đầu".`);
          return [];
        }
        const heading = sectionHeadings(template, c.intake).get(key)!;
        clearFacts(c.intake, key);
        c.intake.skipped = c.intake.skipped.filter((a) => a !== `facts:${key}`);
        this.conversations.addMessage(c.id, 'assistant', `Đã xóa các ý của ${heading}; hãy gửi lại các ý cho phần này.`);
        return [];
      }
      case 'skip':
      case 'next': {
        if (!asking || asking === 'template') break;
        const key = asking.startsWith('facts:') ? asking.slice(6) : null;
        const section = key ? template!.sections.find((s) => s.key === key) : undefined;
        const required = key ? section!.required && section!.role === 'body' && factCount(c.intake, key) === 0 : asking !== 'header.recipients' && asking !== 'copies' && asking !== 'signer';
        const requiredRecipients = asking === 'header.recipients' && template!.kinhGui === 'required';
        if (required || requiredRecipients) {
          this.say(c, asking, 'Phần này bắt buộc, chưa bỏ qua được.');
          return [];
        }
        c.intake.skipped.push(asking);
        break;
      }
      case 'draft-all':
        return this.createDraft(c, template, true);
      case 'redraft-paragraph':
      case 'redraft-section':
        this.say(c, asking, 'Văn bản chưa được soạn: hãy trả lời nốt các câu hỏi, hoặc gõ "soạn" khi đã đủ thông tin.');
        return [];
      case 'unknown':
        this.say(c, asking, 'Chưa hiểu ý anh/chị.');
        return [];
    }
    const next = nextAsk(c.intake, template);
    if (next === null) return this.createDraft(c, template, false);
    this.say(c, next, lead);
    return [];
  }

  /** Makes the draft from the intake once it is a valid brief; otherwise says what is missing. */
  private async createDraft(c: StoredConversation, template: Template | undefined, asked: boolean): Promise<Action[]> {
    if (!template) {
      this.say(c, 'template', 'Chưa chọn loại văn bản.');
      return [];
    }
    const empty = template.sections.find((s) => s.required && s.role === 'body' && factCount(c.intake, s.key) === 0);
    if (empty) {
      const heading = sectionHeadings(template, c.intake).get(empty.key)!;
      this.say(c, `facts:${empty.key}`, `Chưa soạn được: ${heading} là mục bắt buộc nhưng chưa có ý nào.`);
      return [];
    }
    try {
      const detail = await this.drafts.create(toBriefInput(c.intake, template));
      c.draftId = detail.id;
      this.conversations.addMessage(
        c.id,
        'assistant',
        `${asked ? '' : 'Đã đủ thông tin. '}Đang soạn ${template.name.toLocaleLowerCase('vi')} "${detail.brief.header.subject}" theo từng mục ở khung bên cạnh. ${HELP}`,
      );
      return [
        { type: 'open-draft', draftId: detail.id },
        { type: 'draft-all', draftId: detail.id },
      ];
    } catch (e) {
      if (!(e instanceof DraftError)) throw e;
      const missing = e.issues.map((i) => `- ${i.field}: ${i.message}`).join('\n');
      this.say(c, nextAsk(c.intake, template) ?? `facts:${template.sections.find((s) => s.required && s.role === 'body')!.key}`, `Chưa soạn được: ${e.message}\n${missing}`);
      return [];
    }
  }

  private async onDraft(c: StoredConversation, intent: Intent): Promise<Action[]> {
    const draftId = c.draftId!;
    const detail = await this.drafts.detail(draftId);
    const template = this.templates.get(detail.templateId);
    const tell = (text: string, suggestions?: string[]) => this.conversations.addMessage(c.id, 'assistant', text, suggestions);
    const section = (ref: string | null) => (ref ? resolveSection(ref, template, detail.brief) : undefined);
    switch (intent.kind) {
      case 'invalid':
        tell(intent.message);
        return [];
      case 'draft-all':
        tell('Đang soạn lại toàn bộ văn bản.');
        return [{ type: 'draft-all', draftId }];
      case 'redraft-section': {
        const s = section(intent.section);
        if (!s) {
          tell(`Không tìm thấy ${intent.section ?? 'mục'} trong văn bản. ${HELP}`);
          return [];
        }
        tell(`Đang soạn lại ${sectionHeadings(template, detail.brief).get(s.key)}.`);
        return [{ type: 'draft-section', draftId, section: s.key }];
      }
      case 'redraft-paragraph': {
        const s = intent.section ? section(intent.section) : template.sections.find((t) => t.role === 'body');
        const paragraphs = s ? (detail.sections.find((x) => x.key === s.key)?.paragraphs ?? []).filter((p) => p.current.text !== '') : [];
        const p = paragraphs[intent.paragraph - 1];
        if (!s || !p) {
          tell(`Không tìm thấy đoạn ${intent.paragraph}${intent.section ? ` của ${intent.section}` : ''}: ${s ? `mục này có ${paragraphs.length} đoạn.` : 'hãy ghi rõ mục, ví dụ "viết lại đoạn 2 mục I".'}`);
          return [];
        }
        tell(`Đang viết lại đoạn ${intent.paragraph} của ${sectionHeadings(template, detail.brief).get(s.key)}${intent.instruction ? ` (${intent.instruction})` : ''}.`);
        return [{ type: 'redraft-paragraph', draftId, paragraphId: p.id, instruction: intent.instruction }];
      }
      case 'facts': {
        const s = section(intent.section);
        if (!s) {
          tell(`Hãy ghi rõ mục cần thêm ý, ví dụ "thêm vào mục I: …". ${HELP}`);
          return [];
        }
        const intake = intakeOf(detail.brief);
        const result = addFacts(intake, s, intent.lines);
        if ('error' in result) {
          tell(`Chưa ghi được: ${result.error}`);
          return [];
        }
        await this.drafts.updateBrief(draftId, toBriefInput(intake, template));
        c.intake = intake;
        tell(`Đã thêm ${String(result.added).padStart(2, '0')} ý vào ${sectionHeadings(template, intake).get(s.key)}; đang soạn lại mục này.`);
        return [{ type: 'draft-section', draftId, section: s.key }];
      }
      case 'clear-facts': {
        const s = section(intent.section);
        if (!s) {
          tell('Hãy ghi rõ mục cần xóa ý, ví dụ "xóa ý mục II".');
          return [];
        }
        const intake = intakeOf(detail.brief);
        clearFacts(intake, s.key);
        await this.drafts.updateBrief(draftId, toBriefInput(intake, template));
        c.intake = intake;
        tell(`Đã xóa các ý của ${sectionHeadings(template, detail.brief).get(s.key)}.`);
        return [{ type: 'open-draft', draftId }];
      }
      case 'set': {
        const intake = intakeOf(detail.brief);
        applyFields(intake, intent.fields);
        await this.drafts.updateBrief(draftId, toBriefInput(intake, template));
        c.intake = intake;
        tell(['Đã cập nhật thông tin văn bản.', ...(intent.problems ?? [])].join('\n'));
        return [{ type: 'open-draft', draftId }];
      }
      default:
        tell(`Văn bản đã được soạn. ${HELP}`);
        return [];
    }
  }
}
