import { randomUUID } from 'node:crypto';
import type { Intake, Message } from '../chat/model.js';
import { DraftError } from '../errors.js';
import type { Database } from './database.js';
import type { Actor } from '../auth/roles.js';

export interface StoredConversation {
  id: string;
  draftId: string | null;
  templateId: string | null;
  intake: Intake;
}

/**
 * Conversations and their messages, beside the drafts in the same database. A conversation is its
 * author's: another user, in the office or not, finds none (404).
 */
export class ConversationStore {
  constructor(private readonly db: Database) {}

  private get q() {
    return this.db.kysely;
  }

  async create(actor: Actor, intake: Intake, draftId: string | null = null, templateId: string | null = null): Promise<StoredConversation> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.q
      .insertInto('conversations')
      .values({
        id,
        draft_id: draftId,
        template_id: templateId,
        intake_json: JSON.stringify(intake),
        created_at: now,
        updated_at: now,
        office_id: actor.officeId,
        owner_id: actor.userId,
      })
      .execute();
    // The draft's standing names the conversation that made it.
    if (draftId) this.db.changes.publish('draft', draftId);
    return { id, draftId, templateId, intake };
  }

  async get(actor: Actor, id: string): Promise<StoredConversation> {
    const row = await this.q
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      .where('office_id', '=', actor.officeId)
      .where('owner_id', '=', actor.userId)
      .executeTakeFirst();
    if (!row) throw new DraftError('not_found', 'Không tìm thấy cuộc trao đổi này.');
    return { id: row.id, draftId: row.draft_id, templateId: row.template_id, intake: JSON.parse(row.intake_json) as Intake };
  }

  async findByDraft(actor: Actor, draftId: string): Promise<StoredConversation | null> {
    const row = await this.q
      .selectFrom('conversations')
      .select('id')
      .where('draft_id', '=', draftId)
      .where('office_id', '=', actor.officeId)
      .where('owner_id', '=', actor.userId)
      .executeTakeFirst();
    return row ? this.get(actor, row.id) : null;
  }

  async save(c: StoredConversation): Promise<void> {
    await this.q
      .updateTable('conversations')
      .set({ draft_id: c.draftId, template_id: c.templateId, intake_json: JSON.stringify(c.intake), updated_at: new Date().toISOString() })
      .where('id', '=', c.id)
      .execute();
    if (c.draftId) this.db.changes.publish('draft', c.draftId);
  }

  async addMessage(conversationId: string, role: Message['role'], text: string, suggestions?: string[]): Promise<Message> {
    const createdAt = new Date().toISOString();
    const row = await this.q
      .insertInto('conversation_messages')
      .values({ conversation_id: conversationId, role, text, suggestions_json: suggestions?.length ? JSON.stringify(suggestions) : null, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), role, text, createdAt, ...(suggestions?.length ? { suggestions } : {}) };
  }

  async messages(conversationId: string): Promise<Message[]> {
    const rows = await this.q.selectFrom('conversation_messages').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      role: r.role,
      text: r.text,
      createdAt: r.created_at,
      ...(r.suggestions_json ? { suggestions: JSON.parse(r.suggestions_json) as string[] } : {}),
    }));
  }
}
