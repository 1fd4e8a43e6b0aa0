// Dense decoders whose layers a Blueprint cannot describe: OLMo (non-parametric LayerNorms; HF
// OlmoForCausalLM) and OLMo 2 (norms after attention and MLP only, RMSNorm over the whole q and k
// projections; HF Olmo2ForCausalLM).
import type { Attention, Norm, TransformerModel } from '../layers/types.js';
import { attention, decoder, layer, mlp, perLayer } from './parts.js';

export interface DenseShape {
  family: string;
  d: number;
  layers: number;
  vocab: number;
  maxSeq: number;
  ffn: number;
  attention: Partial<Attention> & { heads: number; headDim: number };
  norm: Norm;
  tied: boolean;
}

export function denseDecoder(s: DenseShape): TransformerModel {
  const l = layer(attention(s.attention), mlp(s.ffn));
  return decoder(
    { family: s.family, d: s.d, vocab: s.vocab, maxSeq: s.maxSeq, position: 'rope', norm: s.norm, tied: s.tied },
    perLayer(s.layers, () => l),
  );
}
