// `--shards` as a host gives it: a count, auto, or this host's shards out of the total.
import { describe, expect, it } from 'vitest';
import { describeShards, parseShards } from '../../src/adapters/discord/shard-list.js';

describe('--shards', () => {
  it('reads a count, auto, and a host’s list out of the total', () => {
    expect(parseShards('4')).toBe(4);
    expect(parseShards('auto')).toBe('auto');
    expect(parseShards('2,0,1/4')).toEqual({ ids: [0, 1, 2], total: 4 });
    expect(describeShards({ ids: [0, 1], total: 4 })).toBe('shards 0, 1 of 4');
    expect(describeShards(2)).toBe('2 shards');
  });

  it('names what is wrong with anything else', () => {
    const usage = '--shards needs a number of shards, auto, or this host’s shards out of the total (e.g. 0,1/4)';
    for (const bad of [undefined, '', '0', '-1', '1,2', '0/0', 'a/4', '0,,1/4']) expect(parseShards(bad)).toBe(usage);
    expect(parseShards('3,4/4')).toBe('--shards 3,4/4: shard ids run from 0 to 3');
  });
});
