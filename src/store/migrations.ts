// The schema as numbered steps. A step is never edited once released: a change is a new step, so a
// database written by any earlier napkin upgrades in place at start-up (src/store/db.ts runs them).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'threads and variants',
    // Only what issue 7 allows: where the thread is, its base input and times; per variant the input,
    // the time and the user id. `n` numbers variants per thread so `base #N` and `history` agree.
    sql: `
      CREATE TABLE threads (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
        channel TEXT NOT NULL,
        thread TEXT NOT NULL,
        base TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (platform, channel, thread)
      );
      CREATE TABLE variants (
        thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        input TEXT NOT NULL,
        at INTEGER NOT NULL,
        user TEXT NOT NULL,
        PRIMARY KEY (thread_id, n)
      ) WITHOUT ROWID;
      CREATE INDEX threads_by_update ON threads (updated_at);
    `,
  },
  {
    version: 2,
    name: 'platform as free text; turns keep their details',
    // A new chat platform is one adapter, not a migration: the CHECK list goes. SQLite cannot drop a
    // constraint, so both tables are rebuilt (variants first, so dropping threads cascades to nothing);
    // renaming threads2 rewrites the reference in variants2. `details` holds what a turn answered.
    sql: `
      CREATE TABLE threads2 (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        channel TEXT NOT NULL,
        thread TEXT NOT NULL,
        base TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (platform, channel, thread)
      );
      INSERT INTO threads2 SELECT id, platform, channel, thread, base, created_at, updated_at FROM threads;
      CREATE TABLE variants2 (
        thread_id INTEGER NOT NULL REFERENCES threads2 (id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        input TEXT NOT NULL,
        at INTEGER NOT NULL,
        user TEXT NOT NULL,
        details TEXT,
        PRIMARY KEY (thread_id, n)
      ) WITHOUT ROWID;
      INSERT INTO variants2 (thread_id, n, input, at, user) SELECT thread_id, n, input, at, user FROM variants;
      DROP TABLE variants;
      DROP TABLE threads;
      ALTER TABLE threads2 RENAME TO threads;
      ALTER TABLE variants2 RENAME TO variants;
      CREATE INDEX threads_by_update ON threads (updated_at);
    `,
  },
];
