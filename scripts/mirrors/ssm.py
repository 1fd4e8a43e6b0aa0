"""Mirrors of state-space and hybrid classes: MambaForCausalLM, Mamba2ForCausalLM, JambaForCausalLM,
NemotronHForCausalLM, as their transformers modeling classes hold their parameters."""

import math

import torch.nn as nn

from common import META, RMSNorm, embedding, linear, param
from decoders import LlamaAttention, LlamaMLP


def conv1d(channels, kernel, bias):
    """nn.Conv1d(channels, channels, kernel, groups=channels): weight (channels, 1, kernel)."""
    return nn.Conv1d(channels, channels, kernel, groups=channels, padding=kernel - 1, bias=bias, device=META)


class MambaMixer(nn.Module):
    """MambaMixer: in_proj, conv1d, x_proj, dt_proj (with bias), A_log, D, out_proj (use_bias on in/out)."""

    def __init__(self, d, inner, state, conv, dt_rank, bias, conv_bias, inner_norms=False):
        super().__init__()
        self.in_proj = linear(d, 2 * inner, bias)
        self.conv1d = conv1d(inner, conv, conv_bias)
        self.x_proj = linear(inner, dt_rank + 2 * state)
        self.dt_proj = linear(dt_rank, inner, True)
        self.A_log = param(inner, state)
        self.D = param(inner)
        self.out_proj = linear(inner, d, bias)
        if inner_norms:
            # JambaMambaMixer: dt_layernorm, b_layernorm, c_layernorm.
            self.dt_layernorm = RMSNorm(dt_rank)
            self.b_layernorm = RMSNorm(state)
            self.c_layernorm = RMSNorm(state)


def dt_rank_of(cfg, key, d):
    v = cfg.get(key, "auto")
    return math.ceil(d / 16) if v == "auto" else v


class MambaForCausalLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        inner = cfg.get("expand", 2) * d
        self.embeddings = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for _ in range(cfg["num_hidden_layers"]):
            block = nn.Module()
            block.norm = RMSNorm(d)
            block.mixer = MambaMixer(
                d, inner, cfg.get("state_size", 16), cfg.get("conv_kernel", 4), dt_rank_of(cfg, "time_step_rank", d),
                cfg.get("use_bias", False), cfg.get("use_conv_bias", True),
            )
            self.layers.append(block)
        self.norm_f = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", True):
            self.lm_head.weight = self.embeddings.weight


class Mamba2Mixer(nn.Module):
    """Mamba2Mixer: in_proj to inner + conv_dim + heads, conv1d over conv_dim, dt_bias, A_log, D, gated norm, out_proj."""

    def __init__(self, d, heads, head_dim, groups, state, conv, bias, conv_bias):
        super().__init__()
        inner = heads * head_dim
        conv_dim = inner + 2 * groups * state
        self.in_proj = linear(d, inner + conv_dim + heads, bias)
        self.conv1d = conv1d(conv_dim, conv, conv_bias)
        self.dt_bias = param(heads)
        self.A_log = param(heads)
        self.D = param(heads)
        self.norm = RMSNorm(inner)
        self.out_proj = linear(inner, d, bias)


class Mamba2ForCausalLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        hd = cfg.get("head_dim", 64)
        heads = cfg.get("num_heads", cfg.get("expand", 2) * d // hd)
        self.embeddings = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for _ in range(cfg["num_hidden_layers"]):
            block = nn.Module()
            block.norm = RMSNorm(d)
            block.mixer = Mamba2Mixer(
                d, heads, hd, cfg.get("n_groups", 1), cfg.get("state_size", 128), cfg.get("conv_kernel", 4),
                cfg.get("use_bias", False), cfg.get("use_conv_bias", True),
            )
            self.layers.append(block)
        self.norm_f = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embeddings.weight


class JambaForCausalLM(nn.Module):
    """JambaAttentionDecoderLayer / JambaMambaDecoderLayer, each with input_layernorm, pre_ff_layernorm and a
    feed_forward that is JambaSparseMoeBlock (router + experts) every expert_layer_period-th layer, else JambaMLP."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        e = cfg["num_experts"]
        self.embed_tokens = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for i in range(cfg["num_hidden_layers"]):
            layer = nn.Module()
            if i % cfg["attn_layer_period"] == cfg["attn_layer_offset"]:
                layer.self_attn = LlamaAttention(d, h, cfg["num_key_value_heads"], d // h)
            else:
                layer.mamba = MambaMixer(
                    d, cfg["mamba_expand"] * d, cfg["mamba_d_state"], cfg["mamba_d_conv"],
                    dt_rank_of(cfg, "mamba_dt_rank", d), cfg["mamba_proj_bias"], cfg["mamba_conv_bias"], inner_norms=True,
                )
            if e > 1 and i % cfg["expert_layer_period"] == cfg["expert_layer_offset"]:
                layer.feed_forward = nn.Module()
                layer.feed_forward.router = linear(d, e)
                layer.feed_forward.experts = nn.ModuleList(LlamaMLP(d, cfg["intermediate_size"]) for _ in range(e))
            else:
                layer.feed_forward = LlamaMLP(d, cfg["intermediate_size"])
            layer.input_layernorm = RMSNorm(d)
            layer.pre_ff_layernorm = RMSNorm(d)
            self.layers.append(layer)
        self.final_layernorm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embed_tokens.weight


class NemotronHForCausalLM(nn.Module):
    """NemotronHBlock per pattern symbol: norm + mixer (M NemotronHMamba2Mixer, * NemotronHAttention,
    - NemotronHMLP: up_proj, down_proj with mlp_bias)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["hidden_size"]
        h = cfg["num_attention_heads"]
        hd = cfg.get("head_dim") or cfg.get("attention_head_dim") or d // h
        self.embeddings = embedding(cfg["vocab_size"], d)
        self.layers = nn.ModuleList()
        for c in cfg["hybrid_override_pattern"]:
            block = nn.Module()
            block.norm = RMSNorm(d)
            if c == "M":
                block.mixer = Mamba2Mixer(
                    d, cfg["mamba_num_heads"], cfg["mamba_head_dim"], cfg["n_groups"], cfg["ssm_state_size"],
                    cfg["conv_kernel"], cfg.get("mamba_proj_bias", False), cfg.get("use_conv_bias", True),
                )
            elif c == "*":
                b = cfg.get("attention_bias", False)
                block.mixer = LlamaAttention(d, h, cfg["num_key_value_heads"], hd, b)
            else:
                b = cfg.get("mlp_bias", False)
                block.mixer = nn.ModuleDict(
                    {"up_proj": linear(d, cfg["intermediate_size"], b), "down_proj": linear(cfg["intermediate_size"], d, b)}
                )
            self.layers.append(block)
        self.norm_f = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", False):
            self.lm_head.weight = self.embeddings.weight
