import { describe, expect, it } from 'vitest';
import { answerJson, jsonLine } from '../../src/render/json.js';
import { fixture } from './fixture-estimate.js';
import { expectGolden } from './golden.js';

describe('JSON renderer', () => {
  it('prints the estimate fields as they are, after input and ok', () => {
    const line = jsonLine('llama-2-7b', { ok: true, value: { kind: 'single', est: fixture() } });
    const obj = JSON.parse(line);
    expect(Object.keys(obj).slice(0, 7)).toEqual(['input', 'ok', 'name', 'params', 'flops', 'memory', 'budget']);
    expect(obj.params.total).toBe(6738415616);
    expect(obj.assumptions).toContain('MFU 40%');
    expect(line).not.toContain('\n');
    expectGolden('estimate.json', `${line}\n`);
  });

  it('prints a comparison as a and b', () => {
    const obj = answerJson('a vs b', { ok: true, value: { kind: 'compare', a: fixture(), b: fixture({ name: 'B' }) } });
    expect(obj).toMatchObject({ input: 'a vs b', ok: true, a: { name: 'Llama-2-7B' }, b: { name: 'B' } });
  });

  it('prints an error with message, offset, length and hint', () => {
    const error = {
      code: 'unknown-word',
      message: 'unknown word `hedas`',
      offset: 11,
      length: 5,
      hint: 'did you mean `heads`?',
    };
    const line = jsonLine('llama-2-7b hedas=32', { ok: false, error });
    expect(JSON.parse(line)).toEqual({ input: 'llama-2-7b hedas=32', ok: false, error });
    expectGolden('error.json', `${line}\n`);
  });
});
