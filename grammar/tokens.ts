// Tokens. The lexer only cuts text into shapes (numbers, words, `=`…); classify.ts then gives each word
// its kind from the key table (keys.ts) and joins preset and GPU names, which are data that change, so
// the keywords are not hundreds of regexes and the lexer never needs rebuilding.
import { createToken, type ILexingResult, Lexer, type TokenType } from 'chevrotain';

// Commas and semicolons separate parts like spaces do; a stray `.` (a sentence end, `vs.`) too.
export const Space = createToken({ name: 'Space', pattern: /(?:[\s,;]|\.(?!\d))+/, group: Lexer.SKIPPED });
export const Assign = createToken({ name: 'Assign', pattern: /[=:]/, label: "'=' or ':'" });
export const Question = createToken({ name: 'Question', pattern: /\?/, label: "'?'" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
/** `1024x4096`, `3x3`: a shape. */
export const Dims = createToken({
  name: 'Dims',
  pattern: /\d+(?:[x×]\d+)+(?![\w.-])/i,
  label: 'a shape like 1024x4096',
});
/** `784-512-10`: layer widths of an MLP. */
export const Chain = createToken({ name: 'Chain', pattern: /\d+(?:-\d+)+(?![\w.])/, label: 'widths like 784-512-10' });
/** `64x` in `64xH100` or `8x A100`. */
export const GpuCount = createToken({ name: 'GpuCount', pattern: /\d+[x×](?![\d.])/i, label: 'a GPU count like 8x' });
export const NumberTok = createToken({
  name: 'Number',
  pattern: /-?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?(?:\^\d+)?(?:[kmbgt%])?(?![\w.^-])/i,
  label: 'a number',
});
export const WordTok = createToken({ name: 'Word', pattern: /[a-z_][\w]*(?:[.\-/][\w]+)*/i, label: 'a word' });
/** Digit-led words (`8x7b`, `80GB`, `4bit`): parts of preset or GPU names, or aliases. */
export const DigitWord = createToken({ name: 'DigitWord', pattern: /\d[\w]*(?:[.\-/][\w]+)*/, label: 'a word' });

// Number first: most digits are plain numbers, and its lookahead refuses `1024x4096`, `784-512` and `64x`.
export const LEXER_TOKENS: TokenType[] = [
  Space,
  Assign,
  Question,
  Plus,
  NumberTok,
  Dims,
  Chain,
  GpuCount,
  WordTok,
  DigitWord,
];

// Kinds given by classify.ts; the parser consumes these, never a raw Word.
// Two categories group them as the rules read them: a word that sets something on its own (`bf16`,
// `llama-2-7b`), and a word that can be a choice key's value (`recompute full`, `kv_cache=fp8`).
export const Setter = createToken({ name: 'Setter', pattern: Lexer.NA, label: 'a preset, family or setting' });
export const ChoiceValue = createToken({ name: 'ChoiceValue', pattern: Lexer.NA, label: 'a value like fp8' });
const kind = (name: string, label: string, categories: TokenType[] = []) =>
  createToken({ name, pattern: Lexer.NA, label, categories });
export const Preset = kind('Preset', 'a preset like llama-2-7b', [Setter]);
export const Gpu = kind('Gpu', 'a GPU like H100');
export const Family = kind('Family', 'a family (transformer, llama, encoder)', [Setter]);
export const Switch = kind('Switch', 'an architecture switch like swiglu', [Setter, ChoiceValue]);
export const Dtype = kind('Dtype', 'a dtype like bf16', [Setter, ChoiceValue]);
export const Optimizer = kind('Optimizer', 'an optimizer like adamw', [Setter, ChoiceValue]);
export const Mode = kind('Mode', 'train or infer', [Setter, ChoiceValue]);
export const Flag = kind('Flag', 'a flag like lora or zero3', [Setter]);
export const Choice = kind('Choice', 'a value like full', [ChoiceValue]);
export const NumKey = kind('NumKey', 'a key like L or heads');
export const ChoiceKey = kind('ChoiceKey', 'a key like kv_cache');
export const Component = kind('Component', 'a layer like dense or conv');
export const Vs = kind('Vs', "'vs'");
export const Times = kind('Times', "'x'");

export const PARSER_TOKENS: TokenType[] = [
  ...LEXER_TOKENS.slice(1),
  Setter,
  ChoiceValue,
  Preset,
  Gpu,
  Family,
  Switch,
  Dtype,
  Optimizer,
  Mode,
  Flag,
  Choice,
  NumKey,
  ChoiceKey,
  Component,
  Vs,
  Times,
];

let instance: Lexer | undefined;

/**
 * Chevrotain's lexer, one instance compiled on first use. Every pattern's first characters are known
 * (`ensureOptimizations` holds that), so it tries only the patterns that can start at each character; its
 * validations run in a test, not at every start-up.
 */
export const lexer = {
  tokenize(text: string): ILexingResult {
    instance ??= makeLexer(false);
    return instance.tokenize(text);
  },
};

export const makeLexer = (validate: boolean): Lexer =>
  new Lexer(LEXER_TOKENS, { ensureOptimizations: true, positionTracking: 'onlyOffset', skipValidations: !validate });
