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
  id: number;
  profile_json: string;
  updated_at: string;
}

export interface ConversationTable {
  id: string;
  draft_id: string | null;
  template_id: string | null;
  intake_json: string;
  created_at: string;
  updated_at: string;
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
  office_profile: OfficeProfileTable;
  conversations: ConversationTable;
  conversation_messages: ConversationMessageTable;
  schema_migrations: SchemaMigrationTable;
  idempotency_keys: IdempotencyTable;
}
