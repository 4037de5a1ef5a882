"""How alike two texts are (a resume and a job description): the cosine of their vectors.

settings.SIMILARITY_BACKEND picks how a text becomes a vector: "tfidf" (built in),
"embeddings" (sentence embeddings, ai.embeddings, installed with requirements-embeddings.txt)
or "auto" (embeddings when those packages are installed, else tfidf). The two backends give
vectors of different sizes and meanings: keep backend_name() beside a stored vector and
compare only vectors of the same backend.

The tfidf backend embeds each document on its own and fits nothing to a corpus, so a vector
stored for a job today stays comparable with a resume embedded next year:

* Features: lower-cased words (keeping "c++", "c#", "node.js" whole; one-letter words, numbers
  and stop words dropped; a plural "s" stripped), bigrams of neighbouring kept words
  ("machine learning"), and one feature per skill that ai.skills finds, by canonical name, so
  "NodeJS" in a resume meets "Node.js" in a job, plus one per skill those imply ("Django"
  brings Python).
* Weight: (1 + ln tf) x idf, with a fixed idf table shipped as data instead of one learnt from
  documents: 0 for ai/taxonomy/stop_words.txt, 0.3 for ai/taxonomy/common_words.txt (words
  nearly every resume and job advert uses), 1 for any other word, 3 for a skill found, 1 for a
  skill implied; a bigram weighs 0.6 x the lower idf of its two words.
* Feature hashing into TFIDF_DIMENSIONS buckets: blake2b of the feature picks the bucket and a
  sign, so features that collide cancel out on average instead of piling up. (Python's hash()
  is salted per process, so stored vectors would not match.)
* Rows are L2-normalised float32; a text with no features gives a zero row.
"""

import functools
import hashlib
import itertools
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ai import embeddings
from ai.skills import expand_implied, extract_skill_mentions

TFIDF_DIMENSIONS = 4096
BACKENDS = ("auto", "tfidf", "embeddings")
COMMON_IDF = 0.3
SKILL_IDF = 3.0
IMPLIED_IDF = 1.0
BIGRAM_FACTOR = 0.6
_WORDS_DIR = Path(__file__).resolve().parent / "taxonomy"
_TOKEN = re.compile(r"[^\W_][\w+#]*(?:\.[^\W_]+)*")


def backend_name() -> str:
    """The backend in use, "tfidf" or "embeddings", from settings.SIMILARITY_BACKEND."""
    choice = (getattr(settings, "SIMILARITY_BACKEND", "auto") or "auto").strip().lower()
    if choice not in BACKENDS:
        raise ImproperlyConfigured(
            f"SIMILARITY_BACKEND must be one of {', '.join(BACKENDS)}, not {choice!r}."
        )
    if choice == "tfidf":
        return "tfidf"
    if embeddings.available():
        return "embeddings"
    if choice == "embeddings":
        raise ImproperlyConfigured(embeddings.INSTALL_HINT)
    return "tfidf"


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised float32 row per text; each row depends on its own text only."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a list of texts, not one string.")
    texts = list(texts)
    if backend_name() == "embeddings":
        matrix = embeddings.embed(texts)
    else:
        matrix = np.zeros((len(texts), TFIDF_DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for index, value in _hashed(_tfidf_features(text)).items():
                matrix[row, index] = value
    return _normalised(matrix)


def similarity(a: str, b: str) -> float:
    """Cosine of the two texts' vectors, clipped to [0, 1] and rounded to 4 decimals."""
    first, second = embed([a, b])
    return round(min(1.0, max(0.0, float(first @ second))), 4)


def _normalised(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


@functools.cache
def _idf_table() -> dict[str, float]:
    table = dict.fromkeys(_word_list("common_words.txt"), COMMON_IDF)
    table.update((word, 0.0) for word in _word_list("stop_words.txt"))
    return table


def _word_list(filename: str) -> set[str]:
    lines = (_WORDS_DIR / filename).read_text(encoding="utf-8").splitlines()
    return {
        _normal_word(word) for line in lines if not line.startswith("#") for word in line.split()
    }


def _normal_word(word: str) -> str:
    if not word.isalpha():
        return word  # "node.js", "c++", "k8s"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tfidf_features(text: str) -> dict[str, float]:
    """Feature → weight for one text."""
    idf = _idf_table()
    words = [_normal_word(token) for token in _TOKEN.findall(text.lower())]
    kept = [word for word in words if len(word) > 1 and not word.isdigit()]
    kept = [word for word in kept if idf.get(word, 1.0) > 0]
    counts: Counter[str] = Counter(kept)
    weights = {word: _sublinear(tf) * idf.get(word, 1.0) for word, tf in counts.items()}
    bigrams = Counter(itertools.pairwise(kept))
    for (left, right), tf in bigrams.items():
        lower_idf = min(idf.get(left, 1.0), idf.get(right, 1.0))
        weights[f"{left} {right}"] = _sublinear(tf) * BIGRAM_FACTOR * lower_idf
    found = Counter(mention.name for mention in extract_skill_mentions(text))
    for name, tf in found.items():
        weights[f"skill:{name}"] = _sublinear(tf) * SKILL_IDF
    for name in expand_implied(found) - set(found):
        weights[f"skill:{name}"] = IMPLIED_IDF
    return weights


def _sublinear(tf: int) -> float:
    return 1.0 + math.log(tf)


def _hashed(features: dict[str, float]) -> dict[int, float]:
    vector: dict[int, float] = {}
    for feature, weight in features.items():
        index, sign = _bucket(feature)
        vector[index] = vector.get(index, 0.0) + sign * weight
    return vector


@functools.lru_cache(maxsize=65536)
def _bucket(feature: str) -> tuple[int, float]:
    digest = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
    return digest % TFIDF_DIMENSIONS, 1.0 if digest >> 63 else -1.0
