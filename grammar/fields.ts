// The SpecPatch fields that describe the model itself, in one place: presets are overridden by them,
// `vs` and thread variants replace them together, and checks name the first one written.

/** Sizes of a transformer. */
export const ARCH = [
  'd',
  'layers',
  'heads',
  'kvHeads',
  'headDim',
  'ffn',
  'vocab',
  'maxSeq',
  'experts',
  'topk',
] as const;
/** Architecture switches that override a family default. */
export const STYLE = ['activation', 'norm', 'position', 'biases', 'tied'] as const;
/** What names a model on its own: a preset, a family, a bare count, classic layers, or a pasted config. */
export const SOURCES = ['preset', 'family', 'params', 'components', 'model'] as const;
/** Every field that belongs to the model (the rest are settings: dtype, GPUs, batch…). */
export const MODEL_FIELDS = [...SOURCES, ...ARCH, ...STYLE, 'steps', 'kerasBias'] as const;
/** Settings that mean training, in the order their spans are checked; a later `infer` drops them. */
export const TRAINING = ['optimizer', 'lora', 'recompute', 'fp32Grads', 'zero', 'tokens'] as const;
