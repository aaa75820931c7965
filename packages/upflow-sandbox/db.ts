/**
 * SQLite (sql.js, in memory) with the sandbox's schema, and its persistence to one file.
 *
 * The whole database lives in memory; after every committed write the file is rewritten
 * atomically (export, write a temp file, rename over the old one), so a restart keeps everything
 * and a crash mid-write leaves the previous file intact. No fsync: the file survives the process
 * being killed, not the machine losing power, which is enough for a local stand-in and keeps a
 * write in the low milliseconds.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue, type Statement } from 'sql.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS organization (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  source_system TEXT NOT NULL,
  api_key TEXT NOT NULL,
  api_secret TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  first_name TEXT,
  last_name TEXT,
  email TEXT NOT NULL,
  position TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dunning_plans (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  mode TEXT,
  entity TEXT
);
CREATE TABLE IF NOT EXISTS customers (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  external_id TEXT UNIQUE,
  name TEXT NOT NULL,
  accounting_ref TEXT,
  vat_number TEXT,
  address_address TEXT,
  address_zipcode TEXT,
  address_city TEXT,
  address_state TEXT,
  address_country TEXT,
  parent_id TEXT REFERENCES customers(id),
  dunning_plan_id TEXT REFERENCES dunning_plans(id),
  custom_fields TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS customers_name ON customers(name);
CREATE INDEX IF NOT EXISTS customers_parent ON customers(parent_id);
CREATE TABLE IF NOT EXISTS customer_account_managers (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members(id),
  rank INTEGER NOT NULL,
  PRIMARY KEY (customer_id, member_id)
);
CREATE TABLE IF NOT EXISTS contacts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  email_lower TEXT NOT NULL UNIQUE,
  first_name TEXT,
  last_name TEXT,
  phone TEXT,
  external_id TEXT,
  position TEXT,
  is_main INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS contacts_customer ON contacts(customer_id, seq);
`;

let sqlJs: Promise<SqlJsStatic> | undefined;
const loadSqlJs = () => (sqlJs ??= initSqlJs());

export type Params = SqlValue[];

export class SandboxDb {
  private db: Database;
  private readonly statements = new Map<string, Statement>();
  private inTransaction = false;
  /** Number of times the file was written, and the time it took (for stats / measurements). */
  readonly persistStats = { writes: 0, totalMs: 0, lastBytes: 0 };

  private constructor(
    private readonly SQL: SqlJsStatic,
    db: Database,
    /** null for ":memory:" */
    readonly file: string | null,
  ) {
    this.db = db;
    this.configure();
  }

  /** Opens (or creates) the database; `isNew` tells whether it has no organisation yet (needs seeding). */
  static async open(file: string): Promise<{ db: SandboxDb; isNew: boolean }> {
    const SQL = await loadSqlJs();
    const path = file === ':memory:' ? null : file;
    let bytes: Uint8Array | undefined;
    if (path && existsSync(path) && statSync(path).size > 0) bytes = readFileSync(path);
    const db = new SandboxDb(SQL, bytes ? new SQL.Database(bytes) : new SQL.Database(), path);
    const isNew = db.get('SELECT 1 AS one FROM organization WHERE id = 1') === undefined;
    return { db, isNew };
  }

  private configure(): void {
    this.db.exec('PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
    this.db.run("INSERT OR IGNORE INTO meta (key, value) VALUES ('schemaVersion', '1')");
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all<T>(sql: string, params: Params = []): T[] {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get<T>(sql: string, params: Params = []): T | undefined {
    const stmt = this.statement(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  run(sql: string, params: Params = []): void {
    const stmt = this.statement(sql);
    try {
      stmt.run(params);
    } finally {
      stmt.reset();
    }
  }

  /**
   * Runs `fn` in one SQL transaction (all or nothing) and, when it commits a change, writes the
   * file before returning (so before the request is answered).
   * `fn` is synchronous on purpose: no other request can interleave with it.
   */
  write<T>(fn: () => T): T {
    if (this.inTransaction) throw new Error('nested write');
    this.inTransaction = true;
    const changesBefore = this.totalChanges();
    this.db.exec('BEGIN');
    let result: T;
    try {
      result = fn();
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.inTransaction = false;
    }
    // A request that changed nothing (e.g. re-importing identical rows) does not rewrite the file.
    if (this.totalChanges() !== changesBefore) this.persist();
    return result;
  }

  /** Rows changed by INSERT/UPDATE/DELETE since the connection opened (no-op updates are avoided by the callers). */
  private totalChanges(): number {
    return this.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0;
  }

  /** Writes the database file atomically (temp file + rename). No-op for ":memory:". */
  persist(): void {
    if (!this.file) return;
    const started = performance.now();
    const bytes = this.db.export();
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, this.file);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean
      }
      throw err;
    }
    this.persistStats.writes += 1;
    this.persistStats.totalMs += performance.now() - started;
    this.persistStats.lastBytes = bytes.length;
  }

  /** Drops everything (a brand-new empty database with the schema); the caller seeds it. */
  wipe(): void {
    this.freeStatements();
    this.db.close();
    this.db = new this.SQL.Database();
    this.configure();
  }

  close(): void {
    this.freeStatements();
    this.db.close();
  }

  private freeStatements(): void {
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
  }
}

/** `(?, ?, ?)` for an IN list. */
export const placeholders = (n: number): string => `(${new Array(n).fill('?').join(', ')})`;
