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
];
