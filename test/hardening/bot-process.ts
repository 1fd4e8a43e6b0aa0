// napkin as `npm start` runs it (node bin/napkin.js, after the build), in its own process and working
// directory, configured only by the variables given (none from the developer's shell), with every byte
// it writes to stdout and stderr kept for the secret scans.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cleanEnv } from '../cli/spawn.js';

export interface Bot {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved as they arrived. */
  output(): string;
  /** Resolves once `text` has been printed; rejects with the output if the process exits first. */
  printed(text: string, ms?: number): Promise<void>;
  /** Exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A fresh directory: the bot's working directory (its .env, if any) and its database. */
export const workDir = () => mkdtempSync(join(tmpdir(), 'napkin-hardening-'));

export function startBot(env: Record<string, string>, cwd = workDir()): Bot {
  const base = cleanEnv();
  delete base.NAPKIN_DB;
  const child = spawn(process.execPath, [BIN], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = once(child, 'close').then(([code, signal]) => ({ code, signal }) as Awaited<Bot['exited']>);
  const printed = (text: string, ms = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const check = () => out.includes(text) && done();
      const timer = setTimeout(() => done(new Error(`not printed within ${ms} ms: ${text}\n${out}`)), ms);
      listeners.add(check);
      void exited.then(() => done(new Error(`exited before printing ${text}:\n${out}`)));
      check();
    });
  return { child, output: () => out, printed, exited };
}

/** A port the OS says is free (PORT must be a real number: config rejects 0). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Kill whatever is still running at the end of a test file. */
export function reap(bots: Bot[]): void {
  for (const b of bots) if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
}
