import { expect, it } from 'vitest';
import type { Reply } from '../../src/model/reply.js';
import { lastSpecs } from '../../src/conversation/last-spec.js';

const reply = (kind: Reply['kind'], input?: string): Reply => ({
  kind,
  title: '',
  summary: [],
  sections: [],
  notes: [],
  input,
});

it('keeps each user’s last estimated spec, forgetting the least recent user past the bound', () => {
  const specs = lastSpecs(2);
  specs.remember('a', reply('estimate', 'llama-2-7b'));
  specs.remember('a', reply('help'));
  specs.remember('b', reply('compare', 'gpt2 vs gpt2-xl'));
  specs.remember('a', reply('estimate', 'mistral-7b'));
  specs.remember('c', reply('estimate', 'bert-base'));
  expect([specs.get('a'), specs.get('b'), specs.get('c')]).toEqual(['mistral-7b', undefined, 'bert-base']);
});
