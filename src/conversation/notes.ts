// What the conversation itself tells users, apart from the commands' answers.
import type { Reply } from '../model/reply.js';

export const withNote = (reply: Reply, note: string): Reply => ({ ...reply, notes: [...reply.notes, note] });

/** A turn whose change could not be stored: the answer is still right. */
export const unsavedNote = (why: string): string =>
  `This thread's history could not be saved (${why}); the answer above is still right.`;

/** Every turn while the store could not be opened and threads live in memory. */
export const inMemoryNote = (why: string): string =>
  `This thread's history could not be saved (${why}); napkin keeps it only until it restarts.`;

/** An answer that would start a thread, whose base could not be kept: replies under it start afresh. */
export const unkeptBaseNote = (why: string): string =>
  `This answer could not be kept as a thread's base (${why}); replies under it will not be compared with it.`;

export const NO_CHART_NOTE = 'No memory chart this time: napkin is drawing many at once. Ask again later for one.';

/** A thread whose rows cannot be read: said plainly, instead of answering as if the thread were new. */
export function unreadableReply(why: string): Reply {
  return {
    kind: 'error',
    title: `napkin cannot read this thread right now (${why}). Please ask again in a moment.`,
    summary: [],
    sections: [],
    notes: [],
    ephemeral: true,
  };
}
