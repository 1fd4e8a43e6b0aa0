// State-space models: Mamba-1 (HF MambaForCausalLM) and Mamba-2 (HF Mamba2ForCausalLM; mamba_ssm's
// MambaLMHeadModel): each layer a norm and a mixer, no attention, no MLP, no position encoding.
import type { Mamba1, Mamba2, TransformerModel } from '../layers/types.js';
import { decoder, layer, perLayer } from './parts.js';

export interface MambaShape {
  family: string;
  d: number;
  layers: number;
  vocab: number;
  /** state_size (d_state). */
  state: number;
  /** expand × d = the inner width. */
  expand: number;
  conv: number;
  /** time_step_rank; 'auto' = ceil(d / 16). */
  dtRank?: number;
  bias?: boolean;
  convBias?: boolean;
  tied: boolean;
  /** Context for the default seq (Mamba has no position limit; the Pile models trained at 2048). */
  maxSeq?: number;
}

/** time_step_rank "auto": ceil(hidden_size / 16) (HF MambaConfig). */
export const autoDtRank = (d: number): number => Math.ceil(d / 16);

export function mamba(s: MambaShape): TransformerModel {
  const mixer: Mamba1 = {
    kind: 'mamba1',
    inner: s.expand * s.d,
    state: s.state,
    conv: s.conv,
    dtRank: s.dtRank ?? autoDtRank(s.d),
    bias: s.bias ?? false,
    convBias: s.convBias ?? true,
    innerNorms: false,
  };
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq ?? 2048, position: 'none', tied: s.tied },
    perLayer(s.layers, () => layer(mixer, null)),
  );
}

export interface Mamba2Shape {
  family: string;
  d: number;
  layers: number;
  vocab: number;
  state: number;
  expand: number;
  headDim: number;
  groups: number;
  conv: number;
  bias?: boolean;
  convBias?: boolean;
  tied: boolean;
  maxSeq?: number;
}

export function mamba2(s: Mamba2Shape): TransformerModel {
  const mixer: Mamba2 = {
    kind: 'mamba2',
    heads: (s.expand * s.d) / s.headDim,
    headDim: s.headDim,
    groups: s.groups,
    state: s.state,
    conv: s.conv,
    bias: s.bias ?? false,
    convBias: s.convBias ?? true,
  };
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq ?? 2048, position: 'none', tied: s.tied },
    perLayer(s.layers, () => layer(mixer, null)),
  );
}
