import type { Generated } from 'kysely';

/**
 * The tables as queries see them, the same on SQLite and PostgreSQL. A new table is an interface
 * here, a line in `Schema`, and a migration in migrations.ts (for both dialects).
 * Times are ISO-8601 text on both, so they sort and compare the same way everywhere.
 */
export interface DraftTable {
  id: string;
  title: string;
  template_id: string;
  brief_json: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every write to the draft, its paragraphs, revisions or sections' findings. */
  version: Generated<number>;
  /** The cơ quan it belongs to and the user who writes it (`LOCAL` / `local` before accounts). */
  office_id: Generated<string>;
  owner_id: Generated<string>;
  /** 1 when its owner shared it with the office. */
  shared: Generated<number>;
  approved_at: string | null;
  approved_by: string | null;
  /** Deleted drafts are hidden, and kept for the administrator to bring back for 30 days. */
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface SectionTable {
  draft_id: string;
  key: string;
  findings_json: Generated<string>;
  drafted_at: string | null;
}

export interface ParagraphTable {
  id: Generated<number>;
  draft_id: string;
  section_key: string;
  part: number | null;
  position: number;
  current_revision_id: number | null;
}

export interface RevisionTable {
  id: Generated<number>;
  paragraph_id: number;
  seq: number;
  text: string;
  author: 'offline' | 'model' | 'staff';
  provider: string;
  model: string | null;
  prompt_version: string | null;
  instruction: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number | null;
  findings_json: Generated<string>;
  created_at: string;
  /** The numbered sub-section this revision prints under. */
  part: number | null;
}

export interface OfficeProfileTable {
  office_id: string;
  profile_json: string;
  updated_at: string;
}

export interface OfficeTable {
  id: string;
  name: Generated<string>;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  office_id: string;
  role: 'chuyen-vien' | 'van-thu' | 'lanh-dao' | 'quan-tri';
  password_hash: string;
  /** 0 once an administrator disabled the account. */
  active: Generated<number>;
  created_at: string;
  password_changed_at: string;
}

/** Keyed by the SHA-256 of the cookie's token: the token itself is never stored. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** Append-only: the database refuses UPDATE and DELETE on it. */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  office_id: string;
  user_id: string;
  username: string;
  address: string;
  action: string;
  draft_id: string | null;
  paragraph_id: number | null;
  revision_id: number | null;
  detail: Generated<string>;
}

export interface DraftCommentTable {
  id: Generated<number>;
  draft_id: string;
  user_id: string;
  username: string;
  text: string;
  created_at: string;
}

export interface ConversationTable {
  id: string;
  draft_id: string | null;
  template_id: string | null;
  intake_json: string;
  created_at: string;
  updated_at: string;
  office_id: Generated<string>;
  owner_id: Generated<string>;
}

export interface ConversationMessageTable {
  id: Generated<number>;
  conversation_id: string;
  role: 'user' | 'assistant';
  text: string;
  suggestions_json: string | null;
  created_at: string;
}

/** The first answer to a changing request, kept a day under its Idempotency-Key to answer repeats. */
export interface IdempotencyTable {
  key: string;
  /** Method and path: one key may serve different routes. */
  route: string;
  /** Null while the first request is still running. */
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Schema {
  drafts: DraftTable;
  sections: SectionTable;
  paragraphs: ParagraphTable;
  revisions: RevisionTable;
  office_profiles: OfficeProfileTable;
  offices: OfficeTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  draft_comments: DraftCommentTable;
  conversations: ConversationTable;
  conversation_messages: ConversationMessageTable;
  schema_migrations: SchemaMigrationTable;
  idempotency_keys: IdempotencyTable;
}
