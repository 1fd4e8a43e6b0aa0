// Every Explainer the core exports, in one list: `explain` reads the same objects that sit beside
// the formulas, so an explanation cannot drift from the number it explains.
import { ACTIVATIONS_EXPLAINER } from '../core/activations.js';
import { BUDGET_EXPLAINER } from '../core/budget.js';
import type { Explainer } from '../core/explainer.js';
import { FLOPS_EXPLAINER } from '../core/flops.js';
import { KV_CACHE_EXPLAINER } from '../core/kv-cache.js';
import { MEMORY_EXPLAINER } from '../core/memory.js';
import { ZERO_EXPLAINER } from '../core/model-states.js';
import { PARAMS_EXPLAINER } from '../core/params.js';
import { SOLVE_EXPLAINER } from '../core/solve.js';
import { DTYPES_EXPLAINER } from '../core/weights.js';

export const EXPLAINERS: Explainer[] = [
  PARAMS_EXPLAINER,
  FLOPS_EXPLAINER,
  MEMORY_EXPLAINER,
  ACTIVATIONS_EXPLAINER,
  KV_CACHE_EXPLAINER,
  ZERO_EXPLAINER,
  DTYPES_EXPLAINER,
  BUDGET_EXPLAINER,
  SOLVE_EXPLAINER,
];

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

export function findExplainer(topic: string): Explainer | undefined {
  const t = norm(topic);
  return EXPLAINERS.find((e) => norm(e.topic) === t || e.aliases.some((a) => norm(a) === t));
}
