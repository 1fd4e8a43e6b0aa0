// Run the built CLI as a user would: `node bin/napkin.js …`, from a directory with no .env and with no
// chat tokens in the environment, so the answer never depends on the developer's machine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/napkin.js');
const CWD = mkdtempSync(join(tmpdir(), 'napkin-cli-'));

/** `npm test` builds first; a lone `vitest run` of this file builds once if dist/ is missing. */
export function ensureBuilt(): void {
  if (!['dist/cli.js', 'dist/chart-worker.js'].every((f) => existsSync(join(ROOT, f))))
    execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT });
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DISCORD_|SLACK_|NAPKIN_|PORT$)/.test(k)) delete env[k];
  return { ...env, NAPKIN_DB: ':memory:', ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function napkin(args: string[], stdin = '', env = cleanEnv()): Promise<Run> {
  return new Promise((done) => {
    const child = spawn('node', [BIN, ...args], { cwd: CWD, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export { CWD };
