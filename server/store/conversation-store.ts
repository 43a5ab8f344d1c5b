import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Intake, Message } from '../chat/model.js';
import { DraftError } from '../errors.js';

interface ConversationRow {
  id: string;
  draft_id: string | null;
  template_id: string | null;
  intake_json: string;
}

interface MessageRow {
  id: number;
  role: Message['role'];
  text: string;
  suggestions_json: string | null;
  created_at: string;
}

export interface StoredConversation {
  id: string;
  draftId: string | null;
  templateId: string | null;
  intake: Intake;
}

/** Conversations and their messages, beside the drafts in the same SQLite file. */
export class ConversationStore {
  constructor(private readonly db: Database.Database) {}

  create(intake: Intake, draftId: string | null = null, templateId: string | null = null): StoredConversation {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO conversations (id, draft_id, template_id, intake_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, draftId, templateId, JSON.stringify(intake), now, now);
    return { id, draftId, templateId, intake };
  }

  get(id: string): StoredConversation {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    if (!row) throw new DraftError('not_found', 'Không tìm thấy cuộc trao đổi này.');
    return { id: row.id, draftId: row.draft_id, templateId: row.template_id, intake: JSON.parse(row.intake_json) as Intake };
  }

  findByDraft(draftId: string): StoredConversation | null {
    const row = this.db.prepare('SELECT id FROM conversations WHERE draft_id = ?').get(draftId) as { id: string } | undefined;
    return row ? this.get(row.id) : null;
  }

  save(c: StoredConversation): void {
    this.db
      .prepare('UPDATE conversations SET draft_id = ?, template_id = ?, intake_json = ?, updated_at = ? WHERE id = ?')
      .run(c.draftId, c.templateId, JSON.stringify(c.intake), new Date().toISOString(), c.id);
  }

  addMessage(conversationId: string, role: Message['role'], text: string, suggestions?: string[]): Message {
    const createdAt = new Date().toISOString();
    const info = this.db
      .prepare('INSERT INTO conversation_messages (conversation_id, role, text, suggestions_json, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(conversationId, role, text, suggestions?.length ? JSON.stringify(suggestions) : null, createdAt);
    return { id: Number(info.lastInsertRowid), role, text, createdAt, ...(suggestions?.length ? { suggestions } : {}) };
  }

  messages(conversationId: string): Message[] {
    const rows = this.db.prepare('SELECT * FROM conversation_messages WHERE conversation_id = ? ORDER BY id').all(conversationId) as MessageRow[];
    return rows.map((r) => ({
      id: r.id,
      role: r.role,
      text: r.text,
      createdAt: r.created_at,
      ...(r.suggestions_json ? { suggestions: JSON.parse(r.suggestions_json) as string[] } : {}),
    }));
  }
}
