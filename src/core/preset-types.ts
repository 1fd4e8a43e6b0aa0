// The shape of a preset and how its published figure is written: exact when the source gives every digit,
// rounded (checked within the source's rounding) otherwise.
import type { Model, WeightFormat } from './spec.js';

export interface Preset {
  id: string;
  /** Display name, e.g. 'Llama-2-7B'. */
  name: string;
  /** Other spellings: 'llama2 7b', 'llama-2-7b-hf'. Matched case- and separator-insensitively. */
  aliases: string[];
  model: Model;
  /** Context length the model was trained with (the default `seq`). */
  seq: number;
  /** Published parameter count and where it comes from; tests check `model` against it. */
  published: { params: number; exact: boolean; source: string };
  /** Training tokens when published (shown beside the Chinchilla figure). */
  trainedTokens?: number;
  /** What the checkpoint holds beyond the counted modules (an MTP layer, a vision tower), said in the answer. */
  beyond?: string;
  /** How the released checkpoint stores its weights when not in one dtype (gpt-oss: MXFP4 experts, bf16
   * elsewhere): the default until a dtype is written. */
  weights?: WeightFormat;
}

export const exact = (params: number, source: string) => ({ params, exact: true, source });
export const rounded = (params: number, source: string) => ({ params, exact: false, source });
