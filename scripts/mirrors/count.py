"""Count every config fixture's parameters with a PyTorch mirror of its Hugging Face class, on the meta device.

Reads test/fixtures/configs/*.json ({"source", "config"}), builds the mirror its model_type names, and
writes test/fixtures/pytorch-counts.json: one {id, model_type, mirror, value, command} per fixture. The
tests compare napkin's count of the same config.json with `value`; they never run Python.

    /usr/bin/python3 scripts/mirrors/count.py
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from common import count  # noqa: E402
import decoders  # noqa: E402
import moe  # noqa: E402
import seq2seq  # noqa: E402
import ssm  # noqa: E402

COMMAND = "/usr/bin/python3 scripts/mirrors/count.py"

MIRRORS = {
    "llama": decoders.LlamaForCausalLM,
    "RefinedWeb": decoders.FalconForCausalLM,
    "RefinedWebModel": decoders.FalconForCausalLM,
    "falcon": decoders.FalconForCausalLM,
    "mistral": decoders.LlamaForCausalLM,
    "gemma3": decoders.Gemma3ForCausalLM,
    "olmo": decoders.OlmoForCausalLM,
    "olmo2": decoders.OlmoForCausalLM,
    "deepseek_v2": moe.DeepseekForCausalLM,
    "deepseek_v3": moe.DeepseekForCausalLM,
    "kimi_k2": moe.DeepseekForCausalLM,
    "gpt_oss": moe.GptOssForCausalLM,
    "llama4": moe.Llama4ForCausalLM,
    "qwen2_moe": moe.QwenMoeForCausalLM,
    "qwen3_moe": moe.QwenMoeForCausalLM,
    "olmoe": moe.OlmoeForCausalLM,
    "phimoe": moe.PhimoeForCausalLM,
    "glm4_moe": moe.Glm4MoeForCausalLM,
    "mamba": ssm.MambaForCausalLM,
    "mamba2": ssm.Mamba2ForCausalLM,
    "jamba": ssm.JambaForCausalLM,
    "nemotron_h": ssm.NemotronHForCausalLM,
    "t5": seq2seq.T5ForConditionalGeneration,
    "bart": seq2seq.BartForConditionalGeneration,
}


def main():
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    folder = os.path.join(root, "test", "fixtures", "configs")
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name)) as f:
            fixture = json.load(f)
        cfg = fixture["config"]
        mirror = MIRRORS[cfg["model_type"]]
        value = count(mirror(cfg))
        out.append(
            {
                "id": name[: -len(".json")],
                "model_type": cfg["model_type"],
                "mirror": mirror.__module__ + "." + mirror.__name__,
                "value": value,
                "command": COMMAND,
            }
        )
        print(f"{name[:-5]:40s} {value:>18,d}")
    with open(os.path.join(root, "test", "fixtures", "pytorch-counts.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
