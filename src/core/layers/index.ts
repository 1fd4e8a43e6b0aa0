// The table of layer kinds: a mapped type over the kinds of token and channel mixers, so a new kind does
// not compile until it states every facet (tensors, FLOPs, activations, working set, cache, parallel split).
import { attention } from './attention.js';
import { cross } from './cross.js';
import type { Kind } from './kind.js';
import { mamba1 } from './mamba1.js';
import { mamba2 } from './mamba2.js';
import { mla } from './mla.js';
import { mlp } from './mlp.js';
import { moe } from './moe.js';
import type { ChannelMixer, TokenMixer } from './types.js';

type Mixer = TokenMixer | ChannelMixer;

const KINDS: { [K in Mixer['kind']]: Kind<Extract<Mixer, { kind: K }>> } = {
  attn: attention,
  cross,
  mla,
  mamba1,
  mamba2,
  mlp,
  moe,
};

/** The facets of a mixer's kind. */
export const kindOf = <M extends Mixer>(m: M): Kind<M> => KINDS[m.kind] as unknown as Kind<M>;
