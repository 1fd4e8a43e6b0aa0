// Builds test/store/child-thread.ts into one ESM file (Node 20 cannot run .ts) and runs it.
import { spawn, type SpawnOptions } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** The bundled child, under node_modules/ so its packages resolve (and another user can read it). */
export async function buildChild(name: string): Promise<string> {
  const outdir = join(root, 'node_modules', '.cache', 'napkin-test');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'test/store/child-thread.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

export function runChild(file: string, args: string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** Run to completion; resolves with stdout, stderr and the exit code. */
export function runToEnd(file: string, args: string[], options: SpawnOptions = {}) {
  const child = runChild(file, args, options);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return new Promise<{ out: string; err: string; code: number | null }>((done) =>
    child.on('close', (code) => done({ out, err, code })),
  );
}
