#!/usr/bin/env node
// The `napkin` command: the built CLI lives in dist/ (made by `npm install` / `npm run build`).
import('../dist/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    console.error('napkin is not built yet: run `npm install` (or `npm run build`) first.');
  } else {
    console.error(`napkin: ${err?.message ?? err}`);
  }
  process.exit(1);
});
