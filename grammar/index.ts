// The grammar's public surface. Pure: knows nothing of chat, reads no environment.
import type { Spec, SpecPatch } from '../src/core/spec.js';
import type { Result } from '../src/result.js';

export type Parsed = { kind: 'single'; patch: SpecPatch } | { kind: 'compare'; a: SpecPatch; b: SpecPatch };

/** Text → what the user said (one spec, or two for `A vs B`; a B of only overrides is applied to A). */
export declare function parse(text: string): Result<Parsed>;
/** Fill defaults (listing each in `assumptions`) and validate; errors point into `text`. */
export declare function resolve(patch: SpecPatch, text: string): Result<Spec>;
/** Apply `over` on top of `base` (for `vs` overrides and thread variants). */
export declare function applyOverrides(base: SpecPatch, over: SpecPatch): SpecPatch;
/** True when a patch names no model of its own (only overrides such as `L=40` or `zero3 16xH100`). */
export declare function isPartial(patch: SpecPatch): boolean;
