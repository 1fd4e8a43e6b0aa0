// A fresh, empty PostgreSQL database on the run's server (./global-setup.ts) for one test or file.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  /** Run SQL as an administrator would (psql), outside napkin. */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

/** CREATE DATABASE on `adminUrl` (default: the run's server); resolves with its URL. */
export async function freshDatabase(adminUrl = inject('pgAdminUrl')): Promise<TestDatabase> {
  const name = `napkin_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const client = new pg.Pool({ connectionString: url, max: 2 });
  client.on('error', () => undefined);
  return {
    url,
    query: (sql, params) => client.query(sql, params as unknown[]),
    async drop() {
      await client.end();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
