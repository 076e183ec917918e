"""Near-duplicate texts: MinHash signatures (datasketch) of character shingles, and LSH band keys.

One story reposted by several outlets differs in its furniture, byline or a sentence; the same page
under two URLs differs not at all. Both come out with a high Jaccard similarity of their 4-character
shingles, which MinHash estimates from ``NUM_PERM`` numbers. ``band_keys`` cuts the signature into
``BANDS`` bands of ``ROWS`` numbers: two texts that share any band key are candidates (with 16 x 4,
texts with Jaccard 0.5 share a band about 63% of the time, at 0.8 over 99.9%), and the stored
signatures then decide. The keys are stored in the database, not in datasketch's in-memory
``MinHashLSH``, so every worker sees every article without rebuilding an index.

datasketch (and numpy) are imported on first use: datasketch's package import loads scipy and
redis too, about 60 MB that a worker only re-reading stored articles never needs.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
# datasketch's hashing scheme, named when a stored signature is read back (datasketch >= 2.0 asks).
SCHEME = "affine32"
BANDS, ROWS = 16, 4
SHINGLE = 4
# Texts shorter than this (after dropping spaces and punctuation) are not compared: a two-line
# notice says too little to tell a repost from a different notice with the same wording.
MIN_CHARS = 40
# Jaccard estimate at or above which two texts are one story. bench/fetch.py measures it on the
# test pages: the same story in other templates scores 0.64 or more, different stories 0.13 at most.
DUPLICATE_THRESHOLD = 0.5
_KEEP = re.compile(r"[\w]", re.U)


def signature(text: str) -> MinHash | None:
    """The MinHash of ``text``'s character shingles, or None for a text too short to compare."""
    kept = "".join(_KEEP.findall(text))
    if len(kept) < MIN_CHARS:
        return None
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch({kept[i : i + SHINGLE].encode("utf-8") for i in range(len(kept) - SHINGLE + 1)})
    return minhash


def to_hex(minhash: MinHash) -> str:
    return minhash.hashvalues.astype("<u8").tobytes().hex()


def from_hex(value: str) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(bytes.fromhex(value), dtype="<u8"), scheme=SCHEME
    )


def band_keys(minhash: MinHash) -> list[str]:
    """One short key per band: "<band>:<hash of its rows>"."""
    values = minhash.hashvalues.astype("<u8")
    return [
        f"{band}:{hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for band in range(BANDS)
    ]


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0..1)."""
    return float(a.jaccard(b))
