// widths() cuts shapes by hand; it must read every shape exactly as `split(/[x×-]/i).map(Number)` does.
import { describe, expect, it } from 'vitest';
import { widths } from '../../grammar/component.js';

describe('widths', () => {
  it('reads shapes as a regex split and Number would', () => {
    const shapes = ['1024x4096', '784-512-10', '3X3', '3×3', '0012x7', '1-2x3', '', 'x', '1x', '64×64×3'];
    shapes.push('999999999999999x1', '9999999999999999x1', '12345678901234567890-5', `${'9'.repeat(400)}x2`);
    for (const image of shapes) expect(widths({ image }), image).toEqual(image.split(/[x×-]/i).map(Number));
  });
});
