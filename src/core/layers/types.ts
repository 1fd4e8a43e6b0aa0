// The parts a transformer-like model is made of: a model is one or more stacks of layers, a layer is a
// token mixer (attention in its forms, or a state-space mixer) + a channel mixer (an MLP or a mixture of
// experts) + its norms. Each kind is plain data; what it costs lives in its own file beside this one.

/** gelu/relu: a 2-matrix MLP; swiglu/geglu/reglu: gated, 3 matrices (Shazeer 2020, arXiv:2002.05202). */
export type Activation = 'gelu' | 'relu' | 'swiglu' | 'geglu' | 'reglu';
/** nonparametric: OLMo's LayerNorm without weight or bias (OlmoLayerNorm). */
export type Norm = 'layernorm' | 'rmsnorm' | 'nonparametric';
/** learned: a position table; rope/alibi/none: no parameters; relative: T5's bucketed bias (in layer 0). */
export type Position = 'learned' | 'rope' | 'alibi' | 'relative' | 'none';

/** Grouped-query self-attention (MHA when kvHeads = heads, MQA when 1). */
export interface Attention {
  kind: 'attn';
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Biases on the q, k and v projections. */
  qkvBias: boolean;
  /** A bias on the output projection. */
  outBias: boolean;
  /** RMSNorm weights on queries and keys: over head_dim (Qwen3, Gemma 3), or over the whole q and k projections (OLMo 2, OLMoE). */
  qkNorm: 'none' | 'head' | 'full';
  /** gpt-oss: one learned logit per head that takes part in the softmax (attention sinks). */
  sinks: boolean;
  /** Sliding window or chunk: attends to and caches at most this many tokens; null = full. */
  window: number | null;
  /** The window is a chunk (Llama 4): tokens attend within aligned chunks of `window`, not the last `window`. */
  chunked: boolean;
  /** T5: a relative-position bias table of `relBuckets` × heads (only in a stack's first layer); 0 = none. */
  relBuckets: number;
}

/** A decoder's attention over the encoder output (T5, BART): keys and values come from the encoder. */
export interface CrossAttention {
  kind: 'cross';
  heads: number;
  kvHeads: number;
  headDim: number;
  qkvBias: boolean;
  outBias: boolean;
}

/** Multi-head latent attention (DeepSeek-V2 §2.1): queries and keys/values through low-rank latents. */
export interface Mla {
  kind: 'mla';
  heads: number;
  /** Query latent rank (q_lora_rank); 0 = a full-rank q_proj (DeepSeek-V2-Lite). */
  qRank: number;
  kvRank: number;
  /** Decoupled RoPE key/query width per head (qk_rope_head_dim); the key part is shared by all heads. */
  ropeDim: number;
  nopeDim: number;
  vDim: number;
}

/** Mamba-1 selective state-space mixer (Gu & Dao 2023, arXiv:2312.00752). */
export interface Mamba1 {
  kind: 'mamba1';
  inner: number;
  state: number;
  conv: number;
  dtRank: number;
  /** Biases on in_proj and out_proj (use_bias). */
  bias: boolean;
  convBias: boolean;
  /** Jamba: RMSNorms on Δ (dt_rank), B and C (state) inside the mixer. */
  innerNorms: boolean;
}

/** Mamba-2 (SSD, Dao & Gu 2024, arXiv:2405.21060): scalar-decay heads, B and C shared within groups. */
export interface Mamba2 {
  kind: 'mamba2';
  heads: number;
  headDim: number;
  groups: number;
  state: number;
  conv: number;
  bias: boolean;
  convBias: boolean;
}

export type TokenMixer = Attention | CrossAttention | Mla | Mamba1 | Mamba2;

/** A dense MLP: 2 matrices, or 3 when gated (SwiGLU/GeGLU, Shazeer 2020). */
export interface Mlp {
  kind: 'mlp';
  ffn: number;
  activation: Activation;
  bias: boolean;
}

/** A mixture of experts: a router, `experts` MLPs of which `topk` run per token, and shared experts that always run. */
export interface Moe {
  kind: 'moe';
  experts: number;
  topk: number;
  /** Width of each routed expert (moe_intermediate_size). */
  ffn: number;
  activation: Activation;
  /** Biases on each expert's matrices (gpt-oss). */
  bias: boolean;
  /** A bias on the router (gpt-oss). */
  routerBias: boolean;
  /** How many shared experts (DeepSeek's n_shared_experts); 0 = none. */
  shared: number;
  /** Width of the one MLP that holds the shared experts (DeepSeek: n_shared · moe_intermediate_size). */
  sharedFfn: number;
  /** Qwen-MoE: a sigmoid gate d → 1 on the shared expert's output. */
  sharedGate: boolean;
}

export type ChannelMixer = Mlp | Moe;

export interface Layer {
  mixer: TokenMixer | null;
  /** A decoder layer's attention over the encoder (T5, BART); null elsewhere. */
  cross: CrossAttention | null;
  ffn: ChannelMixer | null;
  /** d-wide norms in the layer: 2 (before attention and MLP), 1 (parallel block), 4 (Gemma's sandwich), 3 (a decoder with cross-attention). */
  norms: number;
  /** Attention and MLP read one normed input (Phi-2, Falcon-7B, Cohere): it is stored once. */
  parallel: boolean;
}

/** Decoders cache keys and values; an encoder runs once over its input and caches nothing. */
export type StackRole = 'decoder' | 'encoder';

export interface Stack {
  role: StackRole;
  /** One entry per layer; identical layers may share one object. */
  layers: Layer[];
  /** Rows of this stack's learned position table (0 when positions are not learned). */
  positions: number;
  /** A norm on the summed embeddings (BERT, BLOOM, BART). */
  embedNorm: boolean;
  finalNorm: boolean;
}

export type HeadKind = 'lm' | 'pooler' | 'none' | 'classifier';

/** A transformer (or state-space, or hybrid) model: embeddings, stacks of layers, and a head. */
export interface TransformerModel {
  kind: 'transformer';
  /** A label for names and messages ('llama', 'transformer', 'encoder', 'mamba', 't5', …); nothing is computed from it. */
  family: string;
  d: number;
  vocab: number;
  /** Context the model was built for: the learned table's rows, or max_position_embeddings. */
  maxSeq: number;
  position: Position;
  norm: Norm;
  /** LayerNorm bias (torch.nn.LayerNorm); RMSNorm never has one. */
  normBias: boolean;
  /** BERT: token-type (segment) embedding rows; 0 when absent. */
  typeVocab: number;
  stacks: Stack[];
  /** lm: a vocabulary projection on the last stack; pooler: BERT's d×d + d on [CLS]; classifier: ViT's. */
  head: HeadKind;
  /** The LM head reuses the token embedding matrix. */
  tied: boolean;
  /** Phi-2: the LM head has a bias vector. */
  headBias: boolean;
  /** Whether training applies dropout (GPT/BERT-style) or not (Llama-style): masks in the activations. */
  dropout: boolean;
  /** ViT: patch embedding + class token + classifier head instead of a token vocabulary. */
  vision?: { image: number; patch: number; channels: number; classes: number };
}
