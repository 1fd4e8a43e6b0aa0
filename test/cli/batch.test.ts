// `--json -` in process: a consumer that stops reading stops napkin reading too, so the unwritten output
// stays bounded (8 MB plus one batch of 256 lines) however long the input.
import { PassThrough, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/adapters/cli/batch.js';
import { streamSink } from '../../src/adapters/cli/batch-sink.js';

describe('--json - back-pressure', () => {
  it('pauses at 8 MB of unwritten output and finishes once the reader catches up', async () => {
    const input = new PassThrough();
    let stalled = true;
    const held: (() => void)[] = [];
    let written = 0;
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        if (stalled) held.push(done);
        else done();
      },
    });
    const status = runBatch(input, streamSink(output));
    // 20,000 answers of ~2 KB each: ~40 MB if nothing held napkin back.
    input.end(`${Array.from({ length: 20_000 }, (_, i) => `llama-2-7b batch=${(i % 64) + 1}`).join('\n')}\n`);
    await sleep(1500);
    expect(output.writableLength).toBeGreaterThan(8 << 20);
    expect(output.writableLength).toBeLessThan((8 << 20) + 256 * 4096);
    stalled = false;
    for (const done of held.splice(0)) done();
    expect(await status).toBe(0);
    expect(written).toBeGreaterThan(20_000 * 1500);
  });
});
