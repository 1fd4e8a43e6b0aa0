// The `napkin` entry: `napkin <spec>` and `napkin compare A vs B` answer once; `--json <spec>` prints one
// JSON line; `--json -` streams stdin; no arguments start the chat front ends or the console (main.ts).
// No stack trace ever reaches the user: an unexpected failure prints one line and exits 1.
import { dispatch, helpText } from './commands/index.js';
import { runBatch } from './adapters/cli/batch.js';
import { jsonAnswer } from './adapters/cli/batch-lines.js';
import { fdSink } from './adapters/cli/batch-sink.js';
import type { Reply } from './model/reply.js';
import { renderText } from './render/text.js';
import { wantsChart } from './conversation/wants-chart.js';

/** A bug anywhere: one line, status 1. */
function die(err: unknown): never {
  const what = err instanceof Error ? err.message : String(err);
  process.stderr.write(`napkin: unexpected error: ${what.split('\n')[0]}\n`);
  process.exit(1);
}

const gone = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'EPIPE';

let guarded = false;
/**
 * process.stdout, made on first use: on a pipe Node makes the descriptor non-blocking, which `--json -`'s
 * direct writes must not meet. A reader that goes away (`napkin … | head`) is not an error.
 */
function stdout(): NodeJS.WriteStream {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (err) => (gone(err) ? process.exit(0) : die(err)));
  }
  return process.stdout;
}

/** Let output drain before the process ends, so a piped answer is never cut short. */
function finish(code: number): void {
  process.exitCode = code;
}

/** `--chart out.png`: the memory chart of the answer, written beside the text (chart=off skips it). */
async function writeChart(reply: Reply, file: string): Promise<void> {
  if (!wantsChart(reply)) return;
  const [{ writeFileSync }, { memoryChart }] = await Promise.all([
    import('node:fs'),
    import('./conversation/chart-draw.js'),
  ]);
  writeFileSync(file, (await memoryChart(reply.estimates!)).png);
  process.stderr.write(`napkin: memory chart written to ${file}\n`);
}

async function oneShot(text: string, chart: string | null): Promise<number> {
  const reply = await dispatch(text, { platform: 'cli' });
  if (reply.kind === 'error') {
    process.stderr.write(`${renderText(reply)}\n`);
    return reply.error?.error.code === 'internal' ? 1 : 2;
  }
  stdout().write(`${renderText(reply)}\n`);
  if (chart) await writeChart(reply, chart);
  return 0;
}

/** Take `--chart <file>` out of the arguments wherever it is. */
function chartOption(argv: string[]): { chart: string | null; args: string[] } {
  const i = argv.indexOf('--chart');
  if (i === -1) return { chart: null, args: argv };
  return { chart: argv[i + 1] ?? 'napkin-chart.png', args: [...argv.slice(0, i), ...argv.slice(i + 2)] };
}

async function json(args: string[]): Promise<number> {
  if (args.length === 1 && args[0] === '-') {
    try {
      return await runBatch(process.stdin, fdSink(1, stdout));
    } catch (err) {
      if (gone(err)) return 0;
      throw err;
    }
  }
  const { line, ok } = await jsonAnswer(args.join(' '));
  stdout().write(`${line}\n`);
  return ok ? 0 : 2;
}

async function run(all: string[]): Promise<number> {
  const { chart, args: argv } = chartOption(all);
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') {
    stdout().write(`${helpText()}\n`);
    return 0;
  }
  if (first === '--json') {
    if (!rest.length) {
      process.stderr.write('napkin: --json needs a spec, or - to read one spec per line from stdin\n');
      return 2;
    }
    return json(rest);
  }
  if (first === undefined || first.startsWith('--')) {
    stdout();
    const { main } = await import('./main.js');
    return main(argv);
  }
  return oneShot(argv.join(' '), chart);
}

process.on('uncaughtException', die);
process.on('unhandledRejection', die);
run(process.argv.slice(2)).then(finish, die);
