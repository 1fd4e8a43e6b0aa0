// A thread napkin keeps, as the store holds it and the conversation reads it: where it is, its base spec
// and the variants tried. Types only, so the store and the renderers depend on no command code.

/** Where a thread is. `platform` is free text: a new chat platform needs no migration. */
export interface ThreadKey {
  platform: string;
  channel: string;
  /** Discord: the thread channel id (= its starting message's id); Slack: the parent's thread_ts. */
  thread: string;
}

/** One spec tried in a thread, numbered from 1 so `base #N` and `history` agree. */
export interface Variant {
  n: number;
  /** The variant as a chain of what was typed (src/commands/thread-chain.ts). */
  input: string;
  at: number;
  user: string;
}

export interface ThreadState {
  /** Input (a chain) of the base spec. */
  base: string;
  variants: Variant[];
}

/** What one turn stores: a new variant (its chain) and/or a new base; a new thread takes the first. */
export interface ThreadChange {
  base?: string;
  variant?: string;
  /**
   * What the turn answered, kept with its variant so a later request (a Details button) can be answered
   * from the row instead of recomputed. Opaque text to the store.
   */
  details?: string;
}
