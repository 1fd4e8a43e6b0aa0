// Every Explainer the core exports, in one list: `explain` reads the same objects that sit beside
// the formulas, so an explanation cannot drift from the number it explains.
import type { Explainer } from '../core/explainer.js';
import { FLOPS_EXPLAINER } from '../core/flops.js';
import { PARAMS_EXPLAINER } from '../core/params.js';

export const EXPLAINERS: Explainer[] = [PARAMS_EXPLAINER, FLOPS_EXPLAINER];

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

export function findExplainer(topic: string): Explainer | undefined {
  const t = norm(topic);
  return EXPLAINERS.find((e) => norm(e.topic) === t || e.aliases.some((a) => norm(a) === t));
}
