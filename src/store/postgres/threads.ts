// Thread rows in PostgreSQL, behind the repository interface: shared by every replica and shard that
// points at the same server. Each turn is one call of napkin_apply_turn (one transaction; turn numbers
// unique per thread, ./migrations.ts); reads are two indexed queries.
import type { ThreadKey } from '../../model/thread.js';
import { ADOPT_SKEW_MS, PENDING, type StoredTurn, type ThreadRepository } from '../repository.js';
import { describeUrl, type Pool, pgFailure, pgLasting } from './pool.js';

const where = (k: ThreadKey) => [k.platform, k.channel, k.thread];
const FIND = 'SELECT id, base FROM threads WHERE platform = $1 AND channel = $2 AND thread = $3';

export function pgThreads(pool: Pool, url: string): ThreadRepository {
  let closed: Promise<void> | undefined;
  const find = async (key: ThreadKey) =>
    (await pool.query(FIND, where(key))).rows[0] as { id: number; base: string } | undefined;
  return {
    name: describeUrl(url),
    async thread(key) {
      const r = await pool.query(
        `SELECT t.base, v.n, v.input, v.at, v."user" FROM threads t LEFT JOIN variants v ON v.thread_id = t.id
         WHERE t.platform = $1 AND t.channel = $2 AND t.thread = $3 ORDER BY v.n`,
        where(key),
      );
      if (!r.rows.length) return undefined;
      const variants = r.rows.filter((row) => row.n !== null).map(({ n, input, at, user }) => ({ n, input, at, user }));
      return { base: r.rows[0].base, variants };
    },
    async turn(key, n) {
      const r = await pool.query(
        `SELECT v.n, v.input, v.at, v."user", v.details FROM threads t JOIN variants v ON v.thread_id = t.id
         WHERE t.platform = $1 AND t.channel = $2 AND t.thread = $3 AND v.n = $4`,
        [...where(key), n],
      );
      return r.rows[0] as StoredTurn | undefined;
    },
    async applyTurn(key, change, user, at) {
      if (change.base === undefined && change.variant === undefined) return null;
      const r = await pool.query('SELECT napkin_apply_turn($1, $2, $3, $4, $5, $6, $7, $8) AS n', [
        ...where(key),
        change.base ?? null,
        change.variant ?? null,
        change.details ?? null,
        user,
        at,
      ]);
      return r.rows[0].n as number | null;
    },
    async startThread(key, input, user, at) {
      const r = await pool.query('SELECT napkin_start_thread($1, $2, $3, $4, $5, $6) AS started', [
        ...where(key),
        input,
        user,
        at,
      ]);
      return r.rows[0].started as boolean;
    },
    async bindThread(from, to) {
      if (to === null) {
        await pool.query('DELETE FROM threads WHERE platform = $1 AND channel = $2 AND thread = $3', where(from));
        return false;
      }
      try {
        const r = await pool.query(
          'UPDATE threads SET thread = $4 WHERE platform = $1 AND channel = $2 AND thread = $3',
          [...where(from), to],
        );
        return r.rowCount === 1;
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
        await pool.query('DELETE FROM threads WHERE platform = $1 AND channel = $2 AND thread = $3', where(from));
        return false;
      }
    },
    async adoptPending(key, at, windowMs) {
      if (await find(key)) return false;
      try {
        const r = await pool.query(
          `UPDATE threads SET thread = $3 WHERE id = (
             SELECT id FROM threads WHERE platform = $1 AND channel = $2 AND thread LIKE '${PENDING}%'
               AND created_at BETWEEN $4 AND $5 ORDER BY created_at DESC LIMIT 1 FOR UPDATE SKIP LOCKED)`,
          [...where(key), at - windowMs, at + ADOPT_SKEW_MS],
        );
        return r.rowCount === 1;
      } catch (err) {
        // Another replica adopted one for this thread at the same moment: the thread exists now.
        if ((err as { code?: string }).code === '23505') return false;
        throw err;
      }
    },
    async prune(cutoff) {
      const r = await pool.query('DELETE FROM threads WHERE updated_at < $1', [cutoff]);
      return r.rowCount ?? 0;
    },
    describeFailure: pgFailure,
    lasting: pgLasting,
    close() {
      closed ??= pool.end().catch(() => undefined);
      return closed;
    },
  };
}
