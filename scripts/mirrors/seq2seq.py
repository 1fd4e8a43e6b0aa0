"""Mirrors of encoder-decoder classes: T5ForConditionalGeneration (t5, mt5, umt5) and BartForConditionalGeneration."""

import torch.nn as nn

from common import RMSNorm, embedding, layernorm, linear


class T5Attention(nn.Module):
    """T5Attention: q, k, v, o without biases (inner = heads · d_kv); relative_attention_bias Embedding(buckets, heads)
    when has_relative_attention_bias (the first layer of each stack; every layer in umT5)."""

    def __init__(self, cfg, relative):
        super().__init__()
        d = cfg["d_model"]
        inner = cfg["num_heads"] * cfg["d_kv"]
        self.q = linear(d, inner)
        self.k = linear(d, inner)
        self.v = linear(d, inner)
        self.o = linear(inner, d)
        if relative:
            self.relative_attention_bias = embedding(cfg["relative_attention_num_buckets"], cfg["num_heads"])


class T5DenseActDense(nn.Module):
    """T5DenseActDense (wi, wo) or T5DenseGatedActDense (wi_0, wi_1, wo), no biases."""

    def __init__(self, cfg):
        super().__init__()
        d, ff = cfg["d_model"], cfg["d_ff"]
        if cfg.get("feed_forward_proj", "relu").startswith("gated-"):
            self.wi_0 = linear(d, ff)
            self.wi_1 = linear(d, ff)
        else:
            self.wi = linear(d, ff)
        self.wo = linear(ff, d)


class T5Block(nn.Module):
    def __init__(self, cfg, relative, decoder):
        super().__init__()
        d = cfg["d_model"]
        self.self_attention = T5Attention(cfg, relative)
        self.self_norm = RMSNorm(d)
        if decoder:
            self.cross_attention = T5Attention(cfg, False)
            self.cross_norm = RMSNorm(d)
        self.ff = T5DenseActDense(cfg)
        self.ff_norm = RMSNorm(d)


class T5ForConditionalGeneration(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        d = cfg["d_model"]
        every = cfg["model_type"] == "umt5"
        self.shared = embedding(cfg["vocab_size"], d)
        enc = cfg["num_layers"]
        dec = cfg.get("num_decoder_layers") or enc
        self.encoder = nn.ModuleList(T5Block(cfg, every or i == 0, False) for i in range(enc))
        self.encoder_final_layer_norm = RMSNorm(d)
        self.decoder = nn.ModuleList(T5Block(cfg, every or i == 0, True) for i in range(dec))
        self.decoder_final_layer_norm = RMSNorm(d)
        self.lm_head = linear(d, cfg["vocab_size"])
        if cfg.get("tie_word_embeddings", cfg["model_type"] != "mt5"):
            self.lm_head.weight = self.shared.weight


class BartAttention(nn.Module):
    def __init__(self, d, bias=True):
        super().__init__()
        self.k_proj = linear(d, d, bias)
        self.v_proj = linear(d, d, bias)
        self.q_proj = linear(d, d, bias)
        self.out_proj = linear(d, d, bias)


class BartLayer(nn.Module):
    def __init__(self, d, ffn, decoder):
        super().__init__()
        self.self_attn = BartAttention(d)
        self.self_attn_layer_norm = layernorm(d)
        if decoder:
            self.encoder_attn = BartAttention(d)
            self.encoder_attn_layer_norm = layernorm(d)
        self.fc1 = linear(d, ffn, True)
        self.fc2 = linear(ffn, d, True)
        self.final_layer_norm = layernorm(d)


class BartForConditionalGeneration(nn.Module):
    """BartModel: shared embedding; each stack its learned positions (max + 2 rows) and layernorm_embedding;
    the lm_head tied to shared (final_logits_bias is a buffer)."""

    def __init__(self, cfg):
        super().__init__()
        d = cfg["d_model"]
        rows = cfg["max_position_embeddings"] + 2
        self.shared = embedding(cfg["vocab_size"], d)
        self.encoder_positions = embedding(rows, d)
        self.encoder_layernorm_embedding = layernorm(d)
        self.encoder = nn.ModuleList(BartLayer(d, cfg["encoder_ffn_dim"], False) for _ in range(cfg["encoder_layers"]))
        self.decoder_positions = embedding(rows, d)
        self.decoder_layernorm_embedding = layernorm(d)
        self.decoder = nn.ModuleList(BartLayer(d, cfg["decoder_ffn_dim"], True) for _ in range(cfg["decoder_layers"]))
        self.lm_head = linear(d, cfg["vocab_size"])
        self.lm_head.weight = self.shared.weight
