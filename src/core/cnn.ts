// Builders for classic CNNs as NetworkModel component lists, following torchvision's definitions
// (torchvision/models/resnet.py and vgg.py) so that parameter counts equal sum(p.numel()) and every conv
// carries its input size `hw` for FLOPs. Pooling layers hold no parameters and do no matmul, so they
// appear only as the spatial size they change.
import type { Component } from './spec.js';

/** Output size of a conv or pool: floor((hw + 2·pad − k)/stride) + 1 (PyTorch Conv2d/MaxPool2d docs). */
const outSize = (hw: number, k: number, stride: number, pad: number) => Math.floor((hw + 2 * pad - k) / stride) + 1;

function conv(cin: number, cout: number, k: number, stride: number, pad: number, hw: number, bias: boolean): Component {
  return { kind: 'conv', kh: k, kw: k, cin, cout, hw, stride, pad, groups: 1, bias };
}

export interface CnnOptions {
  /** Square input size (224 for ImageNet). */
  image?: number;
  classes?: number;
}

/**
 * ResNet v1.5 as in torchvision: conv 7×7/2 + BN + max-pool 3×3/2, four stages of 64/128/256/512 planes
 * (stride 2 from the second stage on, on the 3×3 conv of a bottleneck: "v1.5"), convs without bias, each
 * followed by BatchNorm (weight + bias = 2·c parameters; running stats are buffers), a 1×1 projection
 * (+BN) when the shape changes, global average pooling and a dense classifier.
 * `blocks`: [2,2,2,2] basic = ResNet-18, [3,4,6,3] bottleneck = ResNet-50, [3,4,23,3] bottleneck = ResNet-101.
 */
export function resnet(blocks: number[], bottleneck: boolean, o: CnnOptions = {}): Component[] {
  const expansion = bottleneck ? 4 : 1;
  let hw = o.image ?? 224;
  const out: Component[] = [conv(3, 64, 7, 2, 3, hw, false), { kind: 'batchnorm', c: 64 }];
  hw = outSize(outSize(hw, 7, 2, 3), 3, 2, 1); // conv1 then max-pool
  let inplanes = 64;
  blocks.forEach((n, stage) => {
    const planes = 64 * 2 ** stage;
    for (let b = 0; b < n; b++) {
      const stride = b === 0 && stage > 0 ? 2 : 1;
      const hwOut = outSize(hw, 3, stride, 1);
      const bn = (c: number): Component => ({ kind: 'batchnorm', c });
      if (bottleneck) {
        out.push(conv(inplanes, planes, 1, 1, 0, hw, false), bn(planes));
        out.push(conv(planes, planes, 3, stride, 1, hw, false), bn(planes));
        out.push(conv(planes, planes * expansion, 1, 1, 0, hwOut, false), bn(planes * expansion));
      } else {
        out.push(conv(inplanes, planes, 3, stride, 1, hw, false), bn(planes));
        out.push(conv(planes, planes, 3, 1, 1, hwOut, false), bn(planes));
      }
      if (stride !== 1 || inplanes !== planes * expansion) {
        out.push(conv(inplanes, planes * expansion, 1, stride, 0, hw, false), bn(planes * expansion));
      }
      inplanes = planes * expansion;
      hw = hwOut;
    }
  });
  out.push({ kind: 'dense', in: 512 * expansion, out: o.classes ?? 1000, bias: true });
  return out;
}

/** VGG layer configurations from torchvision (Simonyan & Zisserman 2015, Table 1): channels, 'M' = max-pool 2×2/2. */
export const VGG_CFGS = {
  vgg11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg13: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
  vgg16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
  vgg19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
} satisfies Record<string, (number | 'M')[]>;

/**
 * VGG without BatchNorm as in torchvision: 3×3 convs (pad 1, with bias), max-pools, an adaptive average
 * pool to 7×7 and the classifier 512·7·7 → 4096 → 4096 → classes (dense layers with bias).
 */
export function vgg(cfg: (number | 'M')[], o: CnnOptions = {}): Component[] {
  let hw = o.image ?? 224;
  let cin = 3;
  const out: Component[] = [];
  for (const v of cfg) {
    if (v === 'M') {
      hw = outSize(hw, 2, 2, 0);
    } else {
      out.push(conv(cin, v, 3, 1, 1, hw, true));
      cin = v;
    }
  }
  const classes = o.classes ?? 1000;
  out.push(
    { kind: 'dense', in: cin * 7 * 7, out: 4096, bias: true },
    { kind: 'dense', in: 4096, out: 4096, bias: true },
    { kind: 'dense', in: 4096, out: classes, bias: true },
  );
  return out;
}
