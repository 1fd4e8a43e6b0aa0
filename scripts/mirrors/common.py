"""Building blocks for PyTorch mirrors of Hugging Face modeling classes, on the meta device.

A mirror holds the same nn.Parameters as the transformers class it is written from (names and shapes,
ties included), so sum(p.numel() for p in model.parameters()) is that class's count; nothing is
allocated. Written against Debian's python3-torch 1.13 (no transformers needed).
"""

import torch
import torch.nn as nn

META = torch.device("meta")


def linear(i, o, bias=False):
    return nn.Linear(i, o, bias=bias, device=META)


def embedding(n, d):
    return nn.Embedding(n, d, device=META)


def param(*shape):
    return nn.Parameter(torch.empty(*shape, device=META))


class RMSNorm(nn.Module):
    """LlamaRMSNorm and its copies: one weight of width d, no bias."""

    def __init__(self, d):
        super().__init__()
        self.weight = param(d)


def layernorm(d, bias=True):
    """torch.nn.LayerNorm; bias=False drops its bias (OLMo's, Cohere's, MPT's weight-only norms)."""
    ln = nn.LayerNorm(d, device=META)
    if not bias:
        ln.register_parameter("bias", None)
    return ln


def count(model):
    """What `sum(p.numel() for p in model.parameters())` gives: tied tensors once."""
    return sum(p.numel() for p in model.parameters())
