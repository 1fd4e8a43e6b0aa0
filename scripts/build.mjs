// Bundles the TypeScript sources into dist/ with esbuild (Node 20 cannot run .ts itself).
// Chat SDKs and other packages stay external and are imported lazily, so a CLI answer loads none of them.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
