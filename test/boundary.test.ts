// The layering the design promises: grammar/ and src/core/ are pure (no chat SDK, no store, no
// environment), and only src/config.ts reads process.env.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const CHAT = /from ['"](discord\.js|@slack\/[^'"]+|better-sqlite3|dotenv|ws)['"]|import\(['"](discord\.js|@slack)/;

describe('layer boundaries', () => {
  it.each(['grammar', 'src/core'])('%s imports no chat library, store or dotenv and reads no environment', (dir) => {
    const offenders = files(dir).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return (
        CHAT.test(text) || /process\.env/.test(text) || /from ['"]\.\.\/(commands|render|frontends|store)\//.test(text)
      );
    });
    expect(offenders).toEqual([]);
  });

  it('only src/config.ts reads process.env in src/', () => {
    const readers = files('src').filter((f) => /process\.env/.test(readFileSync(f, 'utf8')));
    expect(readers.filter((f) => f !== join('src', 'config.ts'))).toEqual([]);
  });
});
