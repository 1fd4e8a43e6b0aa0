// The dense MLP: up (and gate) d → ffn, down ffn → d. Gated variants (SwiGLU, GeGLU; Shazeer 2020,
// arXiv:2002.05202) hold three matrices, GELU/ReLU two.
import type { Activation, Mlp } from './types.js';
import { type Adaptable, type Kind, type Tensor, tensor } from './kind.js';

export const isGated = (a: Activation): boolean => a === 'swiglu' || a === 'geglu' || a === 'reglu';

/** One MLP's matrices (and biases), × `times` copies of which `active` run per token. */
export function mlpTensors(
  part: string,
  d: number,
  ffn: number,
  activation: Activation,
  bias: boolean,
  times: number,
  shard: 'col' | 'expert',
  active = times,
): Tensor[] {
  const g = isGated(activation) ? 2 : 1;
  const row = shard === 'expert' ? 'expert' : 'row';
  const out = [
    tensor(part, d, ffn, times * g, shard, true, active * g),
    tensor(part, ffn, d, times, row, true, active),
  ];
  if (bias)
    out.push(
      tensor(part, ffn, 1, times * g, shard, true, active * g),
      tensor(part, d, 1, times, shard === 'expert' ? 'expert' : 'rep', true, active),
    );
  return out;
}

/** Stored per token by one MLP for backward: gate, up and their product when gated, else the pre- and post-activation. */
export const mlpStored = (activation: Activation, ffn: number): number => (isGated(activation) ? 3 : 2) * ffn;

/** PEFT's gate_proj/up_proj/down_proj (the gate only when gated), `copies` per layer. */
export const mlpLora = (d: number, ffn: number, activation: Activation, copies: number): Adaptable[] => [
  ...(isGated(activation) ? [['gate', d, ffn, copies] as Adaptable] : []),
  ['up', d, ffn, copies],
  ['down', ffn, d, copies],
];

export const mlp: Kind<Mlp> = {
  label: (m) => `${isGated(m.activation) ? 'gated ' : ''}MLP ${m.ffn}`,
  tensors: (m, d, _norm, L) => mlpTensors('mlp', d, m.ffn, m.activation, m.bias, L, 'col'),
  flops: () => 0,
  saved(m, a) {
    const sb = a.s * a.b;
    // Its input (unless a parallel block shares the attention's), the dropout mask, the intermediates.
    return {
      replicated: (a.sharedInput ? 0 : a.A * sb * a.d) + a.M * sb * a.d,
      split: a.A * sb * mlpStored(m.activation, m.ffn),
      quadratic: 0,
    };
  },
  working: (m, a) => 2 * a.A * a.s * a.b * a.d + (a.A * a.s * a.b * mlpStored(m.activation, m.ffn)) / a.tp,
  cache: () => null,
  splits: () => true,
  lora: (m, d) => mlpLora(d, m.ffn, m.activation, 1),
};
