// The layer rules as data, and a reader of each file's imports. test/boundary.test.ts runs the rules over
// the real tree (no violations) and over test/fixtures/boundary/ (each rule fires on its bad import).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

export interface Import {
  /** The importing file, relative to the root, with `/` separators. */
  file: string;
  /** What was written: `../core/spec.js`, `discord.js`. */
  spec: string;
  /** A relative import resolved to the root-relative `.ts` path it names; null for a package. */
  target: string | null;
  /** `import type`, `export type`, or every named import marked `type`. */
  typeOnly: boolean;
}

export function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = posix.join(dir, name);
    return statSync(join(root, path)).isDirectory() ? tsFiles(root, path) : path.endsWith('.ts') ? [path] : [];
  });
}

// `import … from '…'` and `export … from '…'`, over several lines; the clause holds no `;` or quote, so a
// match never runs from one statement into another.
const FROM = /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveTarget(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts');
}

/** A clause like `{ type A, type B }` imports only types; a default or namespace import never does. */
function onlyTypes(clause: string): boolean {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

export function importsOf(root: string, file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) =>
    out.push({ file, spec, target: resolveTarget(file, spec), typeOnly });
  for (const m of text.matchAll(FROM)) add(m[4], Boolean(m[2]) || onlyTypes(m[3]));
  for (const m of text.matchAll(BARE)) add(m[1], false);
  for (const m of text.matchAll(DYNAMIC)) add(m[1], false);
  return out;
}

export interface Rule {
  name: string;
  /** The files the rule is about, root-relative. */
  applies: (file: string) => boolean;
  /** Why this import breaks the rule, or null. */
  broken: (imp: Import) => string | null;
}

const under = (dir: string) => (path: string | null) => path?.startsWith(`${dir}/`) === true;
const inGrammar = under('grammar');
const inCore = under('src/core');
const inModel = under('src/model');
const RESULT = 'src/result.ts';
const FRONT_ENDS = (t: string | null) => under('src/adapters')(t) || t === 'src/cli.ts' || t === 'src/main.ts';
const CHAT = /^(discord\.js|@discordjs\/|@slack\/|ws$)/;

export const RULES: Rule[] = [
  {
    name: 'grammar imports only src/core/** and src/result.ts (and chevrotain)',
    applies: inGrammar,
    broken: ({ spec, target }) => {
      if (target === null) return spec === 'chevrotain' ? null : `package ${spec}`;
      return inGrammar(target) || inCore(target) || target === RESULT ? null : `${target}`;
    },
  },
  {
    name: 'core imports nothing outside src/core/ and src/result.ts',
    applies: inCore,
    broken: ({ spec, target }) => {
      if (target === null) return `package ${spec}`;
      return inCore(target) || target === RESULT ? null : target;
    },
  },
  {
    name: 'commands never import render, the conversation, the store or a front end',
    applies: under('src/commands'),
    broken: ({ target }) =>
      under('src/render')(target) ||
      under('src/conversation')(target) ||
      under('src/store')(target) ||
      FRONT_ENDS(target)
        ? target
        : null,
  },
  {
    name: 'render imports only types from src/model (and core), never commands or anything above them',
    applies: under('src/render'),
    broken: ({ target, typeOnly }) => {
      if (target === null || under('src/render')(target)) return null;
      // Digit grouping is shared with core's own notes: one implementation of it.
      if (target === 'src/core/grouped.ts') return null;
      if ((inModel(target) || inCore(target) || target === RESULT) && typeOnly) return null;
      return typeOnly ? target : `${target} (a value import)`;
    },
  },
  {
    name: 'the store imports only types from src/model, and never commands',
    applies: under('src/store'),
    broken: ({ target, typeOnly }) => {
      if (target === null || under('src/store')(target)) return null;
      return inModel(target) && typeOnly ? null : typeOnly ? target : `${target} (a value import)`;
    },
  },
  {
    name: 'the model holds types only: its imports are types',
    applies: inModel,
    broken: ({ target, typeOnly }) =>
      typeOnly && (target === null || inModel(target) || inCore(target) || target === RESULT) ? null : `${target}`,
  },
  {
    name: 'the conversation never imports a front end or a chat library',
    applies: under('src/conversation'),
    broken: ({ spec, target }) => (FRONT_ENDS(target) || CHAT.test(spec) ? spec : null),
  },
  {
    name: 'only the front ends import a chat library',
    applies: (f) => !FRONT_ENDS(f),
    broken: ({ spec }) => (CHAT.test(spec) ? spec : null),
  },
  {
    name: 'only the store imports better-sqlite3 or pg',
    applies: (f) => !under('src/store')(f),
    broken: ({ spec }) => (spec === 'better-sqlite3' || spec === 'pg' ? spec : null),
  },
];

export interface Violation {
  rule: string;
  file: string;
  why: string;
}

/** Every import under `dirs` of `root` that breaks a rule. */
export function violations(root: string, dirs = ['grammar', 'src']): Violation[] {
  const out: Violation[] = [];
  for (const file of dirs.flatMap((d) => tsFiles(root, d))) {
    for (const imp of importsOf(root, file)) {
      for (const rule of RULES) {
        if (!rule.applies(file)) continue;
        const why = rule.broken(imp);
        if (why !== null) out.push({ rule: rule.name, file, why: `${imp.spec} → ${why}` });
      }
    }
  }
  return out;
}
