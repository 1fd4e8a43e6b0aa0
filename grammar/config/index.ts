// The layered config.json readers, one per model_type (the transformers model_type strings).
import type { TransformerModel } from '../../src/core/spec.js';
import type { Fields } from './fields.js';
import { readDeepseek, readGlm4Moe, readGptOss, readLlama4, readOlmoe, readPhimoe, readQwenMoe } from './moe.js';
import { readBart, readJamba, readMamba, readMamba2, readNemotronH, readOlmo, readT5 } from './other.js';

export const READERS: Record<string, (f: Fields) => TransformerModel> = {
  deepseek_v2: readDeepseek,
  deepseek_v3: readDeepseek,
  kimi_k2: readDeepseek,
  gpt_oss: readGptOss,
  llama4_text: readLlama4,
  qwen2_moe: readQwenMoe,
  qwen3_moe: readQwenMoe,
  olmo: readOlmo,
  olmo2: readOlmo,
  olmoe: readOlmoe,
  phimoe: readPhimoe,
  glm4_moe: readGlm4Moe,
  mamba: readMamba,
  mamba2: readMamba2,
  jamba: readJamba,
  nemotron_h: readNemotronH,
  t5: readT5,
  mt5: readT5,
  umt5: readT5,
  bart: readBart,
};
