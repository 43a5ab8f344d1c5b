import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** A value standing for a parameter while the query is built once; no real value looks like it. */
const placeholder = (name: string) => `\u0000soanthao-param:${name}\u0000`;

/**
 * A read that runs on every request (a draft's standing, a session) built and compiled once, then
 * run with each request's values. Building and compiling a Kysely query costs several times what
 * SQLite takes to answer it; the SQL is the builder's own, so both dialects stay right.
 *
 * `build` receives placeholders in place of the values and must use each only as a value (`where
 * x = param`), never inside SQL text; values the builder put in itself stay as they were.
 */
export function preparedQuery<Args extends Record<string, string | number>, Row>(
  kysely: Kysely<Schema>,
  build: (args: Args) => Compilable<Row>,
): (args: Args) => Promise<Row[]> {
  let compiled: { sql: string; values: ((args: Args) => unknown)[] } | null = null;
  return async (args) => {
    if (!compiled) {
      const names = Object.keys(args);
      const stand = Object.fromEntries(names.map((n) => [n, placeholder(n)])) as unknown as Args;
      const query = build(stand).compile();
      const values = query.parameters.map((p) => {
        const name = names.find((n) => p === placeholder(n));
        return name === undefined ? () => p : (a: Args) => a[name];
      });
      if (names.some((n) => query.sql.includes(placeholder(n)))) throw new Error('preparedQuery: a parameter was written into the SQL text');
      compiled = { sql: query.sql, values };
    }
    const { sql, values } = compiled;
    const result = await kysely.executeQuery<Row>(CompiledQuery.raw(sql, values.map((v) => v(args))));
    return result.rows;
  };
}
