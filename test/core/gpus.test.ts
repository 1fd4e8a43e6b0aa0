// GPU catalogue sanity: every entry has what the memory and time estimates need, in the units the code
// assumes (bytes, bytes/s, FLOP/s), and lookups resolve the names people type or paste from nvidia-smi.
import { describe, expect, it } from 'vitest';
import { findGpu, GPUS, genericGpuId, isGeneric } from '../../src/core/gpus.js';

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
  // issue 16 item 5: the cards people ask about
  'rtx-a6000',
  'a40',
  'l40',
  'rtx-5090',
  'h20',
  'gh200-96gb',
  'gh200-144gb',
  'b300',
  'mi325x',
  'mi355x',
  'tpu-v6e',
  'gaudi-3',
  'gb200',
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
      // Bytes: between 8 GiB and 512 GiB, a whole number of bytes.
      expect(Number.isInteger(g.memory)).toBe(true);
      expect(g.memory).toBeGreaterThan(8 * 2 ** 30);
      expect(g.memory).toBeLessThan(512 * 2 ** 30);
      // Bytes per second: 100 GB/s to 10 TB/s.
      expect(g.bandwidth).toBeGreaterThan(100e9);
      expect(g.bandwidth).toBeLessThan(10e12);
      const half = g.flops.bf16 ?? g.flops.fp16;
      expect(half).toBeDefined();
      expect(half!).toBeGreaterThan(10e12);
      expect(half!).toBeLessThan(5e15);
      // Dense rates never exceed the next narrower format's rate (fp32 ≤ tf32 ≤ bf16 ≤ fp8 ≤ fp4).
      const f = g.flops;
      if (f.fp32 && f.tf32) expect(f.fp32).toBeLessThanOrEqual(f.tf32);
      if (f.tf32 && f.bf16) expect(f.tf32).toBeLessThan(f.bf16);
      if (f.bf16 && f.fp8) expect(f.bf16).toBeLessThanOrEqual(f.fp8);
      if (f.fp8 && f.fp4) expect(f.fp8).toBeLessThan(f.fp4);
      if (f.fp32 && f.bf16) expect(f.fp32).toBeLessThan(f.bf16);
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
    // Public nvidia-smi / hl-smi output for the cards added for issue 16.
    expect(findGpu('rtx-a6000')!.memory).toBe(49140 * MiB); // ECC off, the workstation default
    expect(findGpu('a40')!.memory).toBe(46068 * MiB); // ECC on, the data-centre default
    expect(findGpu('l40')!.memory).toBe(46068 * MiB);
    expect(findGpu('rtx-5090')!.memory).toBe(32607 * MiB);
    expect(findGpu('h20')!.memory).toBe(97871 * MiB);
    expect(findGpu('NVIDIA GH200 480GB')!.memory).toBe(97871 * MiB);
    expect(findGpu('NVIDIA GH200 144G HBM3e')!.memory).toBe(146831 * MiB);
    expect(findGpu('NVIDIA B300 SXM6 AC')!.memory).toBe(275040 * MiB);
    expect(findGpu('NVIDIA GB200')!.memory).toBe(189471 * MiB);
    expect(findGpu('HL-325L')!.memory).toBe(131072 * MiB);
    // No driver figure found: the ROCm specification table's GiB.
    expect(findGpu('mi325x')!.memory).toBe(256 * 2 ** 30);
    expect(findGpu('mi355x')!.memory).toBe(288 * 2 ** 30);
  });

  it('dense, not sparse: H100 SXM bf16 989.4 TF, A100 312 TF, fp8 twice bf16 on Hopper', () => {
    expect(findGpu('h100')!.flops.bf16).toBe(989.4e12);
    expect(findGpu('a100')!.flops.bf16).toBe(312e12);
    expect(findGpu('h100')!.flops.fp8! / (2 * 989.4e12)).toBeCloseTo(1, 3); // whitepaper rounds to 1,978.9
    expect(findGpu('t4')!.flops.bf16).toBeUndefined(); // Turing has no bf16
  });

  // Each figure is the datasheet's, halved where it is printed with 2:4 sparsity (source string beside it).
  it.each([
    ['b200', 'fp4', 9000e12], // HGX B200: 144 PF sparse | 72 PF dense per 8 GPUs
    ['b300', 'fp4', 13500e12], // HGX B300: 144 PF sparse | 108 PF dense per 8 GPUs
    ['b300', 'bf16', 2250e12], // 36 PF sparse per 8 GPUs
    ['gb200', 'fp4', 10000e12], // NVL72: 1,440 PF sparse | 720 PF dense per 72 GPUs
    ['gb200', 'bf16', 2500e12], // 360 PF sparse per 72 GPUs
    ['mi355x', 'fp4', 10066.3e12], // MXFP4 10 PF
    ['mi355x', 'fp8', 5033.2e12],
    ['mi325x', 'fp8', 2614.9e12], // 5,229.8 with sparsity
    ['h20', 'fp8', 296e12],
    ['h20', 'bf16', 148e12],
    ['gh200', 'fp8', 1978.9e12], // 3,958 with sparsity
    ['l40', 'fp8', 362e12], // 724 with sparsity
    ['l40', 'bf16', 181.05e12], // 362.1 with sparsity
    ['l40s', 'fp8', 733e12],
    ['a40', 'bf16', 149.7e12], // 299.4 with sparsity
    ['a40', 'int8', 299.3e12],
    ['rtx-a6000', 'bf16', 154.8e12], // 309.7 with sparsity
    ['rtx-5090', 'bf16', 209.5e12], // FP32 accumulate
    ['rtx-5090', 'fp4', 1676e12], // "3,352 AI TOPS" is the sparse figure
    ['tpu-v6e', 'bf16', 918e12],
    ['tpu-v6e', 'int8', 1836e12],
    ['gaudi-3', 'fp8', 1835e12],
    ['h100', 'int8', 1978.9e12],
    ['mi300x', 'int8', 2614.9e12],
  ] as const)('%s %s dense peak = %d FLOP/s', (id, p, value) => {
    expect(findGpu(id)!.flops[p]).toBe(value);
  });

  it('precisions a part lacks are absent, so the time falls back and says so', () => {
    expect(findGpu('h100')!.flops.fp4).toBeUndefined(); // Hopper has no fp4 tensor cores
    expect(findGpu('a40')!.flops.fp8).toBeUndefined(); // Ampere has no fp8
    expect(findGpu('mi355x')!.flops.tf32).toBeUndefined(); // CDNA4 has no TF32 matrix path
    expect(findGpu('b300')!.flops.int8).toBeUndefined(); // Blackwell Ultra cut int8
  });

  it('bandwidths from the datasheets, bytes per second', () => {
    expect(findGpu('rtx-5090')!.bandwidth).toBe(1792e9);
    expect(findGpu('rtx-a6000')!.bandwidth).toBe(768e9);
    expect(findGpu('a40')!.bandwidth).toBe(696e9);
    expect(findGpu('gh200')!.bandwidth).toBe(4e12);
    expect(findGpu('gh200-144gb')!.bandwidth).toBe(4.9e12);
    expect(findGpu('mi325x')!.bandwidth).toBe(6e12);
    expect(findGpu('tpu-v6e')!.bandwidth).toBe(1638e9);
  });

  it('no spelling names two entries', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');
    const owner = new Map<string, string>();
    for (const g of GPUS)
      for (const s of [g.id, g.name, ...g.aliases]) {
        const k = norm(s);
        expect(owner.get(k) ?? g.id, `${s} is spelled by ${owner.get(k)} and ${g.id}`).toBe(g.id);
        owner.set(k, g.id);
      }
  });
});

describe('generic GPU named by its memory (generic:<GiB>)', () => {
  it('generic:24 is 24 GiB, no peak, no bandwidth', () => {
    const g = findGpu('generic:24')!;
    expect(g.id).toBe('generic:24');
    expect(g.memory).toBe(24 * 2 ** 30);
    expect(g.bandwidth).toBeNull();
    expect(g.flops).toEqual({});
    expect(isGeneric(g)).toBe(true);
    expect(isGeneric(findGpu('rtx-4090')!)).toBe(false);
  });
  it('the id the grammar writes round-trips; fractional GiB and case are accepted', () => {
    expect(findGpu(genericGpuId(80))!.memory).toBe(80 * 2 ** 30);
    expect(findGpu('GENERIC:7.5')!.memory).toBe(7.5 * 2 ** 30);
    expect(findGpu('generic:24')).toBe(findGpu('generic:24'));
  });
  it('zero, negative, absurd or malformed sizes find nothing', () => {
    for (const s of ['generic:0', 'generic:-8', 'generic:99999', 'generic:', 'generic:24gb', 'generic24'])
      expect(findGpu(s), s).toBeUndefined();
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
    ['A6000', 'rtx-a6000'],
    ['RTX A6000', 'rtx-a6000'],
    ['A40', 'a40'],
    ['L40', 'l40'],
    ['RTX 5090', 'rtx-5090'],
    ['H20', 'h20'],
    ['GH200', 'gh200-96gb'],
    ['GH200 144GB', 'gh200-144gb'],
    ['B300', 'b300'],
    ['GB200', 'gb200'],
    ['MI325X', 'mi325x'],
    ['MI355X', 'mi355x'],
    ['TPU v6e', 'tpu-v6e'],
    ['Trillium', 'tpu-v6e'],
    ['Gaudi 3', 'gaudi-3'],
    ['gaudi3', 'gaudi-3'],
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
