// GPU catalogue sanity: every entry has what the memory and time estimates need, in the units the code
// assumes (bytes, bytes/s, FLOP/s), and lookups resolve the names people type or paste from nvidia-smi.
import { describe, expect, it } from 'vitest';
import { findGpu, GPUS } from '../../src/core/gpus.js';

const REQUIRED = [
  'a100-40gb',
  'a100-80gb',
  'h100-sxm',
  'h100-pcie',
  'h200',
  'b200',
  'l4',
  'l40s',
  'a10g',
  't4',
  'v100-16gb',
  'v100-32gb',
  'rtx-3090',
  'rtx-4090',
  'mi250x',
  'mi300x',
  'tpu-v4',
  'tpu-v5e',
  'tpu-v5p',
];

describe('GPU catalogue', () => {
  it('has every accelerator the issue names, with unique ids', () => {
    const ids = GPUS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids, id).toContain(id);
  });

  it.each(GPUS.map((g) => [g.id, g] as const))(
    '%s: memory, bandwidth, 16-bit FLOP/s and a source in sane units',
    (_id, g) => {
      // Bytes: between 8 GiB and 256 GiB, a whole number of bytes.
      expect(Number.isInteger(g.memory)).toBe(true);
      expect(g.memory).toBeGreaterThan(8 * 2 ** 30);
      expect(g.memory).toBeLessThan(256 * 2 ** 30);
      // Bytes per second: 100 GB/s to 10 TB/s.
      expect(g.bandwidth).toBeGreaterThan(100e9);
      expect(g.bandwidth).toBeLessThan(10e12);
      const half = g.flops.bf16 ?? g.flops.fp16;
      expect(half).toBeDefined();
      expect(half!).toBeGreaterThan(10e12);
      expect(half!).toBeLessThan(5e15);
      // Dense rates never exceed the next narrower format's rate (fp32 ≤ tf32 ≤ bf16 ≤ fp8).
      const f = g.flops;
      if (f.fp32 && f.tf32) expect(f.fp32).toBeLessThanOrEqual(f.tf32);
      if (f.tf32 && f.bf16) expect(f.tf32).toBeLessThan(f.bf16);
      if (f.bf16 && f.fp8) expect(f.bf16).toBeLessThan(f.fp8);
      expect(g.source.length).toBeGreaterThan(20);
    },
  );

  it('capacities are what the driver reports, not the marketing GB', () => {
    const MiB = 2 ** 20;
    // nvidia-smi memory.total (modal-labs/modal-client#2797, NVIDIA/nccl#1264)
    expect(findGpu('a100-80gb')!.memory).toBe(81920 * MiB);
    expect(findGpu('a100-40gb')!.memory).toBe(40960 * MiB);
    expect(findGpu('h100')!.memory).toBe(85_520_809_984); // 81559 MiB: 85.5 GB, not 80 GB or 80 GiB
    expect(findGpu('h200')!.memory).toBe(143771 * MiB);
    expect(findGpu('mi300x')!.memory).toBe(205_822_885_888); // rocm-smi VRAM Total Memory (B)
  });

  it('dense, not sparse: H100 SXM bf16 989.4 TF, A100 312 TF, fp8 twice bf16 on Hopper', () => {
    expect(findGpu('h100')!.flops.bf16).toBe(989.4e12);
    expect(findGpu('a100')!.flops.bf16).toBe(312e12);
    expect(findGpu('h100')!.flops.fp8! / (2 * 989.4e12)).toBeCloseTo(1, 3); // whitepaper rounds to 1,978.9
    expect(findGpu('t4')!.flops.bf16).toBeUndefined(); // Turing has no bf16
  });
});

describe('findGpu', () => {
  it.each([
    ['H100', 'h100-sxm'],
    ['h100 sxm', 'h100-sxm'],
    ['NVIDIA H100 80GB HBM3', 'h100-sxm'],
    ['H100-PCIe', 'h100-pcie'],
    ['A100', 'a100-80gb'],
    ['a100-80gb', 'a100-80gb'],
    ['A100 80GB', 'a100-80gb'],
    ['a100_40gb', 'a100-40gb'],
    ['NVIDIA A100-SXM4-40GB', 'a100-40gb'],
    ['V100', 'v100-16gb'],
    ['Tesla V100-SXM2-32GB', 'v100-32gb'],
    ['RTX 4090', 'rtx-4090'],
    ['rtx3090', 'rtx-3090'],
    ['L40S', 'l40s'],
    ['MI300X', 'mi300x'],
    ['TPU v5e', 'tpu-v5e'],
    ['v5p', 'tpu-v5p'],
  ])('%s → %s', (name, id) => {
    expect(findGpu(name)?.id).toBe(id);
  });

  it('a count is not part of a name: "8x a100-80gb" is split by the grammar (GpuCount token), not here', () => {
    expect(findGpu('8x a100-80gb')).toBeUndefined();
    expect(findGpu('a100-80gb')?.id).toBe('a100-80gb');
  });

  it('unknown names find nothing', () => {
    expect(findGpu('h900')).toBeUndefined();
  });
});
