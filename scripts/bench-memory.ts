// Child process of the memory row: 100,000 requests through dispatch and the three renderers in a fresh
// process (so the bench's own arrays are not counted), RSS after a full GC at 50,000 and at 100,000.
import { dispatch } from '../src/commands/index.js';
import type { CommandContext } from '../src/commands/command.js';
import type { Reply } from '../src/model/reply.js';
import { renderDiscord } from '../src/render/discord.js';
import { renderSlack } from '../src/render/slack.js';
import { renderText } from '../src/render/text.js';
import { specs } from './bench-specs.js';

const HALF = 50_000;
const list = specs(10_000);
const platforms: [CommandContext, (r: Reply) => unknown][] = [
  [{ platform: 'cli' }, renderText],
  [{ platform: 'discord' }, (r) => renderDiscord(r)],
  [{ platform: 'slack' }, renderSlack],
];

let n = 0;
async function requests(count: number): Promise<void> {
  for (let i = 0; i < count; i++, n++) {
    const [ctx, render] = platforms[n % platforms.length];
    render(await dispatch(list[n % list.length], ctx));
  }
}

/**
 * RSS once garbage is collected (run with --expose-gc), so only memory still held is counted. Twice and a
 * pause, because V8 hands freed pages back on a background thread: one gc() left RSS swinging by ±15 MB.
 */
async function rss(): Promise<number> {
  globalThis.gc?.();
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 300));
  return process.memoryUsage().rss;
}

await requests(HALF);
const rss50k = await rss();
await requests(HALF);
const rss100k = await rss();
process.stdout.write(`${JSON.stringify({ requests: n, rss50k, rss100k })}\n`);
