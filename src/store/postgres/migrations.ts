// PostgreSQL's schema as numbered steps, applied at start under an advisory lock (./migrate.ts). A step is
// never edited once released: a change is a new step. Times are epoch milliseconds (bigint), as in SQLite.
// Turn writes are functions, so a turn is one round trip and one transaction however many rows it touches.
import type { Migration } from '../migrations.js';

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'threads, variants, rate windows, event claims, last specs',
    sql: `
      CREATE TABLE threads (
        id bigserial PRIMARY KEY,
        platform text NOT NULL,
        channel text NOT NULL,
        thread text NOT NULL,
        base text NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        UNIQUE (platform, channel, thread)
      );
      CREATE INDEX threads_by_update ON threads (updated_at);
      CREATE TABLE variants (
        thread_id bigint NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
        n integer NOT NULL,
        input text NOT NULL,
        at bigint NOT NULL,
        "user" text NOT NULL,
        details text,
        PRIMARY KEY (thread_id, n)
      );
      -- One row per user: the times of their requests inside the current window.
      CREATE TABLE rate_windows (
        user_key text PRIMARY KEY,
        hits bigint[] NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE INDEX rate_windows_by_expiry ON rate_windows (expires_at);
      -- A delivery being answered (owner, lease) or answered (done); kept an hour for redeliveries.
      CREATE TABLE event_claims (
        id text PRIMARY KEY,
        owner text NOT NULL,
        lease_until bigint NOT NULL,
        done boolean NOT NULL DEFAULT false,
        expires_at bigint NOT NULL
      );
      CREATE INDEX event_claims_by_expiry ON event_claims (expires_at);
      CREATE TABLE last_specs (
        user_key text PRIMARY KEY,
        input text NOT NULL,
        at bigint NOT NULL
      );
      CREATE INDEX last_specs_by_at ON last_specs (at);

      -- One turn: create the thread if new, set its base, add the variant under the next number. The row
      -- lock on the thread serialises turns in one thread across replicas; the primary key backs it up.
      CREATE FUNCTION napkin_apply_turn(
        k_platform text, k_channel text, k_thread text,
        new_base text, new_variant text, new_details text, who text, at_ms bigint
      ) RETURNS integer LANGUAGE plpgsql AS $fn$
      DECLARE
        tid bigint;
        next_n integer;
      BEGIN
        INSERT INTO threads (platform, channel, thread, base, created_at, updated_at)
          VALUES (k_platform, k_channel, k_thread, coalesce(new_base, new_variant), at_ms, at_ms)
          ON CONFLICT DO NOTHING;
        SELECT id INTO tid FROM threads
          WHERE platform = k_platform AND channel = k_channel AND thread = k_thread FOR UPDATE;
        UPDATE threads SET base = coalesce(new_base, base), updated_at = at_ms WHERE id = tid;
        IF new_variant IS NULL THEN
          RETURN NULL;
        END IF;
        SELECT coalesce(max(v.n), 0) + 1 INTO next_n FROM variants v WHERE v.thread_id = tid;
        INSERT INTO variants (thread_id, n, input, at, "user", details)
          VALUES (tid, next_n, new_variant, at_ms, who, new_details);
        RETURN next_n;
      END
      $fn$;

      -- A thread that does not exist yet, with its base as variant #1; false (nothing changed) when it does.
      CREATE FUNCTION napkin_start_thread(
        k_platform text, k_channel text, k_thread text, input text, who text, at_ms bigint
      ) RETURNS boolean LANGUAGE plpgsql AS $fn$
      DECLARE
        tid bigint;
      BEGIN
        INSERT INTO threads (platform, channel, thread, base, created_at, updated_at)
          VALUES (k_platform, k_channel, k_thread, input, at_ms, at_ms)
          ON CONFLICT DO NOTHING RETURNING id INTO tid;
        IF tid IS NULL THEN
          RETURN false;
        END IF;
        INSERT INTO variants (thread_id, n, input, at, "user") VALUES (tid, 1, input, at_ms, who);
        RETURN true;
      END
      $fn$;

      -- A sliding-window rate limit: 0 when the request may be answered (and is counted), else how many
      -- milliseconds until it could be. The row lock makes replicas count one user's requests in turn.
      CREATE FUNCTION napkin_rate_take(k text, now_ms bigint, window_ms bigint, lim integer)
      RETURNS bigint LANGUAGE plpgsql AS $fn$
      DECLARE
        h bigint[];
      BEGIN
        INSERT INTO rate_windows (user_key, hits, expires_at) VALUES (k, '{}', now_ms + window_ms)
          ON CONFLICT DO NOTHING;
        PERFORM 1 FROM rate_windows WHERE user_key = k FOR UPDATE;
        SELECT coalesce(array_agg(x ORDER BY x), '{}') INTO h
          FROM rate_windows r, unnest(r.hits) x
          WHERE r.user_key = k AND x > now_ms - window_ms;
        IF cardinality(h) >= lim THEN
          UPDATE rate_windows SET hits = h, expires_at = h[cardinality(h)] + window_ms WHERE user_key = k;
          RETURN greatest(1, h[1] + window_ms - now_ms);
        END IF;
        UPDATE rate_windows SET hits = h || now_ms, expires_at = now_ms + window_ms WHERE user_key = k;
        RETURN 0;
      END
      $fn$;
    `,
  },
];
