// Writes grammar/diagram.html (the railroad diagram, the syntax reference) from the one parser. Chevrotain's diagram page loads its scripts from a CDN;
// here they are inlined from node_modules so the page opens offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Node 20 cannot import .ts: bundle the parser (with chevrotain) in memory and import that.
const entry = `
export { specParser } from './grammar/parser.ts';
export { createSyntaxDiagramsCode } from 'chevrotain';
`;
const out = await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'grammar-entry.ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const code = Buffer.from(out.outputFiles[0].text).toString('base64');
const { specParser, createSyntaxDiagramsCode } = await import(`data:text/javascript;base64,${code}`);

// The package exports only its code; its diagrams/ folder sits beside lib/.
const diagrams = fileURLToPath(new URL('../../diagrams/', import.meta.resolve('chevrotain')));
const read = (path) => readFileSync(join(diagrams, path), 'utf8');
// Inline text must not close the <script> element early.
const safe = (js) => js.replace(/<\/script/gi, '<\\/script');

const BASE = 'inline:/';
const parser = specParser();
let html = createSyntaxDiagramsCode(parser.getSerializedGastProductions(), {
  resourceBase: BASE,
  css: `${BASE}diagrams.css`,
});
html = html
  .replace(`<link rel='stylesheet' href='${BASE}diagrams.css'>`, () => `<style>\n${read('diagrams.css')}\n</style>`)
  .replace(/<script src='inline:\/([^']+)'><\/script>/g, (_, path) => `<script>\n${safe(read(path))}\n</script>`)
  .replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>napkin: shorthand grammar</title>');
if (/(?:src|href)=['"]https?:/i.test(html)) throw new Error('diagram.html still loads something from the network');
writeFileSync('grammar/diagram.html', html);

console.log('wrote grammar/diagram.html');
