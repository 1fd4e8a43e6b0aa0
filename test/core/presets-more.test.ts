// Lookups for the Llama-shaped, BLOOM and NeoX presets added after the first catalogue; their parameter counts
// are asserted against test/fixtures/published.json by presets.test.ts.
import { describe, expect, it } from 'vitest';
import { countParams } from '../../src/core/params.js';
import { findPreset } from '../../src/core/presets.js';
import { reshape } from '../../src/core/reshape.js';
import { specOf } from './spec-fixtures.js';

describe('more presets', () => {
  it.each([
    ['TinyLlama/TinyLlama-1.1B-Chat-v1.0', 'tinyllama-1.1b'],
    ['HuggingFaceTB/SmolLM2-1.7B', 'smollm2-1.7b'],
    ['SmolLM-135M', 'smollm-135m'],
    ['codellama/CodeLlama-34b-hf', 'codellama-34b'],
    ['mistral-nemo', 'mistral-nemo-12b'],
    ['mistralai/Mistral-Small-24B-Base-2501', 'mistral-small-24b'],
    ['01-ai/Yi-34B', 'yi-34b'],
    ['deepseek-ai/deepseek-llm-7b-base', 'deepseek-llm-7b'],
    ['Qwen/Qwen2-72B', 'qwen2-72b'],
    ['microsoft/Phi-3-medium-4k-instruct', 'phi-3-medium'],
    ['bigscience/bloom', 'bloom'],
    ['bloom-7b1', 'bloom-7b1'],
    ['EleutherAI/gpt-neox-20b', 'gpt-neox-20b'],
  ])('findPreset(%s) → %s', (name, id) => {
    expect(findPreset(name)?.id).toBe(id);
  });

  it('Mistral-Nemo: 32 heads of 128 (4,096 wide) in a 5,120-wide model; d / heads = 160 would give 12.77B', () => {
    const p = findPreset('mistral-nemo-12b')!;
    if (p.model.kind !== 'transformer') throw new Error('expected a transformer');
    expect(countParams(specOf(p.model)).total).toBe(12_247_782_400);
    expect(countParams(specOf(reshape(p.model, { headDim: 160 }))).total).toBe(12_772_070_400);
  });

  it('BLOOM: ALiBi holds no position table; the embedding LayerNorm (2·d) is counted', () => {
    const p = findPreset('bloom-560m')!;
    if (p.model.kind !== 'transformer') throw new Error('expected a transformer');
    expect(p.model.position).toBe('alibi');
    const noNorm = { ...p.model, stacks: p.model.stacks.map((s) => ({ ...s, embedNorm: false })) };
    expect(countParams(specOf(noNorm)).total).toBe(559_214_592 - 2 * 1024);
  });
});
