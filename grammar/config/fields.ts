// Reading a config.json's fields for the layered readers: whole numbers checked and named by their key,
// flags, lists, and refusals of what a reader cannot count. A reader throws a Refusal; parseConfig turns
// it into an error pointing at the key.

export type Json = Record<string, unknown>;

/** A field napkin cannot read or count as written: the key to point at, what to say, what to do. */
export class Refusal {
  constructor(
    readonly key: string | null,
    readonly code: 'bad-value' | 'missing' | 'unsupported',
    readonly message: string,
    readonly hint: string,
  ) {}
}

/** Refuse a structure napkin does not model, naming the key. */
export const unmodelled = (key: string, what: string): Refusal =>
  new Refusal(
    key,
    'unsupported',
    `config.json: napkin does not model ${what} yet (\`${key}\`), and counting without it would be wrong`,
    'size it from its published parameter count instead, e.g. `params=14.3B bf16 infer`',
  );

export interface Fields {
  cfg: Json;
  type: string;
  notes: string[];
  /** Every key a reader looked at (read, defaulted or knowingly ignored): the rest it did not understand. */
  seen: Set<string>;
  /** A key the class ignores, said in the notes. */
  ignore(key: string, why: string): void;
  /** A whole number from `min` (1 unless said) up to the key's limit; the first key present wins. */
  int(keys: string | string[], o?: { min?: number; def?: number }): number;
  /** A whole number, or null when absent or null. */
  intOrNull(key: string): number | null;
  bool(key: string, def: boolean): boolean;
  /** A list of whole numbers (mlp_only_layers, moe_layers). */
  ints(key: string): number[] | null;
  str(key: string): string | null;
}

export function fields(cfg: Json, type: string, notes: string[], limit: (key: string) => number): Fields {
  const seen = new Set<string>();
  const has = (k: string) => {
    seen.add(k);
    return cfg[k] !== undefined && cfg[k] !== null;
  };
  const check = (k: string, min: number): number => {
    const v = cfg[k];
    const max = limit(k);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      throw new Refusal(
        k,
        'bad-value',
        `config.json: \`${k}\` must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`,
        'check the pasted config',
      );
    return v;
  };
  return {
    cfg,
    type,
    notes,
    seen,
    ignore(k, why) {
      seen.add(k);
      if (cfg[k] !== undefined) notes.push(`${k} ${why}: ignored`);
    },
    int(keys, o = {}) {
      const list = typeof keys === 'string' ? [keys] : keys;
      const k = list.find(has);
      if (k !== undefined) return check(k, o.min ?? 1);
      if (o.def !== undefined) return o.def;
      throw new Refusal(
        null,
        'missing',
        `config.json: no \`${list[0]}\``,
        `add "${list[0]}" (or paste the whole config.json)`,
      );
    },
    intOrNull: (k) => (has(k) ? check(k, 0) : null),
    bool(k, def) {
      seen.add(k);
      const v = cfg[k];
      if (v === undefined || v === null) return def;
      if (typeof v !== 'boolean')
        throw new Refusal(k, 'bad-value', `config.json: \`${k}\` must be true or false`, 'check the pasted config');
      return v;
    },
    ints(k) {
      seen.add(k);
      const v = cfg[k];
      if (v === undefined || v === null) return null;
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0))
        throw new Refusal(
          k,
          'bad-value',
          `config.json: \`${k}\` must be a list of layer numbers`,
          'check the pasted config',
        );
      return v as number[];
    },
    str(k) {
      seen.add(k);
      return typeof cfg[k] === 'string' ? (cfg[k] as string) : null;
    },
  };
}
