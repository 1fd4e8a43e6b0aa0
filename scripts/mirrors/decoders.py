"""Mirrors of decoder-only classes whose layers are attention + MLP (LlamaForCausalLM and its copies, Falcon)."""

import torch.nn as nn

from common import RMSNorm, embedding, layernorm, linear


class LlamaMLP(nn.Module):
    """LlamaMLP: gate_proj, up_proj, down_proj, whatever hidden_act is (mlp_bias on all three)."""

    def __init__(self, d, ffn, bias=False):
        super().__init__()
        self.gate_proj = linear(d, ffn, bias)
        self.up_proj = linear(d, ffn, bias)
        self.down_proj = linear(ffn, d, bias)


class LlamaAttention(nn.Module):
    """LlamaAttention: q/k/v/o, attention_bias on all four; optional q_norm/k_norm over head_dim (Qwen3)."""

    def __init__(self, d, heads, kv, hd, bias=False, o_bias=None, qk_norm=False):
        super().__init__()
        self.q_proj = linear(d, heads * hd, bias)
        self.k_proj = linear(d, kv * hd, bias)
        self.v_proj = linear(d, kv * hd, bias)
        self.o_proj = linear(heads * hd, d, bias if o_bias is None else o_bias)
        if qk_norm:
            self.q_norm = RMSNorm(hd)
            self.k_norm = RMSNorm(hd)


class LlamaDecoderLayer(nn.Module):
    def __init__(self, cfg, d, heads, kv, hd, ffn):
        super().__init__()
        bias = cfg.get("attention_bias", False)
        self.self_attn = LlamaAttention(d, heads, kv, hd, bias)
        self.mlp = LlamaMLP(d, ffn, cfg.get("mlp_bias", False))
        self.input_layernorm = RMSNorm(d)
        self.post_attention_layernorm = RMSNorm(d)


class LlamaForCausalLM(nn.Module):
    """modeling_llama.py: embed_tokens, layers, norm, lm_head (tied when tie_word_embeddings)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        heads = cfg["num_attention_heads"]
        kv = cfg.get("num_key_value_heads", heads)
        hd = cfg.get("head_dim") or d // heads
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList(
            LlamaDecoderLayer(cfg, d, heads, kv, hd, cfg["intermediate_size"]) for _ in range(cfg["num_hidden_layers"])
        )
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embed_tokens.weight


class FalconAttention(nn.Module):
    """FalconAttention: one fused query_key_value of (heads + 2·kv)·head_dim, dense; `bias` on both."""

    def __init__(self, d, heads, kv, bias):
        super().__init__()
        hd = d // heads
        self.query_key_value = linear(d, (heads + 2 * kv) * hd, bias)
        self.dense = linear(d, d, bias)


class FalconDecoderLayer(nn.Module):
    def __init__(self, cfg, new_arch, kv):
        super().__init__()
        d = cfg["hidden_size"]
        bias = cfg.get("bias", False)
        self.self_attention = FalconAttention(d, cfg["n_head"], kv, bias)
        ffn = cfg.get("ffn_hidden_size", 4 * d)
        self.mlp = nn.ModuleDict({"dense_h_to_4h": linear(d, ffn, bias), "dense_4h_to_h": linear(ffn, d, bias)})
        if new_arch:
            # new_decoder_architecture (num_ln_in_parallel_attn = 2): ln_attn and ln_mlp.
            self.ln_attn = layernorm(d)
            self.ln_mlp = layernorm(d)
        else:
            self.input_layernorm = layernorm(d)
            if not cfg.get("parallel_attn", True):
                self.post_attention_layernorm = layernorm(d)


class FalconForCausalLM(nn.Module):
    """modeling_falcon.py (and 40B's RefinedWeb config, which is the new decoder architecture)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        heads = cfg["n_head"]
        new_arch = cfg.get("model_type") == "RefinedWeb" or cfg.get("new_decoder_architecture", False)
        if new_arch or not cfg.get("multi_query", True):
            kv = cfg.get("num_kv_heads", cfg.get("n_head_kv", heads))
        else:
            kv = 1
        self.word_embeddings = embedding(cfg["vocab_size"], d)
        self.h = nn.ModuleList(FalconDecoderLayer(cfg, new_arch, kv) for _ in range(cfg["n_layer"]))
        self.ln_f = layernorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", True):
            self.lm_head.weight = self.word_embeddings.weight


class Gemma3Attention(nn.Module):
    """Gemma3Attention: q/k/v/o (attention_bias), q_norm and k_norm over head_dim."""

    def __init__(self, d, heads, kv, hd, bias=False):
        super().__init__()
        self.q_proj = linear(d, heads * hd, bias)
        self.k_proj = linear(d, kv * hd, bias)
        self.v_proj = linear(d, kv * hd, bias)
        self.o_proj = linear(heads * hd, d, bias)
        self.q_norm = RMSNorm(hd)
        self.k_norm = RMSNorm(hd)


class Gemma3DecoderLayer(nn.Module):
    """Gemma3DecoderLayer: input, post-attention, pre- and post-feedforward RMSNorms (four)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        self.self_attn = Gemma3Attention(
            d, cfg["num_attention_heads"], cfg["num_key_value_heads"], cfg["head_dim"], cfg.get("attention_bias", False)
        )
        self.mlp = LlamaMLP(d, cfg["intermediate_size"])
        self.input_layernorm = RMSNorm(d)
        self.post_attention_layernorm = RMSNorm(d)
        self.pre_feedforward_layernorm = RMSNorm(d)
        self.post_feedforward_layernorm = RMSNorm(d)


class Gemma3ForCausalLM(nn.Module):
    """The language model of Gemma3ForConditionalGeneration (text_config); lm_head tied to embed_tokens."""

    def __init__(self, cfg):
        super().__init__()
        cfg = cfg.get("text_config", cfg)
        d = cfg["hidden_size"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList(Gemma3DecoderLayer(cfg) for _ in range(cfg["num_hidden_layers"]))
        self.norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        self.lm_head.weight = self.embed_tokens.weight


class OlmoLayerNorm(nn.Module):
    """OlmoLayerNorm: F.layer_norm with no weight and no bias: no parameters."""


class OlmoDecoderLayer(nn.Module):
    def __init__(self, cfg, v2):
        super().__init__()
        d = cfg["hidden_size"]
        heads = cfg["num_attention_heads"]
        kv = cfg.get("num_key_value_heads", heads)
        hd = d // heads
        self.self_attn = LlamaAttention(d, heads, kv, hd, cfg.get("attention_bias", False))
        if v2:
            # Olmo2Attention: q_norm over heads·head_dim, k_norm over kv·head_dim.
            self.self_attn.q_norm = RMSNorm(heads * hd)
            self.self_attn.k_norm = RMSNorm(kv * hd)
            self.post_attention_layernorm = RMSNorm(d)
            self.post_feedforward_layernorm = RMSNorm(d)
        else:
            self.input_layernorm = OlmoLayerNorm()
            self.post_attention_layernorm = OlmoLayerNorm()
        self.mlp = LlamaMLP(d, cfg["intermediate_size"])


class OlmoForCausalLM(nn.Module):
    """modeling_olmo.py (model_type olmo) and modeling_olmo2.py (olmo2)."""

    def __init__(self, cfg):
        super().__init__()
        v2 = cfg["model_type"] == "olmo2"
        d = cfg["hidden_size"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList(OlmoDecoderLayer(cfg, v2) for _ in range(cfg["num_hidden_layers"]))
        self.norm = RMSNorm(d) if v2 else OlmoLayerNorm()
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embed_tokens.weight
