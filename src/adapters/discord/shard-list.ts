// `--shards` as a host gives it: a count, `auto`, or this host's shards out of the total when a bot's
// shards run on several hosts (`--shards 0,1/4` on one, `--shards 2,3/4` on the other, one database).
// Apart from the sharding manager (./shard.ts) so reading the option loads no chat library.

/** This host's shards out of all of them (`--shards 0,1/4`), for bots whose shards run on several hosts. */
export interface ShardList {
  ids: number[];
  total: number;
}

/** `--shards` as given: a count, `auto`, or this host's list out of a total (`0,1/4`); else why not. */
export function parseShards(v: string | undefined): number | 'auto' | ShardList | string {
  const usage = '--shards needs a number of shards, auto, or this host’s shards out of the total (e.g. 0,1/4)';
  if (v === 'auto') return 'auto';
  if (v && /^[1-9]\d{0,4}$/.test(v)) return Number(v);
  const list = /^(\d{1,5}(?:,\d{1,5})*)\/([1-9]\d{0,4})$/.exec(v ?? '');
  if (!list) return usage;
  const ids = [...new Set(list[1].split(',').map(Number))].sort((a, b) => a - b);
  const total = Number(list[2]);
  if (ids.some((id) => id >= total)) return `--shards ${v}: shard ids run from 0 to ${total - 1}`;
  return { ids, total };
}

export const describeShards = (s: number | 'auto' | ShardList) =>
  typeof s === 'object' ? `shards ${s.ids.join(', ')} of ${s.total}` : `${s} shards`;
