// Where a line typed in the console goes. After an answer, the console is like the thread under it: a
// change (`L=40`, `L=40 vs L=48`, any question: `what if …?`) or a thread command (`vs <spec>`,
// `history`, `base …`) continues that spec's conversation; a full spec or another command is answered
// on its own (and a spec then starts the next conversation).
import { isPartial, parse } from '../../grammar/index.js';
import { asked } from '../commands/asked.js';

export function followsUp(text: string): boolean {
  const q = asked(text);
  if (/^(history|base\b|vs\s)/i.test(q) || q !== text) return true;
  const parsed = parse(q);
  if (!parsed.ok) return false;
  const v = parsed.value;
  return isPartial(v.kind === 'single' ? v.patch : v.a);
}
