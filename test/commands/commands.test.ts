import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { makeHelpCommand } from '../../src/commands/help.js';
import { COMMANDS, dispatch, helpText, route } from '../../src/commands/index.js';
import { renderText } from '../../src/render/text.js';

const ctx: CommandContext = { platform: 'console' };
const text = async (input: string, c = ctx) => renderText(await dispatch(input, c));

describe('the command table', () => {
  it('declares estimate, compare, explain, presets and help with short summaries', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['estimate', 'compare', 'explain', 'presets', 'help']);
    for (const c of COMMANDS) {
      expect(c.summary.length).toBeLessThanOrEqual(100);
      expect(c.examples.length).toBeGreaterThan(0);
    }
  });

  it('routes a bare spec to estimate and a command word to its command', () => {
    expect(route('llama-2-7b').command.name).toBe('estimate');
    expect(route('Compare a vs b')).toMatchObject({ rest: 'a vs b' });
    expect(route('compare a vs b').command.name).toBe('compare');
    expect(route('  help  ').command.name).toBe('help');
  });

  const examples = COMMANDS.flatMap((c) => c.examples.map((e) => [c.name, e] as const));
  it.each(examples)('%s example `%s` answers without an error', async (_name, example) => {
    const reply = await dispatch(example, ctx);
    expect(reply.kind, renderText(reply)).not.toBe('error');
    expect(renderText(reply)).not.toMatch(/NaN|Infinity|undefined|\[object|e\+\d/);
  });

  it('`napkin llama-2-7b` is an estimate with 6.74B params', async () => {
    const reply = await dispatch('llama-2-7b', ctx);
    expect(reply.kind).toBe('estimate');
    expect(reply.estimates?.[0].params.total).toBe(6738415616);
    expect(renderText(reply)).toContain('params 6.74B');
    expect(renderText(reply)).toContain('6,738,415,616 exactly');
  });

  it('the full training example answers params, FLOPs/token, memory against 80 GiB, and Chinchilla tokens', async () => {
    const out = await text('llama-2-7b bf16 adamw 8xA100-80GB zero3 seq=4096 batch=4');
    const summary = out.split('\n').slice(1, 5);
    expect(summary[0]).toBe('  params 6.74B');
    expect(summary[1]).toMatch(/^ {2}1\d\.\d GFLOP\/token forward$/);
    expect(summary[2]).toMatch(/^ {2}per-GPU memory [\d.]+ GiB of [\d.]+ GiB .*(fits|doesn't fit)/);
    expect(summary[3]).toBe('  Chinchilla-optimal tokens 135B');
    expect(out).toMatch(/^Assumptions: /m);
  });

  it('`A vs B` in an estimate is a comparison, with changed rows marked', async () => {
    const reply = await dispatch('llama-2-7b vs llama-2-13b', ctx);
    expect(reply.kind).toBe('compare');
    const out = renderText(reply);
    expect(out).toMatch(/\* params\s+6\.74B\s+13B\s+\+6\.28B\s+×1\.93/);
  });

  it('compare without `vs` says what it needs', async () => {
    const reply = await dispatch('compare llama-2-7b', ctx);
    expect(reply.kind).toBe('error');
    expect(reply.error?.error.hint).toMatch(/vs/);
  });

  it('a bad spec is an error value with a caret, not an exception', async () => {
    const out = await text('llama-2-7b hedas=32');
    expect(out).toMatch(/llama-2-7b hedas=32\n {13}\^+/);
    expect(out).toMatch(/heads/);
  });

  it('explain substitutes the numbers of the last spec', async () => {
    const bare = await text('explain params');
    expect(bare).toMatch(/formula/);
    const withSpec = await text('explain params', { ...ctx, lastSpec: 'llama-2-7b' });
    expect(withSpec).toContain('6,738,415,616');
    const kv = await text('explain kv-cache llama-2-7b infer seq=4096 batch=1');
    expect(kv).toMatch(/kv|KV/);
    expect(await text('explain nonsense')).toMatch(/Topics: params, flops/);
  });

  it('presets lists models and GPUs and filters them', async () => {
    const all = await text('presets');
    expect(all).toMatch(/Models \(\d+\)/);
    expect(all).toMatch(/GPUs \(\d+\)/);
    const llama = await text('presets llama');
    expect(llama).toContain('llama-2-7b');
    expect(llama).not.toMatch(/gpt2/i);
    expect(await text('presets zzzz')).toMatch(/Nothing matches/);
  });

  it('help shows every command, and one command with its examples', async () => {
    const all = await text('help');
    for (const c of COMMANDS) expect(all).toContain(`napkin ${c.usage}`);
    const one = await text('help compare');
    expect(one).toContain('napkin compare llama-2-7b vs llama-2-13b');
    expect(helpText()).toContain('--json');
  });
});

describe('help', () => {
  it('offers the command table’s names as its choices, whatever the table holds', () => {
    const help = COMMANDS.find((c) => c.name === 'help')!;
    expect(help.options[0].choices).toEqual(['estimate', 'compare', 'explain', 'presets', 'help']);
    const sweep = { ...COMMANDS[0], name: 'sweep' };
    expect(makeHelpCommand(() => [...COMMANDS, sweep]).options[0].choices).toEqual([
      ...COMMANDS.map((c) => c.name),
      'sweep',
    ]);
  });
});
