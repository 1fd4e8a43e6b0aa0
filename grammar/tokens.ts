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
const kind = (name: string, label: string) => createToken({ name, pattern: Lexer.NA, label });
export const Preset = kind('Preset', 'a preset like llama-2-7b');
export const Gpu = kind('Gpu', 'a GPU like H100');
export const Family = kind('Family', 'a family (transformer, llama, encoder)');
export const Switch = kind('Switch', 'an architecture switch like swiglu');
export const Dtype = kind('Dtype', 'a dtype like bf16');
export const Optimizer = kind('Optimizer', 'an optimizer like adamw');
export const Mode = kind('Mode', 'train or infer');
export const Flag = kind('Flag', 'a flag like lora or zero3');
export const Choice = kind('Choice', 'a value like full');
export const NumKey = kind('NumKey', 'a key like L or heads');
export const ChoiceKey = kind('ChoiceKey', 'a key like kv_cache');
export const Component = kind('Component', 'a layer like dense or conv');
export const Vs = kind('Vs', "'vs'");
export const Times = kind('Times', "'x'");

export const PARSER_TOKENS: TokenType[] = [
  ...LEXER_TOKENS.slice(1),
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
 * Chevrotain's lexer, compiled on first use: scan.ts cuts nearly every input itself, so most processes
 * never need it (its set-up was ~15 ms of a one-shot CLI answer).
 */
export const lexer = {
  tokenize(text: string): ILexingResult {
    instance ??= new Lexer(LEXER_TOKENS, { ensureOptimizations: false, positionTracking: 'onlyOffset' });
    return instance.tokenize(text);
  },
};
