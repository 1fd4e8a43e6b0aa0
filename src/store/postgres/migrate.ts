// Brings a PostgreSQL database's schema up to date at start. Replicas starting together on an empty
// database take turns through a session advisory lock: the first applies every step (each in the same
// transaction as its record), the others wait, then find nothing pending.
import type { Migration } from '../migrations.js';
import { PG_MIGRATIONS } from './migrations.js';
import type { Pool } from './pool.js';

/** The advisory lock key napkin's migrations hold (any 64-bit number unlikely to clash with another app's). */
export const MIGRATION_LOCK = 0x6e61706b696e; // "napkin"

/** Versions recorded as applied, ascending. */
export async function appliedPgVersions(pool: Pool): Promise<number[]> {
  const exists = await pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok");
  if (!exists.rows[0].ok) return [];
  const r = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
  return r.rows.map((row) => Number(row.version));
}

/** Apply every step not yet recorded; resolves to the versions this call applied. */
export async function migratePg(pool: Pool, migrations: Migration[] = PG_MIGRATIONS): Promise<number[]> {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
      );
      const done = new Set(
        (await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
      );
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new Error(
          `the database has schema version ${newest}, newer than this napkin knows (${known}); upgrade napkin`,
        );
      }
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            m.version,
            m.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
