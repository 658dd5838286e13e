"""The domain {0,1}^d: point <-> integer index, all points, and the memory guard.

Convention (DESIGN.md): the point x = (x_1, ..., x_d) is stored as the integer
``sum_i x_i * 2**(i-1)``, so bit ``i-1`` of the index is the paper's coordinate x_i.
In code coordinates are 0-based: ``bits[0]`` is the paper's x_1.
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Sequence

import numpy as np

from ._validation import check_dimension, check_int, fail, fail_type
from .errors import TooLarge

__all__ = [
    "points",
    "index_to_bits",
    "bits_to_index",
    "memory_required",
    "check_memory",
    "available_memory",
    "size",
]


def available_memory() -> int:
    """Physical memory of this machine in bytes (what a table may use at most)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):  # pragma: no cover - non-POSIX
        return 16 * 2**30


def memory_required(d: int, bytes_per_point: float = 1.0) -> int:
    """Bytes needed by one table of ``bytes_per_point`` bytes per point of {0,1}^d.

    >>> memory_required(20)
    1048576
    >>> memory_required(20, bytes_per_point=8)
    8388608
    """
    d = check_dimension(d)
    return int((1 << d) * bytes_per_point)


def _format_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if n < 1024 or unit == "PiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return f"{n} B"  # pragma: no cover


def check_memory(d: int, bytes_per_point: float = 1.0, tables: int = 1, name: str = "d") -> int:
    """Refuse, before allocating, a d whose tables would not fit in memory.

    Returns d.  The limit is half of this machine's physical memory, so that the
    tables and the temporaries of one operation fit together.

    >>> check_memory(10)
    10
    """
    d = check_dimension(d, name)
    need = (1 << d) * bytes_per_point * tables
    limit = available_memory() // 2
    if need > limit:
        raise TooLarge(
            f"{name}={d} is not allowed: {tables} table(s) of 2**{d} points at "
            f"{bytes_per_point:g} byte(s) per point need {_format_bytes(need)}, "
            f"more than the {_format_bytes(limit)} (half this machine's memory) allowed"
        )
    return d


def size(d: int) -> int:
    """Number of points of {0,1}^d, 2**d.

    >>> size(4)
    16
    """
    return 1 << check_dimension(d)


def points(d: int) -> np.ndarray:
    """All 2^d points of {0,1}^d as a read-only (2^d, d) uint8 array.

    Row k is the point with index k; column i is the paper's x_{i+1}.

    >>> points(2)
    array([[0, 0],
           [1, 0],
           [0, 1],
           [1, 1]], dtype=uint8)
    """
    d = check_dimension(d)
    check_memory(d, bytes_per_point=d)
    k = np.arange(1 << d, dtype=np.int64)
    out = ((k[:, None] >> np.arange(d, dtype=np.int64)[None, :]) & 1).astype(np.uint8)
    out.flags.writeable = False
    return out


def index_to_bits(k: Any, d: int) -> tuple[int, ...]:
    """The point with index ``k`` as a tuple of d bits (bits[0] is the paper's x_1).

    >>> index_to_bits(5, 4)
    (1, 0, 1, 0)
    """
    d = check_dimension(d)
    k = check_int(k, "k")
    if not 0 <= k < (1 << d):
        raise fail("k", k, f"a point index in 0..2**{d}-1")
    return tuple((k >> i) & 1 for i in range(d))


def bits_to_index(bits: Iterable[Any], d: int | None = None, name: str = "point") -> int:
    """The index of a point given by its bits (bits[0] is the paper's x_1).

    >>> bits_to_index((1, 0, 1, 0))
    5
    """
    if isinstance(bits, (str, bytes)) or not isinstance(bits, (Sequence, np.ndarray, Iterable)):
        raise fail_type(name, bits, "a sequence of 0/1 bits")
    seq = list(bits)
    if d is not None and len(seq) != d:
        raise fail(name, tuple(seq), f"a point of length d={d}")
    if not seq:
        raise fail(name, tuple(seq), "a point with at least one bit")
    k = 0
    for i, b in enumerate(seq):
        if isinstance(b, (bool, np.bool_)):
            b = int(b)
        if isinstance(b, (int, np.integer)) and int(b) in (0, 1):
            k |= int(b) << i
        else:
            raise fail(name, tuple(seq), "entries 0 or 1 only")
    return k
