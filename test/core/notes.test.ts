// The notes that are a table or remembered by key, against the sentences written out.
import { describe, expect, it } from 'vitest';
import { activationNotes } from '../../src/core/activations.js';
import { budget } from '../../src/core/budget.js';
import { BYTES, dtypeNotes } from '../../src/core/dtypes.js';
import { memoryContext } from '../../src/core/estimate.js';
import { countFlops } from '../../src/core/flops.js';
import type { Gpu } from '../../src/core/gpus.js';
import { memoryNotes, memoryOf } from '../../src/core/memory.js';
import { statesNotes } from '../../src/core/model-states.js';
import { gpt2Style, llamaStyle, specOf } from './spec-fixtures.js';

describe('dtype notes', () => {
  it.each(['fp32', 'tf32', 'fp16', 'bf16'] as const)('%s', (d) => {
    expect(dtypeNotes(d)).toEqual([`${d} weights: ${BYTES[d]} B/param`]);
  });
});

// Notes that recur are built once per key: each against the sentence written out for many keys, twice
// (the second time from the cache), and past the cache's bound.
describe('remembered notes', () => {
  const bare = { kind: 'bare' as const, params: 7e9 };
  const gpu = (name: string, memory: number): Gpu => ({
    id: name,
    name,
    aliases: [],
    memory,
    bandwidth: 1e12,
    flops: { bf16: 1e15 },
    source: 'test',
  });
  it('memory: capacity by GPU name and bytes, total by GPU count', () => {
    for (let round = 0; round < 2; round++)
      for (let gpus = 1; gpus <= 1500; gpus += round ? 7 : 1) {
        const g = gpu(`G${gpus % 300}`, 1e9 * (1 + (gpus % 5)));
        expect(memoryNotes(specOf(bare, { gpus }), g)).toEqual([
          `${g.name}: ${g.memory} B as the driver reports it; 1 GiB per GPU counted for the CUDA context and allocator reserve`,
          `total = per device × ${gpus} GPU${gpus === 1 ? '' : 's'}`,
        ]);
      }
  });
  it('training activations by bits, gated MLP and micro-batch; ZeRO by stage and dp; optimizer; Chinchilla', () => {
    const dense = gpt2Style({ d: 64, layers: 2, heads: 4 });
    const gated = llamaStyle({ d: 64, layers: 2, heads: 4, ffn: 172 });
    for (let round = 0; round < 2; round++)
      for (let batch = 1; batch <= 1200; batch++) {
        for (const [m, dtype] of [
          [dense, 'bf16'],
          [gated, 'fp32'],
        ] as const) {
          const glu = m === gated ? ' (fused gated MLP: gate, up and product stored)' : '';
          const spec = specOf(m, { mode: 'train', batch, dtype });
          expect(activationNotes(spec)[0]).toBe(
            `training activations per Korthikanti et al. 2022 (Table 2), ${dtype === 'fp32' ? 32 : 16}-bit, per micro-batch of ${batch}, generalised to this architecture${glu}`,
          );
        }
        const zero = ((batch % 3) + 1) as 1 | 2 | 3;
        const sharded = [
          '',
          'optimizer states',
          'optimizer states and gradients',
          'optimizer states, gradients and weights',
        ];
        const s = specOf(bare, { mode: 'train', optimizer: 'adam8bit', zero, gpus: batch });
        const notes = statesNotes(s);
        // At dp = 1 the grammar says instead that ZeRO shards nothing (grammar/settings.ts).
        const zeroNote = `ZeRO-${zero} shards ${sharded[zero]} over the data-parallel degree dp = gpus/(tp·pp) = ${batch}`;
        if (batch > 1) expect(notes).toContain(zeroNote);
        else expect(notes.some((n) => n.startsWith('ZeRO-'))).toBe(false);
        expect(notes).toContain('adam8bit: 2 B of optimizer state per trainable param (block scales negligible)');
        const total = batch * 1_000_003;
        const params = { total, active: batch % 2 ? total : total / 2, trainable: total, breakdown: [] };
        const flops = countFlops(s, params);
        const mem = memoryOf(s, memoryContext(s, null));
        expect(budget(s, params, flops, mem, null).notes[0]).toBe(
          `Chinchilla: compute-optimal tokens = 20 × ${total} total params${params.active < total ? ' (total, not active: the law was fitted on dense models)' : ''}`,
        );
      }
  });
});
