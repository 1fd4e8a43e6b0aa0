// The shape every weight or cache format shares: exact bits per weight, scales and block headers
// included, with the layout behind the figure and its source.
import type { ComputeDtype } from '../budget.js';

export type FormatFamily = 'float' | 'gguf' | 'microscaling' | 'group' | 'bitsandbytes' | 'exllama';

/** One field of a block as the reference implementation stores it (a C struct member, a tensor buffer). */
export interface Field {
  name: string;
  /** Bits this field takes per block. */
  bits: number;
  what: string;
}

export interface Format {
  /** Canonical lower-case id: 'q4_k', 'mxfp4', 'gptq-int4-g128', 'exl2-4.65'. */
  id: string;
  /** As people write it: 'Q4_K', 'MXFP4', 'GPTQ int4 g128', 'EXL2 4.65 bpw'. */
  name: string;
  family: FormatFamily;
  /** Weights that share one block of scales (1 for plain floats). */
  blockSize: number;
  /** Blocks run along each row's input features (GGUF, MX, GPTQ/AWQ groups) or over the flattened tensor (bitsandbytes). */
  blockAxis: 'row' | 'flat';
  /** The block's fields; their bits sum to blockBits. */
  fields: Field[];
  /** Bits one block takes: Σ fields. */
  blockBits: number;
  /** Exact average: blockBits / blockSize. Excludes only the per-row, per-column and per-tensor extras below. */
  bitsPerWeight: number;
  /** Extras that scale with a matrix's shape, not its size: bits per output row, per input column, per tensor. */
  perRowBits: number;
  perColumnBits: number;
  perTensorBits: number;
  /** The precision the matmuls run in, napkin's assumption for the peak FLOP/s (see budget.ts peakFlops). */
  compute: ComputeDtype;
  /** Layout in words, for `explain dtypes`. */
  layout: string;
  source: string;
}

/** A format from its block: fields → blockBits → bitsPerWeight, and the layout text, in one place. */
export function makeFormat(
  f: Omit<
    Format,
    'blockBits' | 'bitsPerWeight' | 'layout' | 'perRowBits' | 'perColumnBits' | 'perTensorBits' | 'blockAxis'
  > &
    Partial<Pick<Format, 'perRowBits' | 'perColumnBits' | 'perTensorBits' | 'blockAxis'>> & { note?: string },
): Format {
  const blockBits = f.fields.reduce((s, x) => s + x.bits, 0);
  const bitsPerWeight = blockBits / f.blockSize;
  const parts = f.fields.map((x) => `${x.name} ${x.bits % 8 === 0 ? `${x.bits / 8} B` : `${x.bits} bits`} (${x.what})`);
  const per = f.blockSize === 1 ? 'per weight' : `per block of ${f.blockSize}`;
  const layout = `${f.name}: ${parts.join(' + ')} = ${blockBits} bits ${per} = ${+bitsPerWeight.toFixed(6)} bits/weight${f.note ? `; ${f.note}` : ''}`;
  const { note: _note, ...rest } = f;
  return {
    blockAxis: 'row',
    perRowBits: 0,
    perColumnBits: 0,
    perTensorBits: 0,
    ...rest,
    blockBits,
    bitsPerWeight,
    layout,
  };
}

/** Exact bits of a [rows × cols] weight (rows = output features, cols = input features) in a format. */
// A partial last block is stored whole (GGUF and GPTQ/AWQ require whole blocks; bitsandbytes pads).
export function tensorBits(f: Format, rows: number, cols: number): number {
  const blocks = f.blockAxis === 'flat' ? Math.ceil((rows * cols) / f.blockSize) : rows * Math.ceil(cols / f.blockSize);
  return blocks * f.blockBits + rows * f.perRowBits + cols * f.perColumnBits + f.perTensorBits;
}
