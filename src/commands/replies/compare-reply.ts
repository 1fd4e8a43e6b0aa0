// Two estimates → a comparison Reply: the headline changes first, then the full table.
import type { Cell, Reply } from '../../model/reply.js';
import type { Estimate } from '../../core/estimate-types.js';
import { comparisonRows } from './compare-rows.js';

const t = (text: string): Cell => ({ text });
const HEADLINE = ['params', 'forward FLOPs / token', 'forward FLOPs / sample', 'memory / device', 'training time'];

/** A vs B; `input` is the text the user typed, `base` names the thread's base when there is one. */
export function compareReply(a: Estimate, b: Estimate, input: string, base?: string): Reply {
  const rows = comparisonRows(a, b);
  const summary: Cell[][] = rows
    .filter((r) => r.changed && HEADLINE.includes(r.label))
    .map((r) => [t(r.label), r.a, t('→'), r.b, ...(r.ratio !== null ? [{ n: r.ratio, unit: 'ratio' } as Cell] : [])]);
  if (!summary.length) summary.push([t('params, FLOPs and memory per device are the same')]);
  const changed = rows.filter((r) => r.changed).length;
  const notes = [`${changed} of ${rows.length} rows changed (marked).`];
  if (base) notes.unshift(`Compared against the thread's base: ${base}.`);
  const assumptions = [...new Set([...a.assumptions, ...b.assumptions])];
  // Two variants of one preset share a name: say which column is which.
  const [nameA, nameB] = a.name === b.name ? [`${a.name} (A)`, `${b.name} (B)`] : [a.name, b.name];
  return {
    kind: 'compare',
    title: `${nameA} vs ${nameB}`,
    summary,
    sections: [],
    notes,
    assumptions,
    comparison: { a: nameA, b: nameB, rows },
    estimates: [a, b],
    input,
  };
}
