"""Mirrors of mixture-of-experts decoder classes (DeepSeek V2/V3/Kimi K2, gpt-oss, Llama 4, Qwen-MoE,
OLMoE, PhiMoE, GLM-4.5), parameter for parameter as their transformers modeling classes hold them."""

import torch.nn as nn

from common import RMSNorm, embedding, layernorm, linear, param
from decoders import LlamaAttention, LlamaMLP


class ExpertsFused(nn.Module):
    """MixtralExperts / Qwen2MoeExperts / Llama4TextExperts: gate_up_proj (E, 2·ffn, d), down_proj (E, d, ffn)."""

    def __init__(self, experts, d, ffn):
        super().__init__()
        self.gate_up_proj = param(experts, 2 * ffn, d)
        self.down_proj = param(experts, d, ffn)


class DeepseekAttention(nn.Module):
    """DeepseekV2/V3Attention (multi-head latent attention), attention_bias false."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        qk = cfg["qk_nope_head_dim"] + cfg["qk_rope_head_dim"]
        q_rank = cfg.get("q_lora_rank")
        if q_rank is None:
            self.q_proj = linear(d, h * qk)
        else:
            self.q_a_proj = linear(d, q_rank)
            self.q_a_layernorm = RMSNorm(q_rank)
            self.q_b_proj = linear(q_rank, h * qk)
        self.kv_a_proj_with_mqa = linear(d, cfg["kv_lora_rank"] + cfg["qk_rope_head_dim"])
        self.kv_a_layernorm = RMSNorm(cfg["kv_lora_rank"])
        self.kv_b_proj = linear(cfg["kv_lora_rank"], h * (cfg["qk_nope_head_dim"] + cfg["v_head_dim"]))
        self.o_proj = linear(h * cfg["v_head_dim"], d)


class DeepseekMoE(nn.Module):
    """DeepseekV3MoE: a router weight (E, d) (e_score_correction_bias is a buffer), routed experts, shared experts."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        e = cfg["n_routed_experts"]
        f = cfg["moe_intermediate_size"]
        self.gate = nn.Module()
        self.gate.weight = param(e, d)
        self.experts = ExpertsFused(e, d, f)
        self.shared_experts = LlamaMLP(d, f * cfg["n_shared_experts"])


class DeepseekDecoderLayer(nn.Module):
    def __init__(self, cfg, i):
        super().__init__()
        d = cfg["hidden_size"]
        self.self_attn = DeepseekAttention(cfg)
        freq = cfg.get("moe_layer_freq", 1)
        if i >= cfg.get("first_k_dense_replace", 0) and i % freq == 0:
            self.mlp = DeepseekMoE(cfg)
        else:
            self.mlp = LlamaMLP(d, cfg["intermediate_size"])
        self.input_layernorm = RMSNorm(d)
        self.post_attention_layernorm = RMSNorm(d)


class DeepseekForCausalLM(nn.Module):
    """DeepseekV2/V3ForCausalLM (the MTP layer num_hidden_layers.. is not built: _keys_to_ignore_on_load_unexpected)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList(DeepseekDecoderLayer(cfg, i) for i in range(cfg["num_hidden_layers"]))
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])


class GptOssAttention(nn.Module):
    """GptOssAttention: q/k/v/o with attention_bias, sinks (heads,)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        kv = cfg["num_key_value_heads"]
        hd = cfg["head_dim"]
        b = cfg.get("attention_bias", True)
        self.q_proj = linear(d, h * hd, b)
        self.k_proj = linear(d, kv * hd, b)
        self.v_proj = linear(d, kv * hd, b)
        self.o_proj = linear(h * hd, d, b)
        self.sinks = param(h)


class GptOssMLP(nn.Module):
    """GptOssMLP: router weight (E, d) + bias (E); experts gate_up_proj (E, d, 2f) + bias, down_proj (E, f, d) + bias."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        e = cfg["num_local_experts"]
        f = cfg["intermediate_size"]
        self.router = nn.Module()
        self.router.weight = param(e, d)
        self.router.bias = param(e)
        self.experts = nn.Module()
        self.experts.gate_up_proj = param(e, d, 2 * f)
        self.experts.gate_up_proj_bias = param(e, 2 * f)
        self.experts.down_proj = param(e, f, d)
        self.experts.down_proj_bias = param(e, d)


class GptOssForCausalLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for _ in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            layer.self_attn = GptOssAttention(cfg)
            layer.mlp = GptOssMLP(cfg)
            layer.input_layernorm = RMSNorm(d)
            layer.post_attention_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])


class Llama4TextMoe(nn.Module):
    """Llama4TextMoe: experts (E, d, 2f)/(E, f, d), router Linear(d, E), shared_expert Llama4TextMLP(intermediate_size)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        e = cfg["num_local_experts"]
        f = cfg["intermediate_size"]
        self.experts = ExpertsFused(e, d, f)
        self.router = linear(d, e)
        self.shared_expert = LlamaMLP(d, f)


class Llama4ForCausalLM(nn.Module):
    """Llama4ForCausalLM (the language_model of Llama4ForConditionalGeneration; QK L2 norm has no weights)."""

    def __init__(self, cfg):
        super().__init__()
        cfg = cfg.get("text_config", cfg)
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        step = cfg.get("interleave_moe_layer_step", 1)
        moe_layers = cfg.get("moe_layers") or list(range(step - 1, cfg["num_hidden_layers"], step))
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for i in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            layer.self_attn = LlamaAttention(d, h, cfg["num_key_value_heads"], cfg["head_dim"], cfg.get("attention_bias", False))
            layer.feed_forward = Llama4TextMoe(cfg) if i in moe_layers else LlamaMLP(d, cfg["intermediate_size_mlp"])
            layer.input_layernorm = RMSNorm(d)
            layer.post_attention_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])


class QwenMoeBlock(nn.Module):
    """Qwen2MoeSparseMoeBlock (gate, experts, shared_expert, shared_expert_gate) / Qwen3MoeSparseMoeBlock (gate, experts)."""

    def __init__(self, cfg, qwen2):
        super().__init__()
        d = cfg["hidden_size"]
        e = cfg["num_experts"]
        self.gate = linear(d, e)
        self.experts = ExpertsFused(e, d, cfg["moe_intermediate_size"])
        if qwen2 and cfg.get("shared_expert_intermediate_size", 0) > 0:
            self.shared_expert = LlamaMLP(d, cfg["shared_expert_intermediate_size"])
            self.shared_expert_gate = linear(d, 1)


class QwenMoeForCausalLM(nn.Module):
    """Qwen2MoeForCausalLM (q/k/v biases) and Qwen3MoeForCausalLM (q_norm/k_norm over head_dim)."""

    def __init__(self, cfg):
        super().__init__()
        qwen2 = cfg["model_type"] == "qwen2_moe"
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        hd = cfg.get("head_dim") or d // h
        step = cfg.get("decoder_sparse_step", 1)
        only = cfg.get("mlp_only_layers", [])
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for i in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            if qwen2:
                attn = LlamaAttention(d, h, cfg["num_key_value_heads"], hd, True, o_bias=False)
            else:
                attn = LlamaAttention(d, h, cfg["num_key_value_heads"], hd, cfg.get("attention_bias", False), o_bias=False, qk_norm=True)
            layer.self_attn = attn
            sparse = i not in only and cfg["num_experts"] > 0 and (i + 1) % step == 0
            layer.mlp = QwenMoeBlock(cfg, qwen2) if sparse else LlamaMLP(d, cfg["intermediate_size"])
            layer.input_layernorm = RMSNorm(d)
            layer.post_attention_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embed_tokens.weight


class OlmoeForCausalLM(nn.Module):
    """OlmoeForCausalLM: q_norm RMSNorm(hidden), k_norm RMSNorm(kv·head_dim); gate + experts every layer."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        kv = cfg["num_key_value_heads"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for _ in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            layer.self_attn = LlamaAttention(d, h, kv, d // h, cfg.get("attention_bias", False))
            layer.self_attn.q_norm = RMSNorm(d)
            layer.self_attn.k_norm = RMSNorm(d // h * kv)
            layer.mlp = nn.Module()
            layer.mlp.gate = linear(d, cfg["num_experts"])
            layer.mlp.experts = ExpertsFused(cfg["num_experts"], d, cfg["intermediate_size"])
            layer.input_layernorm = RMSNorm(d)
            layer.post_attention_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])


class PhimoeForCausalLM(nn.Module):
    """PhimoeForCausalLM: biased attention, LayerNorms with biases, router without, lm_head with lm_head_bias."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        e = cfg["num_local_experts"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for _ in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            layer.self_attn = LlamaAttention(d, h, cfg["num_key_value_heads"], d // h, cfg.get("attention_bias", False))
            layer.block_sparse_moe = nn.Module()
            layer.block_sparse_moe.gate = linear(d, e)
            layer.block_sparse_moe.experts = ExpertsFused(e, d, cfg["intermediate_size"])
            layer.input_layernorm = layernorm(d)
            layer.post_attention_layernorm = layernorm(d)
            self.layers.append(layer)
        self.norm = layernorm(d)
        self.lm_head = linear(d, cfg["vocab_size"], cfg.get("lm_head_bias", False))


class Glm4MoeForCausalLM(nn.Module):
    """Glm4MoeForCausalLM: Glm4Attention (q/k/v attention_bias, o none), dense first_k_dense_replace layers, then
    Glm4MoeSparseMoeBlock (router weight + e_score_correction_bias buffer, experts, shared_experts)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        e = cfg["n_routed_experts"]
        f = cfg["moe_intermediate_size"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for i in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            layer.self_attn = LlamaAttention(
                d, h, cfg["num_key_value_heads"], cfg["head_dim"], cfg.get("attention_bias", False), o_bias=False,
                qk_norm=cfg.get("use_qk_norm", False),
            )
            if i >= cfg["first_k_dense_replace"]:
                layer.mlp = nn.Module()
                layer.mlp.gate = nn.Module()
                layer.mlp.gate.weight = param(e, d)
                layer.mlp.experts = nn.ModuleList(LlamaMLP(d, f) for _ in range(e))
                layer.mlp.shared_experts = LlamaMLP(d, f * cfg["n_shared_experts"])
            else:
                layer.mlp = LlamaMLP(d, cfg["intermediate_size"])
            layer.input_layernorm = RMSNorm(d)
            layer.post_attention_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
