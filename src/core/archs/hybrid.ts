// Attention / state-space hybrids. Jamba (HF JambaForCausalLM): attention every attn_layer_period-th layer
// at an offset, Mamba-1 (with Δ/B/C norms) elsewhere, a mixture of experts every expert_layer_period-th.
// Nemotron-H (HF NemotronHForCausalLM): one block per hybrid_override_pattern symbol, each a norm + one of
// Mamba-2 (M), attention (*), a squared-ReLU MLP (-) or MoE (E).
import type { Attention, ChannelMixer, Layer, Mamba1, Mamba2, TokenMixer, TransformerModel } from '../layers/types.js';
import { attention, decoder, layer, mlp, moe, perLayer } from './parts.js';

export interface JambaShape {
  family: string;
  d: number;
  layers: number;
  vocab: number;
  heads: number;
  kvHeads: number;
  ffn: number;
  experts: number;
  topk: number;
  attnPeriod: number;
  attnOffset: number;
  expertPeriod: number;
  expertOffset: number;
  state: number;
  expand: number;
  conv: number;
  dtRank: number;
  convBias: boolean;
  projBias: boolean;
  tied: boolean;
  maxSeq: number;
}

export function jamba(s: JambaShape): TransformerModel {
  const attn = attention({ heads: s.heads, kvHeads: s.kvHeads, headDim: s.d / s.heads });
  const ssm: Mamba1 = {
    kind: 'mamba1',
    inner: s.expand * s.d,
    state: s.state,
    conv: s.conv,
    dtRank: s.dtRank,
    bias: s.projBias,
    convBias: s.convBias,
    innerNorms: true,
  };
  const dense = mlp(s.ffn);
  const sparse = moe({ experts: s.experts, topk: s.topk, ffn: s.ffn });
  const layers = perLayer(s.layers, (i) =>
    layer(
      i % s.attnPeriod === s.attnOffset ? attn : ssm,
      s.experts > 1 && i % s.expertPeriod === s.expertOffset ? sparse : dense,
    ),
  );
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq, position: 'none', tied: s.tied },
    layers,
  );
}

export interface NemotronHShape {
  family: string;
  d: number;
  vocab: number;
  /** hybrid_override_pattern: one symbol per block. */
  pattern: readonly string[];
  attention: Partial<Attention> & { heads: number; headDim: number };
  mamba: Omit<Mamba2, 'kind'>;
  ffn: number;
  mlpBias: boolean;
  moe?: { experts: number; topk: number; ffn: number; sharedFfn: number };
  tied: boolean;
  maxSeq: number;
}

export function nemotronH(s: NemotronHShape): TransformerModel {
  const attn = attention(s.attention);
  const ssm: Mamba2 = { kind: 'mamba2', ...s.mamba };
  // NemotronHMLP: up_proj → squared ReLU → down_proj (two matrices, as ReLU's).
  const dense = mlp(s.ffn, 'relu', s.mlpBias);
  const sparse = s.moe
    ? moe({ ...s.moe, activation: 'relu', shared: s.moe.sharedFfn > 0 ? 1 : 0, sharedFfn: s.moe.sharedFfn })
    : dense;
  const blockOf = (c: string): Layer => {
    const token: TokenMixer | null = c === 'M' ? ssm : c === '*' ? attn : null;
    const channel: ChannelMixer | null = c === '-' ? dense : c === 'E' ? sparse : null;
    return layer(token, channel, 1);
  };
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq, position: 'none', tied: s.tied },
    perLayer(s.pattern.length, (i) => blockOf(s.pattern[i])),
  );
}
