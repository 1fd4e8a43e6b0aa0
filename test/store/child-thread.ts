// A napkin process for tests that need a real separate process (kill -9, another Unix user):
//   burst <db> <thread> <count>: answers thread messages as fast as it can and prints `done <i> saved`
//     after each answer has returned (so after its write committed);
//   answer <db> <thread> <text>…: answers each text and prints the reply's kind, title and notes as JSON;
//   probe: loads everything and exits (can this user run napkin from this checkout?).
import { openThreads } from '../threads/threads.js';

const [mode, path, thread, ...rest] = process.argv.slice(2);
if (mode === 'probe') process.exit(0);
const key = { platform: 'slack', channel: 'C1', thread };
const store = openThreads({ path, retentionDays: 90 });

const VARIANTS = ['L=40', 'zero3 16xH100', 'seq=8192', 'batch=2', 'L=48', 'seq=2048'];

if (mode === 'burst') {
  const count = Number(rest[0]);
  if (!(await store.state(key))) await store.answer(key, 'llama-2-7b bf16 adamw 8xA100-80GB', 'U0');
  for (let i = 0; i < count; i++) {
    const input = VARIANTS[i % VARIANTS.length];
    const r = await store.answer(key, input, `U${i}`);
    // An answer whose write failed carries the note; the parent expects none.
    const saved = !r.notes.some((n) => n.includes('could not be saved'));
    process.stdout.write(`done ${i} ${saved ? 'saved' : 'unsaved'}\n`);
  }
} else {
  for (const text of rest) {
    const r = await store.answer(key, text, 'U1');
    process.stdout.write(`${JSON.stringify({ kind: r.kind, title: r.title, notes: r.notes })}\n`);
  }
}
await store.close();
