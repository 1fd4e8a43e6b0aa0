// The contract through the console adapter: lines typed into runConsole, answers read off its output.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe } from 'vitest';
import { runConsole } from '../../src/adapters/console.js';
import { conversationContract, type Driver } from './contract.js';

let input: PassThrough;
let printed = '';
let done: Promise<void>;

/** Type a line; resolves with what was printed before the next prompt. */
async function type(line: string) {
  const from = printed.length;
  input.write(`${line}\n`);
  for (let waited = 0; waited < 10_000; waited += 5) {
    const end = printed.indexOf('napkin> ', from);
    if (end >= 0) return { text: printed.slice(from, end), private: false };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no answer to ${line}`);
}

let asked = 0;
const driver: Driver = {
  chat: false,
  estimate: (spec) => type(spec),
  change: (spec) => type(spec),
  explain: (topic) => type(`explain ${topic}`),
  inThread: (text) => type(text),
  compare: (a, b) => type(`compare ${a} vs ${b}`),
  quick: () => {
    asked++;
    return type('help');
  },
  get asked() {
    return asked;
  },
};

beforeAll(async () => {
  input = new PassThrough();
  const output = new PassThrough();
  output.on('data', (d) => {
    printed += d;
  });
  done = runConsole(input, output);
  while (!printed.includes('napkin> ')) await new Promise((r) => setTimeout(r, 5));
});
afterAll(async () => {
  input.end();
  await done;
});

describe('console adapter', () => conversationContract(() => driver));
