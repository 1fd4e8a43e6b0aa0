// Mamba-1 selective state-space mixer (Gu & Dao 2023, arXiv:2312.00752 §3; HF MambaMixer).
import type { Mamba1 } from './types.js';
import { type Kind, type Tensor, tensor } from './kind.js';

/** The selective scan: ≈ 7 FLOPs per inner channel and state entry per token (Megatron-LM training.py mamba_layer_flops). */
export const scanFlops = (inner: number, state: number): number => 7 * inner * state;

export const mamba1: Kind<Mamba1> = {
  label: (m) => `Mamba inner ${m.inner} state ${m.state}`,
  tensors(m, d, _norm, L) {
    const out: Tensor[] = [tensor('mamba', d, 2 * m.inner, L, 'col')]; // in_proj → x, z
    if (m.bias) out.push(tensor('mamba', 2 * m.inner, 1, L, 'col'));
    // conv1d: depthwise, inner channels × kernel (2·inner·conv FLOPs per token, as a matmul of that size).
    out.push(tensor('mamba', m.inner, m.conv, L, 'col'));
    if (m.convBias) out.push(tensor('mamba', m.inner, 1, L, 'col'));
    out.push(
      tensor('mamba', m.inner, m.dtRank + 2 * m.state, L, 'col'), // x_proj → Δ, B, C
      tensor('mamba', m.dtRank, m.inner, L, 'col'), // dt_proj
      tensor('mamba', m.inner, 1, L, 'col'), // dt_proj bias
      tensor('mamba', m.inner, m.state, L, 'col', false), // A_log: read by the scan, not a matmul
      tensor('mamba', m.inner, 1, L, 'col', false), // D
      tensor('mamba', m.inner, d, L, 'row'), // out_proj
    );
    if (m.bias) out.push(tensor('mamba', d, 1, L, 'rep'));
    // JambaMambaMixer: dt_layernorm, b_layernorm, c_layernorm (RMSNorm weights).
    if (m.innerNorms) out.push(tensor('norms', m.dtRank + 2 * m.state, 1, L, 'rep'));
    return out;
  },
  flops: (m) => scanFlops(m.inner, m.state),
  saved(m, a) {
    const sb = a.s * a.b;
    // The input; x and z, the conv output, Δ/B/C, Δ after dt_proj, the scan output and the gated output.
    // The scan's hidden states are recomputed in the backward pass, not stored (Gu & Dao 2023 §3.3.2).
    return {
      replicated: a.A * sb * a.d + a.M * sb * a.d,
      split: a.A * sb * (6 * m.inner + m.dtRank + 2 * m.state),
      quadratic: 0,
    };
  },
  working: (m, a) => 2 * a.A * a.s * a.b * a.d + (a.A * a.s * a.b * 4 * m.inner) / a.tp,
  // A fixed state per sequence: the last conv−1 inputs of each channel and the inner × state SSM state
  // (vLLM MambaStateShapeCalculator.mamba1_state_shape), whatever the length.
  cache: (m) => ({ per: 'sequence', elements: (m.conv - 1) * m.inner + m.inner * m.state, tpDiv: (tp) => tp }),
  splits: (m, t) => m.inner % t === 0,
  lora: (m, d) => [
    ['in_proj', d, 2 * m.inner, 1],
    ['x_proj', m.inner, m.dtRank + 2 * m.state, 1],
    ['dt_proj', m.dtRank, m.inner, 1],
    ['out_proj', m.inner, d, 1],
  ],
};
