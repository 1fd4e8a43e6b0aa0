// Mamba-2 (Dao & Gu 2024, arXiv:2405.21060 §7; HF Mamba2Mixer): one in_proj for z, x, B, C and Δ, a
// depthwise conv over x, B and C, a scalar decay per head, and a gated RMSNorm before out_proj.
import { scanFlops } from './mamba1.js';
import type { Mamba2 } from './types.js';
import { type Kind, normElements, type Tensor, tensor } from './kind.js';

const inner = (m: Mamba2) => m.heads * m.headDim;
/** Channels the conv runs over: x, B and C (intermediate + 2·groups·state). */
const convDim = (m: Mamba2) => inner(m) + 2 * m.groups * m.state;
/** in_proj's output: z, then x·B·C, then Δ per head. */
const proj = (m: Mamba2) => inner(m) + convDim(m) + m.heads;

export const mamba2: Kind<Mamba2> = {
  label: (m) => `Mamba-2 ${m.heads}h×${m.headDim} state ${m.state}`,
  tensors(m, d, _norm, L) {
    const out: Tensor[] = [tensor('mamba', d, proj(m), L, 'col')];
    if (m.bias) out.push(tensor('mamba', proj(m), 1, L, 'col'));
    out.push(tensor('mamba', convDim(m), m.conv, L, 'col'));
    if (m.convBias) out.push(tensor('mamba', convDim(m), 1, L, 'col'));
    out.push(
      tensor('mamba', m.heads, 3, L, 'col', false), // dt_bias, A_log, D: one each per head
      tensor('norms', normElements({ rms: true, bias: false, affine: true }, inner(m)), 1, L, 'col'), // MambaRMSNormGated
      tensor('mamba', inner(m), d, L, 'row'),
    );
    if (m.bias) out.push(tensor('mamba', d, 1, L, 'rep'));
    return out;
  },
  flops: (m) => scanFlops(inner(m), m.state),
  saved(m, a) {
    const sb = a.s * a.b;
    // The input; in_proj's output, the conv output, the scan output and the gated norm's output.
    return {
      replicated: a.A * sb * a.d + a.M * sb * a.d,
      split: a.A * sb * (proj(m) + convDim(m) + 2 * inner(m)),
      quadratic: 0,
    };
  },
  working: (m, a) => 2 * a.A * a.s * a.b * a.d + (a.A * a.s * a.b * (proj(m) + convDim(m) + inner(m))) / a.tp,
  // conv−1 inputs of the conv channels and heads × head_dim × state (vLLM mamba2_state_shape), fixed per sequence.
  cache: (m) => ({
    per: 'sequence',
    elements: (m.conv - 1) * convDim(m) + inner(m) * m.state,
    tpDiv: (tp) => tp,
  }),
  // Megatron's MambaMixer splits heads and groups over TP ranks (ngroups % tp == 0).
  splits: (m, t) => m.heads % t === 0 && m.groups % t === 0,
  lora: (m, d) => [
    ['in_proj', d, proj(m), 1],
    ['out_proj', inner(m), d, 1],
  ],
};
