// The slash command definition generated from the command table, the way back from options to text,
// and the autocomplete suggestions.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { suggest } from '../../src/adapters/discord/autocomplete.js';
import { commandText, slashCommands } from '../../src/adapters/discord/commands.js';

describe('slashCommands', () => {
  const [napkin] = slashCommands();
  const sub = (name: string) => napkin.options.find((o) => o.name === name)!;

  it('is one /napkin command with a subcommand per table entry, usable in servers and DMs', () => {
    expect(slashCommands()).toHaveLength(1);
    expect(napkin.name).toBe('napkin');
    expect(napkin.contexts).toEqual([0, 1, 2]);
    expect(napkin.options.map((o) => [o.type, o.name])).toEqual(COMMANDS.map((c) => [1, c.name]));
    for (const s of napkin.options) {
      expect(s.description).toBe(COMMANDS.find((c) => c.name === s.name)!.summary);
      expect(s.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('gives estimate a required spec with autocomplete, compare a and b, explain fixed choices', () => {
    expect(sub('estimate').options).toEqual([
      expect.objectContaining({ type: 3, name: 'spec', required: true, autocomplete: true }),
    ]);
    expect(sub('compare').options?.map((o) => [o.name, o.required])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    const topic = sub('explain').options![0];
    expect(topic.name).toBe('topic');
    expect(topic.choices?.map((c) => c.value)).toContain('params');
    expect(topic.choices!.length).toBeLessThanOrEqual(25);
    expect(sub('presets').options).toEqual([expect.objectContaining({ name: 'filter', required: false })]);
  });

  it('turns options back into the text the table dispatches', () => {
    const opts = (o: Record<string, string>) => (name: string) => o[name] ?? null;
    expect(commandText('estimate', opts({ spec: ' llama-2-7b bf16 ' }))).toBe('estimate llama-2-7b bf16');
    expect(commandText('compare', opts({ a: 'llama-2-7b', b: 'L=40' }))).toBe('compare llama-2-7b vs L=40');
    expect(commandText('presets', opts({}))).toBe('presets');
    expect(commandText('explain', opts({ topic: 'kv-cache' }))).toBe('explain kv-cache');
  });
});

describe('autocomplete', () => {
  it('offers preset names for the first word', () => {
    const names = suggest('llama-2').map((c) => c.value);
    expect(names.slice(0, 3)).toEqual(['llama-2-7b', 'llama-2-13b', 'llama-2-70b']);
    expect(suggest('')).toHaveLength(25);
    // compare's b is often only overrides: the first word may be a key as well as a preset.
    expect(suggest('L').map((c) => c.value)).toEqual(expect.arrayContaining(['llama-2-7b', 'L=']));
    expect(suggest('ml').map((c) => c.value)).toContain('mlp');
  });

  it('completes later words from the grammar and the GPU list, keeping what was typed', () => {
    expect(suggest('llama-2-7b bf').map((c) => c.value)).toContain('llama-2-7b bf16');
    expect(suggest('llama-2-7b zero').map((c) => c.value)).toEqual(
      expect.arrayContaining(['llama-2-7b zero1', 'llama-2-7b zero2', 'llama-2-7b zero3']),
    );
    expect(suggest('llama-2-7b 8xh1').map((c) => c.value)).toEqual(['llama-2-7b 8xh100-sxm', 'llama-2-7b 8xh100-pcie']);
  });

  it('never offers more than 25 choices or a value over 100 characters', () => {
    const long = `${'x'.repeat(98)} z`;
    expect(suggest(long)).toEqual([]);
    for (const t of ['', 'a', 'llama-2-7b ', 'gpt2 s']) {
      const out = suggest(t);
      expect(out.length).toBeLessThanOrEqual(25);
      for (const c of out) expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
