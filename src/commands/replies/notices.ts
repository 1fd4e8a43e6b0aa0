// Small reply values shared by the commands: informational answers and errors.
import { redact } from '../../redact.js';
import type { NapkinError } from '../../result.js';
import type { Reply, ReplyKind, Section } from '../../model/reply.js';

export function infoReply(title: string, sections: Section[], notes: string[], kind: ReplyKind = 'info'): Reply {
  return { kind, title, summary: [], sections, notes };
}

/** A bad input: renderers show the input with a caret under `error.offset` and the hint. Only the asker sees it. */
export function errorReply(input: string, error: NapkinError): Reply {
  return {
    kind: 'error',
    title: error.message,
    summary: [],
    sections: [],
    notes: [],
    error: { input, error },
    ephemeral: true,
  };
}

/** A bug: one line, no stack trace (front ends log the details where only operators see them). */
export function internalErrorReply(input: string, err: unknown): Reply {
  const what = redact(err instanceof Error ? err.message : String(err));
  return errorReply(input, {
    code: 'internal',
    message: `napkin could not answer this (internal error: ${what.split('\n')[0].slice(0, 200)})`,
    offset: 0,
    length: Math.max(input.length, 1),
    hint: 'this is a bug in napkin; try rephrasing the spec',
  });
}
