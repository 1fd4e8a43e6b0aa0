// The JSON contract: one line per spec. An estimate prints its result object as it is (plain numbers,
// no units); a comparison prints both; an error prints where it is and what to do.
import type { Answer } from '../model/reply.js';
import type { Estimate } from '../core/estimate-types.js';
import type { NapkinError, Result } from '../result.js';

/** The Estimate's fields as they are, without the resolved spec (its assumptions are listed). */
export function estimateJson(e: Estimate) {
  return {
    name: e.name,
    params: e.params,
    flops: e.flops,
    memory: e.memory,
    budget: e.budget,
    assumptions: e.assumptions,
    solved: e.solved,
  };
}

export function errorJson(input: string, e: NapkinError) {
  const { code, message, offset, length, hint } = e;
  return { input, ok: false as const, error: { code, message, offset, length, hint } };
}

export function answerJson(input: string, r: Result<Answer>) {
  if (!r.ok) return errorJson(input, r.error);
  const a = r.value;
  if (a.kind === 'single') return { input, ok: true as const, ...estimateJson(a.est) };
  return { input, ok: true as const, a: estimateJson(a.a), b: estimateJson(a.b) };
}

/** One line of JSON (no newline). */
export const jsonLine = (input: string, r: Result<Answer>): string => JSON.stringify(answerJson(input, r));
