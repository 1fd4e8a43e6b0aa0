// The connection pool to a PostgreSQL server (node-postgres), shared by every query napkin makes there:
// threads, rate-limit windows, event claims, last specs. Timestamps are bigint milliseconds, read back
// as JS numbers (exact below 2^53, i.e. for the next 285,000 years). A server that cannot be reached
// fails a query within seconds instead of hanging an answer.
import pg from 'pg';

export type Pool = pg.Pool;

export interface PoolOptions {
  /** Connections at most (default 10: each replica's answers queue for one briefly rather than flood the server). */
  max?: number;
  /** Operator log for connections that fail while idle (a server restart); default: ignored. */
  report?: (err: unknown) => void;
}

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function openPool(url: string, options: PoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Unreachable or overloaded: fail the operation (the user reads why) rather than keep an answer waiting.
    connectionTimeoutMillis: 3000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'napkin',
    types,
  });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool and replaced on the
  // next query; without a listener its 'error' would crash the process.
  pool.on('error', (err) => options.report?.(err));
  return pool;
}

/** `PostgreSQL user@host:port/database`: where napkin keeps its state, without the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    return `PostgreSQL ${user}${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'PostgreSQL';
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EPIPE',
]);

/** Whether `err` says the server could not be reached or went away (as opposed to refusing the statement). */
export function unreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  const code = String(e?.code ?? '');
  if (UNREACHABLE.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/i.test(
    String(e?.message ?? ''),
  );
}

/** Why a PostgreSQL operation failed, in the words a user reads, from its SQLSTATE or socket error. */
export function pgFailure(err: unknown): string {
  if (unreachable(err)) return 'the database server cannot be reached';
  const code = String((err as { code?: unknown })?.code ?? '');
  if (code === '25006') return 'the database is read-only';
  if (code === '53100') return "the database server's disk is full";
  if (code === '53300') return 'the database server has no free connections';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'the database is busy';
  if (code === '28P01' || code === '28000') return 'the database refused napkin’s credentials';
  return 'the database could not be written';
}

/** Failures that will not pass by themselves: the thread carries on in memory (read-only server, corrupt data). */
export function pgLasting(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  return code === '25006' || code === 'XX001' || code === 'XX002';
}
