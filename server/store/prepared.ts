import { createHash } from 'node:crypto';
import type { Compilable, Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Schema } from './schema.js';

/** A value standing for a parameter while the query is built once; no real value looks like it. */
const placeholder = (name: string) => `\u0000soanthao-param:${name}\u0000`;

/**
 * A read that runs on every request (a draft's standing, a session) built and compiled once, then
 * run with each request's values. Building and compiling a Kysely query costs several times what
 * SQLite takes to answer it, and PostgreSQL would parse and plan it again each time; the SQL is the
 * builder's own, so both dialects stay right.
 *
 * `build` receives the query builder and placeholders in place of the values, and must use each
 * placeholder only as a value (`where x = param`), never inside SQL text; values the builder put in
 * itself stay as they were.
 */
export function preparedQuery<Args extends Record<string, string | number>, Row>(
  db: Database,
  build: (kysely: Kysely<Schema>, args: Args) => Compilable<Row>,
): (args: Args) => Promise<Row[]> {
  let compiled: { name: string; sql: string; values: ((args: Args) => unknown)[] } | null = null;
  return async (args) => {
    if (!compiled) {
      const names = Object.keys(args);
      const stand = Object.fromEntries(names.map((n) => [n, placeholder(n)])) as unknown as Args;
      const query = build(db.kysely, stand).compile();
      if (names.some((n) => query.sql.includes(placeholder(n)))) throw new Error('preparedQuery: a parameter was written into the SQL text');
      const values = query.parameters.map((p) => {
        const name = names.find((n) => p === placeholder(n));
        return name === undefined ? () => p : (a: Args) => a[name];
      });
      // Named by its text: the same query prepared by two stores is one statement.
      const name = `soanthao_${createHash('sha256').update(query.sql).digest('hex').slice(0, 24)}`;
      compiled = { name, sql: query.sql, values };
    }
    const { name, sql, values } = compiled;
    return db.runPrepared<Row>(name, sql, values.map((v) => v(args)));
  };
}
