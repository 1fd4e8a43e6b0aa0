// Classic networks keep what PyTorch keeps for backward: napkin's walk against saved_tensors_hooks
// measurements of torchvision's ResNet-18/50, VGG-16 and torch.nn's RNNs (fixture: figure and command).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resnet, VGG_CFGS, vgg } from '../../src/core/cnn.js';
import { ACTIVATIONS_EXPLAINER } from '../../src/core/activations.js';
import { estimate } from '../../src/core/estimate.js';
import { networkSaved } from '../../src/core/network-activations.js';
import { findPreset } from '../../src/core/presets.js';
import type { Component, NetworkModel } from '../../src/core/spec.js';
import { specOf } from './spec-fixtures.js';

const fx = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pytorch-saved.json'), 'utf8'));
const net = (components: Component[], steps = 1): NetworkModel => ({ kind: 'network', components, steps });
/** fp32, batch 1: the measurement's setting. */
const bytes = (m: NetworkModel) => {
  const s = networkSaved(m);
  return 4 * s.elements + s.int64Bytes + s.fixedBytes;
};
const rnn = (cell: 'lstm' | 'gru' | 'rnn', layers: number): Component => ({
  kind: 'rnn',
  cell,
  in: 128,
  hidden: 256,
  layers,
  bidirectional: false,
  biasConvention: 'pytorch',
});

describe('saved for backward vs PyTorch (torch 1.13, fp32, batch 1)', () => {
  it.each([
    ['resnet18', net(resnet([2, 2, 2, 2], false))],
    ['resnet50', net(resnet([3, 4, 6, 3], true))],
    ['vgg16', net(vgg(VGG_CFGS.vgg16))],
  ])('%s within 10%% of the measured bytes', (id, model) => {
    const measured = fx.bytes[id];
    expect(Math.abs(bytes(model) / measured - 1)).toBeLessThan(0.1);
  });

  it('ResNet-18 to the byte: 5,143,552 fp32 values + 200,704 int64 max-pool indices + 4,800 BN channels × 16 B', () => {
    const s = networkSaved(net(resnet([2, 2, 2, 2], false)));
    expect(s.elements).toBe(5_143_552);
    expect(s.int64Bytes).toBe(8 * 64 * 56 * 56);
    expect(s.fixedBytes).toBe(16 * 4800);
    expect(bytes(net(resnet([2, 2, 2, 2], false)))).toBe(fx.bytes.resnet18);
  });

  it('ResNet-50 to the byte', () => {
    expect(bytes(net(resnet([3, 4, 6, 3], true)))).toBe(fx.bytes.resnet50);
  });

  it('VGG-16: all but the classifier dropout and the 7×7 average-pool copy (0.2%)', () => {
    const missing = 4 * 25088 + 2 * (4 * 4096 + 4 * 4096); // avg-pool output; dropout outputs and CPU float masks
    expect(bytes(net(vgg(VGG_CFGS.vgg16))) + missing).toBe(fx.bytes.vgg16);
  });

  it.each([
    ['lstm', 1],
    ['lstm', 2],
    ['gru', 1],
    ['gru', 2],
    ['rnn', 1],
    ['rnn', 2],
  ] as const)('%s 128→256, %i layer(s), 10 steps: to the byte', (cell, layers) => {
    expect(bytes(net([rnn(cell, layers)], 10))).toBe(fx.bytes[`${cell}-128-256-L${layers}-steps10`]);
  });

  it('mlp 784-512-10: the input and the hidden ReLU output', () => {
    const mlp = net([
      { kind: 'dense', in: 784, out: 512, bias: true },
      { kind: 'dense', in: 512, out: 10, bias: true },
    ]);
    expect(bytes(mlp)).toBe(fx.bytes['mlp-784-512-10']);
  });
});

describe('in the estimate', () => {
  it('ResNet-50 training at batch 256 in bf16 on an H100: 256 × (bf16 values + int64 indices) + BN stats, no longer 0', () => {
    const m = findPreset('resnet50')!.model as NetworkModel;
    const e = estimate(specOf(m, { mode: 'train', optimizer: 'adamw', dtype: 'bf16', batch: 256, gpu: 'h100' }));
    const s = networkSaved(m);
    expect(e.memory.activations).toBe(256 * (2 * s.elements + s.int64Bytes) + s.fixedBytes);
    // 21.1 M values and 1.6 MB of max-pool indices per image: 10.4 GiB at batch 256 in bf16.
    expect(s.elements).toBe(21_075_968); // (86,334,464 − 8·64·56² − 16·26,560 BN channels) / 4, from the fp32 measurement
    expect(e.memory.activations / 2 ** 30).toBeCloseTo(10.43, 2);
    expect(e.assumptions.join('\n')).toMatch(/as PyTorch keeps them for backward, 16-bit, per micro-batch of 256/);
  });

  it('explain activations substitutes the same walk', () => {
    const m = findPreset('resnet18')!.model as NetworkModel;
    const spec = specOf(m, { mode: 'train', optimizer: 'sgd', dtype: 'fp32', batch: 2 });
    const e = estimate(spec);
    expect(ACTIVATIONS_EXPLAINER.substitute(spec, e).join('\n')).toContain(
      `2 · (5143552 · 4 + 1605632) + 76800 = ${e.memory.activations} B`,
    );
  });

  it('fp32 doubles the values, not the int64 indices or the BN statistics', () => {
    const m = findPreset('resnet18')!.model as NetworkModel;
    const f32 = estimate(specOf(m, { mode: 'train', optimizer: 'sgd', dtype: 'fp32', batch: 1 }));
    expect(f32.memory.activations).toBe(fx.bytes.resnet18);
  });

  it('inference keeps only the largest layer: ResNet-50 layer1 BatchNorm, 256·56² in and out per image', () => {
    const m = findPreset('resnet50')!.model as NetworkModel;
    const e = estimate(specOf(m, { mode: 'infer', dtype: 'fp16', batch: 8 }));
    expect(e.memory.activations).toBe(8 * 2 * (2 * 256 * 56 * 56));
  });

  it('a conv stack with hw only on its first layer is sized through the stack', () => {
    const convs = net([
      { kind: 'conv', kh: 3, kw: 3, cin: 3, cout: 32, hw: 32, stride: 1, pad: 1, groups: 1, bias: true },
      { kind: 'conv', kh: 3, kw: 3, cin: 32, cout: 64, hw: null, stride: 1, pad: 1, groups: 1, bias: true },
      { kind: 'dense', in: 64 * 32 * 32, out: 10, bias: true },
    ]);
    // input 3·32² + conv1 out 32·32² + conv2 out 64·32² (flattened into the dense layer).
    expect(networkSaved(convs).elements).toBe(3 * 1024 + 32 * 1024 + 64 * 1024);
  });
});
