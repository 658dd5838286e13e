"""How much memory a table over a finite domain needs, and the guard that refuses it first.

Every constructor that allocates a table over {0,1}^d (or over any finite domain) asks
:func:`check_memory` before it allocates: the request is refused with a
:class:`finitelearn.TooLarge` naming the argument and the size it would need.  The
arithmetic is done on exponents, so an absurd d (2**70) is refused at once and never
builds a 2**d-sized Python int.

Examples
--------
>>> memory_required(20)
1048576
>>> format_bytes(3 * 2**30)
'3.0 GiB'
"""

from __future__ import annotations

import os
import time

from fractions import Fraction
from typing import Any

from .errors import TooLarge
from .validation import as_fraction, check_dimension, check_int, fail

__all__ = ["available_memory", "memory_required", "check_memory", "check_objects", "format_bytes"]

#: Beyond this exponent no machine holds a table, whatever bytes per point.
_ABSURD_D = 62
#: memory_required reports sizes up to this d (2**256 bytes is still a number to print).
_MAX_REPORTED_D = 256


def available_memory() -> int:
    """Bytes of memory available now (``MemAvailable`` of /proc/meminfo where it exists).

    /proc/meminfo is read at most every 0.25 s (oracles check memory on every query).

    Falls back to the physical memory of the machine where /proc/meminfo is missing.  The
    environment variable ``FINITELEARN_MEMORY_LIMIT`` (bytes, or a number with a unit:
    ``512MiB``, ``2GiB``) caps it, for a machine shared with other work.

    >>> available_memory() > 0
    True
    """
    now = _system_available()
    limit = os.environ.get("FINITELEARN_MEMORY_LIMIT")
    if limit:
        now = min(now, _parse_size(limit))
    return now


_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 10**3, "kib": 2**10, "m": 2**20, "mb": 10**6, "mib": 2**20,
          "g": 2**30, "gb": 10**9, "gib": 2**30, "t": 2**40, "tb": 10**12, "tib": 2**40}


def _parse_size(text: str) -> int:
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if not m or m.group(2).lower() not in _UNITS:
        raise fail("FINITELEARN_MEMORY_LIMIT", text, "a size in bytes such as 2147483648, 512MiB or 2GiB")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


_CACHE_SECONDS = 0.25  # /proc/meminfo is read at most this often (a read costs ~50 us; per-query checks add up)
_cached: list[float] = [-1.0, 0.0]  # [monotonic time of the last read, bytes then]


def _system_available() -> int:
    now = time.monotonic()
    if now - _cached[0] < _CACHE_SECONDS:
        return int(_cached[1])
    value = _read_system_available()
    _cached[0], _cached[1] = now, value
    return value


def _read_system_available() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:  # pragma: no cover - non-Linux
        pass
    try:  # pragma: no cover - non-Linux
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):  # pragma: no cover
        return 16 * 2**30


def memory_required(d: int, bytes_per_point: float = 1.0) -> int:
    """Bytes needed by one table of ``bytes_per_point`` bytes per point of {0,1}^d.

    >>> memory_required(20)
    1048576
    >>> memory_required(20, bytes_per_point=8)
    8388608
    """
    d = check_dimension(d)
    if d > _MAX_REPORTED_D:
        raise fail("d", d, f"an int in 1..{_MAX_REPORTED_D} (beyond it no size is worth reporting)")
    bpp = _check_bytes_per_point(bytes_per_point)
    return int((1 << d) * bpp)


def _check_bytes_per_point(bytes_per_point: Any) -> Fraction:
    q = as_fraction(bytes_per_point, "bytes_per_point")
    if q <= 0:
        raise fail("bytes_per_point", bytes_per_point, "a number > 0")
    return q


def format_bytes(n: float | Fraction) -> str:
    """A byte count in binary units, e.g. ``'1.5 KiB'``.

    A size under one KiB is shown as a whole number of bytes.

    >>> format_bytes(8), format_bytes(1536), format_bytes(2**40)
    ('8 B', '1.5 KiB', '1.0 TiB')
    """
    n = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if n < 1024 or unit == "EiB":
            return f"{int(n)} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def check_memory(d: int, bytes_per_point: float = 1.0, tables: int = 1, name: str = "d") -> int:
    """Refuse, before allocating, a d whose tables would not fit in the memory available now.

    Parameters
    ----------
    d : int
        Dimension of the cube (the tables have 2**d entries).
    bytes_per_point : float
        Bytes each table spends per point.
    tables : int
        How many such tables the operation holds at its peak.
    name : str
        The argument's name as the user wrote it, for the message.

    Returns
    -------
    int
        d, checked.

    Examples
    --------
    >>> check_memory(10)
    10
    """
    d = check_dimension(d, name)
    # plain positive ints (every internal caller) need no Fraction: this runs on every query
    bpp = bytes_per_point if type(bytes_per_point) is int and bytes_per_point > 0 else \
        _check_bytes_per_point(bytes_per_point)
    tables = check_int(tables, "tables")
    if tables < 1:
        raise fail("tables", tables, "an int >= 1")
    limit = available_memory()
    if d > _ABSURD_D:
        raise TooLarge(
            f"{name}={d} is not allowed: tables over 2**{d} points cannot be held "
            f"(this machine has {format_bytes(limit)} available)"
        )
    need = (1 << d) * bpp * tables
    if need > limit:
        raise TooLarge(
            f"{name}={d} is not allowed: {tables} table(s) of 2**{d} points at "
            f"{float(bpp):g} byte(s) per point need {format_bytes(need)}, "
            f"more than the {format_bytes(limit)} of memory available now"
        )
    return d


def check_objects(count: int, bytes_each: int, name: str) -> int:
    """Refuse, before building them, ``count`` Python objects of about ``bytes_each`` bytes.

    >>> check_objects(10, 100, "domain")
    10
    """
    need = count * bytes_each
    limit = available_memory()
    if need > limit:
        raise TooLarge(f"{name} is too large here: {count} objects of about {bytes_each} bytes need "
                       f"{format_bytes(need)}, more than the {format_bytes(limit)} of memory available now")
    return count
