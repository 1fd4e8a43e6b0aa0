// The database layer: pragmas that durability depends on, and migrations that are recorded, idempotent,
// atomic per step, and refuse a schema newer than the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedVersions, migrate, openDb } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'napkin-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: ReturnType<typeof openDb>) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('openDb', () => {
  it('opens a file in WAL mode with normal sync, a busy timeout and foreign keys', () => {
    const db = openDb(join(dir, 'sub', 'napkin.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // NORMAL: commits survive kill -9; the thread store syncs the WAL off the event loop (wal-sync.ts).
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(2000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('runs every migration at start and records it', () => {
    const db = openDb(':memory:');
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(tables(db)).toEqual(['schema_migrations', 'threads', 'variants']);
    db.close();
  });

  it('is idempotent: reopening or migrating again applies nothing and records nothing twice', () => {
    const path = join(dir, 'napkin.db');
    openDb(path).close();
    const db = openDb(path);
    expect(migrate(db)).toEqual([]);
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('upgrades an older database in place, applying only the new step', () => {
    const path = join(dir, 'napkin.db');
    openDb(path).close();
    const next = { version: 3, name: 'test column', sql: 'ALTER TABLE threads ADD COLUMN extra TEXT' };
    const db = openDb(path, { migrations: [...MIGRATIONS, next] });
    expect(appliedVersions(db)).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT extra FROM threads').all()).toEqual([]);
    db.close();
  });

  it('rolls a failing step back whole: neither its tables nor its record remain', () => {
    const path = join(dir, 'napkin.db');
    openDb(path).close();
    const broken = { version: 3, name: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' };
    expect(() => openDb(path, { migrations: [...MIGRATIONS, broken] })).toThrow(/nowhere/);
    const db = openDb(path);
    expect(appliedVersions(db)).toEqual([1, 2]);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  it('refuses a database written by a newer napkin', () => {
    const path = join(dir, 'napkin.db');
    const db = openDb(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('future');
    db.close();
    expect(() => openDb(path)).toThrow(/schema version 99, newer than this napkin knows \(2\)/);
  });
});
