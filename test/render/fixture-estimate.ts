// A fixed Estimate for the renderer golden files: hand-written, so a change in the core's numbers does
// not churn the goldens, and a change in the renderers shows up as a diff of exactly what users read.
import type { Estimate } from '../../src/core/estimate-types.js';
import type { Spec } from '../../src/core/spec.js';
import { llamaStyle, specOf } from '../core/spec-fixtures.js';

const GiB = 2 ** 30;

export const spec: Spec = specOf(llamaStyle({ d: 4096, layers: 32, heads: 32, ffn: 11008 }), {
  name: 'Llama-2-7B',
  preset: 'llama-2-7b',
  mode: 'train',
  optimizer: 'adamw',
  gpu: 'a100-80gb',
  gpus: 8,
  zero: 3,
  seq: 4096,
  batch: 4,
  tokens: 2e12,
  assumptions: ['mixed precision with an fp32 master copy', 'MFU 40%'],
});

export function fixture(overrides: Partial<Estimate> = {}): Estimate {
  return {
    name: 'Llama-2-7B',
    spec,
    params: {
      total: 6738415616,
      active: 6738415616,
      trainable: 6738415616,
      breakdown: [
        { name: 'embeddings', count: 131072000 },
        { name: 'attention', count: 2147483648 },
        { name: 'mlp', count: 4328521728 },
        { name: 'norms', count: 266240 },
        { name: 'lm head', count: 131072000 },
      ],
    },
    flops: {
      forwardPerToken: 13.5e9,
      trainPerToken: 40.5e9,
      hardwarePerToken: 40.5e9,
      forwardPerSample: 55.3e12,
      train: 8.1e22,
      approx6N: 39.6e9,
      approxPaLM: 46.0e9,
    },
    memory: {
      weights: 1.57 * GiB,
      gradients: 1.57 * GiB,
      optimizer: 9.41 * GiB,
      activations: 30.2 * GiB,
      kvCache: 0,
      overhead: 1 * GiB,
      perDevice: 43.75 * GiB,
      total: 350 * GiB,
      capacity: 79.15 * GiB,
      fits: true,
      headroom: 35.4 * GiB,
      suggestion: null,
    },
    budget: {
      optimalTokens: 134768312320,
      optimalParams: null,
      tokensPerParam: 296.8,
      trainSeconds: 2.03e7,
      gpuHours: 45100,
      decodeTokensPerSecond: null,
      unavailable: null,
    },
    assumptions: ['mixed precision with an fp32 master copy', 'MFU 40%', 'overhead 1 GiB per GPU'],
    solved: null,
    ...overrides,
  };
}
