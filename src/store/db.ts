/**
 * The one database interface. Two drivers implement it — PGlite (embedded PostgreSQL in a data
 * directory) and node-postgres (a PostgreSQL server from DATABASE_URL) — so the same SQL and the
 * same repositories run on both.
 */

export type SqlParam = string | number | boolean | null | Date | readonly string[] | Record<string, unknown>;

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Run one parameterised statement and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted by the statement. */
  affected: number;
}

export type DriverName = 'pglite' | 'pg';

export interface Db extends Queryable {
  readonly driver: DriverName;
  /** Where the data lives, for messages: a directory or a URL with the password removed. */
  readonly location: string;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
