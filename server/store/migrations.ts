import type Database from 'better-sqlite3';

/** Versioned schema changes, applied in order once each; never edit one that has shipped, add the next. */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'drafts, sections, paragraphs, revisions',
    sql: `
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        template_id TEXT NOT NULL,
        brief_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sections (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        findings_json TEXT NOT NULL DEFAULT '[]',
        drafted_at TEXT,
        PRIMARY KEY (draft_id, key)
      );
      CREATE TABLE paragraphs (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL,
        section_key TEXT NOT NULL,
        part INTEGER,
        position INTEGER NOT NULL,
        current_revision_id INTEGER,
        UNIQUE (draft_id, section_key, position),
        FOREIGN KEY (draft_id, section_key) REFERENCES sections(draft_id, key) ON DELETE CASCADE
      );
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL CHECK (author IN ('offline', 'model', 'staff')),
        provider TEXT NOT NULL,
        model TEXT,
        prompt_version TEXT,
        instruction TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        latency_ms INTEGER,
        findings_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        UNIQUE (paragraph_id, seq)
      );
      CREATE INDEX drafts_updated ON drafts(updated_at DESC);
    `,
  },
  {
    version: 2,
    name: 'office profile',
    // One cơ quan per installation: a single row, kept as JSON so new profile fields need no migration.
    sql: `
      CREATE TABLE office_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'conversations',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        draft_id TEXT REFERENCES drafts(id) ON DELETE SET NULL,
        template_id TEXT,
        intake_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX conversations_draft ON conversations(draft_id) WHERE draft_id IS NOT NULL;
      CREATE TABLE conversation_messages (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        suggestions_json TEXT,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'the sub-section of a paragraph belongs to each revision',
    // A redraft may move a position to another numbered part; going back to an older revision must
    // bring its part back too, or its text would print under the wrong sub-heading.
    sql: `
      ALTER TABLE revisions ADD COLUMN part INTEGER;
      UPDATE revisions SET part = (SELECT p.part FROM paragraphs p WHERE p.id = revisions.paragraph_id);
    `,
  },
];

export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const apply = db.transaction((m: (typeof MIGRATIONS)[number]) => {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
  });
  for (const m of MIGRATIONS) if (!applied.has(m.version)) apply(m);
  return Math.max(0, ...MIGRATIONS.map((m) => m.version));
}
