// Encoder–decoders: T5 (Raffel et al. 2020; HF T5ForConditionalGeneration, also mT5 and umT5) and BART
// (Lewis et al. 2020; HF BartForConditionalGeneration). Two stacks share one token embedding; each
// decoder layer adds cross-attention over the encoder output.
import type { Activation, TransformerModel } from '../layers/types.js';
import { attention, cross, layer, model, perLayer, stack } from './parts.js';

export interface T5Shape {
  family: string;
  d: number;
  /** d_kv: each head's width (inner = heads · d_kv, which need not be d). */
  headDim: number;
  heads: number;
  ffn: number;
  encoderLayers: number;
  decoderLayers: number;
  vocab: number;
  /** relative_attention_num_buckets. */
  buckets: number;
  /** feed_forward_proj: relu (T5 1.0: wi, wo) or gated-gelu (T5 1.1, Flan-T5, mT5: wi_0, wi_1, wo). */
  activation: Activation;
  tied: boolean;
  /** umT5: every layer has its own relative-position bias, not only the first. */
  biasEveryLayer?: boolean;
}

export function t5(s: T5Shape): TransformerModel {
  const attn = (first: boolean) =>
    attention({ heads: s.heads, headDim: s.headDim, relBuckets: first || s.biasEveryLayer ? s.buckets : 0 });
  const ff = { kind: 'mlp' as const, ffn: s.ffn, activation: s.activation, bias: false };
  const enc = perLayer(s.encoderLayers, (i) => layer(attn(i === 0), ff));
  const dec = perLayer(s.decoderLayers, (i) => ({
    ...layer(attn(i === 0), ff, 3),
    cross: cross({ heads: s.heads, headDim: s.headDim }),
  }));
  // T5LayerNorm: a weight, no bias, no mean (RMSNorm); a final norm at the end of each stack.
  return model(
    {
      family: s.family,
      d: s.d,
      vocab: s.vocab,
      maxSeq: 512,
      position: 'relative',
      tied: s.tied,
      dropout: true,
    },
    [stack('encoder', enc), stack('decoder', dec)],
  );
}

export interface BartShape {
  family: string;
  d: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  encoderFfn: number;
  decoderFfn: number;
  vocab: number;
  /** max_position_embeddings; each stack's learned table holds 2 more rows (BartLearnedPositionalEmbedding offset). */
  maxSeq: number;
}

export function bart(s: BartShape): TransformerModel {
  const attn = attention({ heads: s.heads, headDim: s.d / s.heads, qkvBias: true, outBias: true });
  const enc = perLayer(s.encoderLayers, () =>
    layer(attn, { kind: 'mlp', ffn: s.encoderFfn, activation: 'gelu', bias: true }),
  );
  const dec = perLayer(s.decoderLayers, () => ({
    ...layer(attn, { kind: 'mlp', ffn: s.decoderFfn, activation: 'gelu', bias: true }, 3),
    cross: cross({ heads: s.heads, headDim: s.d / s.heads, qkvBias: true, outBias: true }),
  }));
  // No final norm; a LayerNorm on each stack's embeddings (layernorm_embedding); the LM head is the shared embedding.
  const own = { positions: s.maxSeq + 2, embedNorm: true, finalNorm: false };
  return model(
    {
      family: s.family,
      d: s.d,
      vocab: s.vocab,
      maxSeq: s.maxSeq,
      position: 'learned',
      norm: 'layernorm',
      normBias: true,
      tied: true,
      dropout: true,
    },
    [stack('encoder', enc, own), stack('decoder', dec, own)],
  );
}
