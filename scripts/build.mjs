// Bundles the TypeScript sources into dist/ with esbuild (Node 20 cannot run .ts itself).
// Chat SDKs and other packages stay external and are imported lazily, so a CLI answer loads none of them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

// Chevrotain is the one package bundled in, from its single-file build: its package entry is hundreds of
// small ES modules (lodash-es among them), and resolving and loading them was most of a CLI answer's time.
const chevrotain = join(dirname(createRequire(import.meta.url).resolve('chevrotain')), '..', 'chevrotain.mjs');

await build({
  // The chart renderer is an entry of its own, started from dist/ beside the CLI's chunks, which it shares.
  entryPoints: {
    cli: 'src/cli.ts',
    'chart-worker': 'src/conversation/chart-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  alias: { chevrotain },
  sourcemap: true,
  logLevel: 'warning',
});
