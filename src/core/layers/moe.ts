// A mixture of experts (Shazeer et al. 2017; Switch, Fedus et al. 2022; Mixtral, Jiang et al. 2024): a
// router d×E, E expert MLPs of which top-k run per token, and shared experts every token runs
// (DeepSeekMoE, Dai et al. 2024, arXiv:2401.06066 §3.2; Qwen-MoE's gated shared expert).
import type { Moe } from './types.js';
import { type Kind, type Tensor, tensor } from './kind.js';
import { isGated, mlpLora, mlpStored, mlpTensors } from './mlp.js';

export const moe: Kind<Moe> = {
  label: (m) =>
    `MoE ${m.experts} top-${m.topk}${m.shared ? ` + ${m.shared} shared` : ''} (${isGated(m.activation) ? 'gated ' : ''}${m.ffn})`,
  tensors(m, d, _norm, L) {
    const out: Tensor[] = [tensor('router', d, m.experts, L, 'rep')];
    if (m.routerBias) out.push(tensor('router', m.experts, 1, L, 'rep'));
    for (const x of mlpTensors('experts', d, m.ffn, m.activation, m.bias, L * m.experts, 'expert', L * m.topk))
      out.push(x);
    if (m.shared > 0) {
      for (const x of mlpTensors('shared experts', d, m.sharedFfn, m.activation, false, L, 'col')) out.push(x);
      // Qwen2MoeSparseMoeBlock.shared_expert_gate: Linear(d, 1, bias=False).
      if (m.sharedGate) out.push(tensor('shared experts', d, 1, L, 'rep'));
    }
    return out;
  },
  flops: () => 0,
  saved(m, a) {
    const sb = a.s * a.b;
    // As the MLP, plus the top-k dispatched copies of each token and the router logits; each token's
    // k experts keep their intermediates, and the shared experts theirs.
    const shared = m.shared > 0 ? mlpStored(m.activation, m.sharedFfn) : 0;
    return {
      replicated:
        (a.sharedInput ? 0 : a.A * sb * a.d) + a.M * sb * a.d + m.topk * a.A * sb * a.d + a.A * sb * m.experts,
      split: m.topk * a.A * sb * mlpStored(m.activation, m.ffn) + a.A * sb * shared,
      quadratic: 0,
    };
  },
  working(m, a) {
    const sb = a.s * a.b;
    const shared = m.shared > 0 ? mlpStored(m.activation, m.sharedFfn) : 0;
    const routed = m.topk * mlpStored(m.activation, m.ffn);
    return 2 * a.A * sb * a.d + (a.A * sb * (routed + shared)) / a.tp + a.A * sb * m.experts;
  },
  cache: () => null,
  splits: () => true,
  lora: (m, d) => [
    ...mlpLora(d, m.ffn, m.activation, m.experts),
    ...(m.shared > 0 ? mlpLora(d, m.sharedFfn, m.activation, 1) : []),
  ],
};
