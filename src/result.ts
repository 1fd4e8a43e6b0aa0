// Errors are values: every layer returns a Result; only a front end decides how to show an error.

export interface NapkinError {
  /** Stable machine-readable code, e.g. 'unknown-word', 'conflict', 'too-large'. */
  code: string;
  /** One line that names the offending text. */
  message: string;
  /** Character offset and length of the offending part of the input (length ≥ 1 when the input is not empty). */
  offset: number;
  length: number;
  /** What to do instead, e.g. "did you mean `heads`?". */
  hint: string;
}

export type Result<T, E = NapkinError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (
  code: string,
  message: string,
  offset: number,
  length: number,
  hint = '',
): { ok: false; error: NapkinError } => ({ ok: false, error: { code, message, offset, length, hint } });
