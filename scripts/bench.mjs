// Bundles the bench (scripts/bench*.ts with the sources they measure) into dist/ with esbuild, then runs
// it. Packages stay external, as in the real build, so Bolt, resvg and SQLite load as they do in use.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: {
    bench: 'scripts/bench.ts',
    'bench-slack-app': 'scripts/bench-slack-app.ts',
    'bench-discord-app': 'scripts/bench-discord-app.ts',
    'bench-memory': 'scripts/bench-memory.ts',
  },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', 'dist/bench.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
