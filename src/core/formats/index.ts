// Weight and KV-cache formats as data: format(id) → exact bits per weight with the layout and source.
// The memory estimate does not read these yet (issue 20's integration lane wires them in); see
// gguf-recipes.ts for which tensors llama.cpp's mixes (Q4_K_M …) give a higher type.
import { FLOAT_FORMATS } from './float.js';
import { GGUF_TYPES } from './gguf.js';
import { awq, BNB_INT8, exl2, exl3, gptq, nf4 } from './group.js';
import type { Format } from './types.js';

export { EXL_HEAD_BITS } from './group.js';
export type { Field, Format, FormatFamily } from './types.js';
export { tensorBits } from './types.js';

/** Knobs of the parametrised formats: GPTQ/AWQ group size and bits, EXL2/EXL3 bits per weight. */
export interface FormatParams {
  /** GPTQ/AWQ input channels per scale; 128 when not given. */
  group?: number;
  /** GPTQ weight bits: 2, 3, 4 or 8; 4 when not given. */
  bits?: number;
  /** EXL2 (2–8) / EXL3 (1–8) average bits per weight; required for those. */
  bpw?: number;
}

const FIXED = new Map<string, Format>(
  [...GGUF_TYPES, ...FLOAT_FORMATS, BNB_INT8, nf4(false), nf4(true)].map((f) => [f.id, f]),
);
const GPTQ_BITS = new Set([2, 3, 4, 8]);
const goodGroup = (g: number) => Number.isInteger(g) && g >= 8 && g <= 8192;

/**
 * A format by id, case-insensitive: fp32 bf16 fp16 fp8 mxfp4 nvfp4; the GGUF types (q4_0 … q8_0, q2_k …
 * q8_k, iq1_s … iq4_xs, f16, bf16, f32); int8 (bitsandbytes LLM.int8()), nf4, nf4-dq; gptq, awq and int4
 * (= GPTQ int4) with `group`/`bits`; exl2, exl3 with `bpw`. Undefined for an unknown id or a knob out of range.
 */
export function format(id: string, params: FormatParams = {}): Format | undefined {
  const key = id.trim().toLowerCase();
  const fixed = FIXED.get(key);
  if (fixed) return fixed;
  const group = params.group ?? 128;
  if (key === 'gptq' || key === 'int4') {
    const bits = key === 'int4' ? 4 : (params.bits ?? 4);
    return GPTQ_BITS.has(bits) && goodGroup(group) ? gptq(bits, group) : undefined;
  }
  if (key === 'awq') return goodGroup(group) && (params.bits ?? 4) === 4 ? awq(group) : undefined;
  const bpw = params.bpw;
  if (key === 'exl2') return bpw !== undefined && bpw >= 2 && bpw <= 8 ? exl2(bpw) : undefined;
  if (key === 'exl3') return bpw !== undefined && bpw >= 1 && bpw <= 8 ? exl3(bpw) : undefined;
  return undefined;
}

/** Every fixed-width format id (the parametrised gptq, awq, int4, exl2, exl3 take knobs). */
export const FORMAT_IDS: readonly string[] = [...FIXED.keys(), 'gptq', 'awq', 'int4', 'exl2', 'exl3'];

/** KV-cache element formats: vLLM's --kv-cache-dtype and llama.cpp's -ctk/-ctv. */
const KV = new Map<string, Format>(
  ['f16', 'bf16', 'f32', 'q8_0', 'q4_0', 'q4_1', 'q5_0', 'q5_1', 'iq4_nl'].map((id) => [id, FIXED.get(id)!]),
);
KV.set('fp16', FIXED.get('fp16')!);
KV.set('fp8', FIXED.get('fp8')!);

/**
 * A KV-cache element format: fp8 (vLLM: 1 B, per-layer scales negligible), llama.cpp's q8_0 (34 B per 32),
 * q4_0 (18 B per 32), q4_1, q5_0, q5_1, iq4_nl, and f16/bf16/f32. Blocks run along each token's K or V row.
 */
export const kvFormat = (id: string): Format | undefined => KV.get(id.trim().toLowerCase());
