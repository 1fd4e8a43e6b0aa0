// The queue that computes one answer per turn of the event loop, and the bounded chart queue.
import { describe, expect, it } from 'vitest';
import { chartPool } from '../../src/conversation/charts.js';
import { turns } from '../../src/conversation/turns.js';

describe('turns', () => {
  it('lets the event loop run between two answers, and estimates a newcomer’s wait from their cost', async () => {
    let t = 0;
    const q = turns(() => t);
    const order: string[] = [];
    const work = (name: string, ms: number) =>
      q.take().then((done) => {
        order.push(name);
        // What the answer made ready goes out before the next answer is computed.
        setImmediate(() => order.push(`${name} sent`));
        t += ms;
        done();
      });
    const all = Promise.all([work('a', 10), work('b', 10), work('c', 10)]);
    expect(q.waiting).toBe(2);
    await all;
    expect(order.slice(0, 4)).toEqual(['a', 'a sent', 'b', 'b sent']);
    await new Promise((resolve) => setImmediate(resolve));
    // The cost so far: 1 ms to start with, then three answers of 10 ms, each weighted 0.1.
    expect(q.waitMs()).toBe(0);
    const pending = q.take();
    const later = q.take();
    expect(q.waitMs()).toBeCloseTo(2 * (0.9 ** 3 * 1 + (1 - 0.9 ** 3) * 10), 9);
    (await pending)();
    (await later)();
  });
});

describe('the chart queue', () => {
  it('holds at most maxPending charts; a cancelled or drawn one frees its place', async () => {
    const pool = chartPool({ worker: null, maxPending: 2 });
    const a = pool.take();
    const b = pool.take();
    expect([a !== null, b !== null, pool.take()]).toEqual([true, true, null]);
    a!.cancel();
    a!.cancel();
    expect(pool.pending).toBe(1);
    const c = pool.take()!;
    expect(pool.take()).toBeNull();
    await expect(c.draw([])).rejects.toThrow('a memory chart takes 1 or 2 estimates, not 0');
    expect(pool.pending).toBe(1);
    b!.cancel();
    expect(pool.pending).toBe(0);
    await pool.close();
    expect(pool.take()).toBeNull();
  });
});
