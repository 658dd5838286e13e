"""Finite concept classes: the sets of teachers a student must tell apart (Section 4.1).

A :class:`ConceptClass` is a finite list of Boolean functions on one {0,1}^d.  A class
of parities keeps only the subset masks of its members (``masks``), so that oracles
can answer for all of them with one Walsh-Hadamard transform and no 2^d x |class|
table is ever built; a general class keeps its truth tables as one (m, 2^d) uint8 array.

Examples
--------
>>> import finitelearn as fl
>>> T = fl.paper_teachers(3)          # {f_S : 1 in S} of (4.3), paper's numbering
>>> len(T), [sorted(S) for S in T.subsets()]
(4, [[0], [0, 1], [0, 2], [0, 1, 2]])
>>> T[1] == fl.parity(3, {0, 1})
True
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from ._kernels import bits as K
from ._kernels import small as KS
from .validation import check_dimension, fail, fail_type, subset_mask, read_only, check_int
from .memory import check_memory
from .errors import DomainMismatch
from .functions import BooleanFunction, parity

__all__ = ["ConceptClass", "parities", "paper_teachers", "parity_mask_of"]



def parity_mask_of(f: BooleanFunction) -> int | None:
    """S (as a mask) when ``f`` is the parity f_S, else None; O(2^d) bits, no table built.

    A parity has f(0) = 0 and f(e_i) = [i in S], so S is read from the d + 1 values at
    0 and the unit vectors; then the whole bit-packed table is compared with f_S's (an
    affine or any other function that agrees at those points is not taken for a parity).

    >>> import finitelearn as fl
    >>> parity_mask_of(fl.parity(4, {0, 3})), parity_mask_of(~fl.parity(4, {0, 3})), parity_mask_of(fl.majority(3))
    (9, None, None)
    """
    if not isinstance(f, BooleanFunction):
        raise fail_type("f", f, "a BooleanFunction")
    packed = f.packed
    if int(packed[0]) & 1:  # f(0) = 1: not a parity
        return None
    ks = np.left_shift(1, np.arange(f.d, dtype=np.uint64))
    bits = (packed[(ks >> np.uint64(6)).astype(np.int64)] >> (ks & np.uint64(63))) & np.uint64(1)
    mask = int((bits.astype(np.int64) << np.arange(f.d, dtype=np.int64)).sum())
    # f_S has 2^(d-1) ones (none for S = {}): a cheap count rules out almost every other f
    if f.weight() != (0 if mask == 0 else 1 << (f.d - 1)):
        return None
    if (1 << f.d) <= KS.SMALL:  # numpy at the demo's sizes: no numba to start
        return mask if np.array_equal(f.truth_table, KS.parity_table(f.d, mask)) else None
    return mask if np.array_equal(packed, K.parity_packed(f.d, mask)) else None


class ConceptClass:
    """A finite class of Boolean functions on {0,1}^d.

    Build one with :meth:`from_functions`, :meth:`from_tables`, :func:`parities` or
    :func:`paper_teachers`.  ``len``, indexing (a :class:`BooleanFunction`), iteration
    and ``in`` work as for a sequence; :meth:`index` and ``in`` find a parity by its
    mask (:func:`parity_mask_of`), without building the members.

    >>> import finitelearn as fl
    >>> C = fl.parities(3)
    >>> len(C), C.d
    (8, 3)
    """

    __slots__ = ("_d", "_tables", "_masks", "_index")
    _d: int
    _tables: np.ndarray | None
    _masks: np.ndarray | None
    _index: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use ConceptClass.from_functions, ConceptClass.from_tables, parities or paper_teachers")

    @classmethod
    def _make(cls, d: int, tables: np.ndarray | None, masks: np.ndarray | None) -> "ConceptClass":
        self = object.__new__(cls)
        self._d = d
        self._tables = None if tables is None else read_only(tables)
        self._masks = None if masks is None else read_only(masks)
        self._index = None
        return self

    @classmethod
    def from_functions(cls, functions: Iterable[BooleanFunction]) -> "ConceptClass":
        """The class of the given functions (all on the same d, duplicates refused).

        >>> import finitelearn as fl
        >>> C = ConceptClass.from_functions([fl.dictator(2, 0), fl.dictator(2, 1)])
        >>> len(C), C.d
        (2, 2)
        """
        fs = list(functions) if isinstance(functions, Iterable) else None
        if not fs:
            raise fail("functions", functions, "a non-empty iterable of BooleanFunction")
        for f in fs:
            if not isinstance(f, BooleanFunction):
                raise fail_type("functions", f, "BooleanFunction members")
        d = fs[0].d
        for f in fs:
            if f.d != d:
                raise DomainMismatch(f"functions are on different d ({d} and {f.d}): a class lives on one cube")
        if len(set(fs)) != len(fs):
            raise fail("functions", "...", "distinct functions (a class is a set)")
        check_memory(d, bytes_per_point=len(fs))
        return cls._make(d, np.stack([f.truth_table for f in fs]).astype(np.uint8), None)

    @classmethod
    def from_tables(cls, tables: Any) -> "ConceptClass":
        """The class whose members have the rows of ``tables`` (shape (m, 2^d), 0/1) as truth tables.

        >>> ConceptClass.from_tables([[0, 1, 1, 0], [0, 0, 0, 1]]).d
        2
        """
        arr = np.asarray(tables)
        if arr.ndim != 2 or arr.shape[0] == 0:
            raise fail("tables", tables, "a 2-D array of shape (m, 2**d) with m >= 1")
        return cls.from_functions(BooleanFunction.from_truth_table(row) for row in arr)

    # -- reading ----------------------------------------------------------------------
    @property
    def d(self) -> int:
        """Dimension of the cube the concepts live on."""
        return self._d

    @property
    def is_parity_class(self) -> bool:
        """True when every member is a parity f_S (then :attr:`masks` lists the S)."""
        return self._masks is not None

    @property
    def masks(self) -> np.ndarray | None:
        """int64 subset masks of the members of a parity class (None otherwise)."""
        return self._masks

    @property
    def tables(self) -> np.ndarray:
        """Read-only (m, 2^d) uint8 truth tables (built on demand for a parity class)."""
        if self._tables is None:
            assert self._masks is not None  # a class has its tables or its masks (tables built from them here)
            check_memory(self._d, bytes_per_point=len(self), name="d (x class size)")
            # f_S(x) is linear in x over GF(2): f_S(x + e_i) = f_S(x) ^ [i in S], so column block
            # [2^i, 2^(i+1)) is block [0, 2^i) xor bit i of every mask (d passes, no per-member loop)
            masks = self._masks
            out = np.zeros((masks.shape[0], 1 << self._d), dtype=np.uint8)
            for i in range(self._d):
                h = 1 << i
                np.bitwise_xor(out[:, :h], ((masks >> i) & 1).astype(np.uint8)[:, None], out=out[:, h:2 * h])
            self._tables = read_only(out)
        return self._tables

    def subsets(self) -> list[frozenset[int]]:
        """The sets S (0-based) of a parity class, in member order.

        >>> import finitelearn as fl
        >>> fl.paper_teachers(3).subsets()
        [frozenset({0}), frozenset({0, 1}), frozenset({0, 2}), frozenset({0, 1, 2})]
        """
        if self._masks is None:
            raise fail("class", self, "a parity class (this class is given by tables)")
        return [frozenset(i for i in range(self._d) if (int(m) >> i) & 1) for m in self._masks]

    def __len__(self) -> int:
        if self._masks is not None:
            return int(self._masks.shape[0])
        assert self._tables is not None  # a class without masks is given by its tables
        return int(self._tables.shape[0])

    def __getitem__(self, k: int) -> BooleanFunction:
        n = len(self)
        if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or not -n <= int(k) < n:
            raise fail("k", k, f"a member index in 0..{n - 1}")
        k = int(k) % n
        if self._masks is not None:
            return parity(self._d, int(self._masks[k]))
        assert self._tables is not None  # a class without masks is given by its tables
        return BooleanFunction.from_truth_table(self._tables[k])

    def __iter__(self) -> Iterator[BooleanFunction]:
        for k in range(len(self)):
            yield self[k]

    def index(self, f: BooleanFunction) -> int:
        """Position of ``f`` in the class (InvalidArgument if absent).

        A parity class looks ``f`` up by its mask (:func:`parity_mask_of`, O(2^d) bits and
        a scan of the masks): no member is built.  A class of tables compares the
        bit-packed tables (a lookup table of 2^d/8 bytes per member, built on first use).

        >>> import finitelearn as fl
        >>> paper_teachers(18).index(fl.parity(18, {0, 3}))
        4
        """
        if not isinstance(f, BooleanFunction):
            raise fail_type("f", f, "a BooleanFunction")
        k = self._position(f)
        if k is None:
            raise fail("f", f, "a member of this class")
        return k

    def position_of_mask(self, mask: int) -> int | None:
        """Position of the parity f_S (S given by ``mask``) in a parity class, None when it is no member.

        O(log m) per call: the masks are sorted once, on first use (the oracles look up
        the members a parity query singles out on every query).

        >>> paper_teachers(4).position_of_mask(0b0101), paper_teachers(4).position_of_mask(0b0100)
        (2, None)
        """
        if self._masks is None:
            raise fail("concept class", self, "a parity class (one given by masks)")
        mask = check_int(mask, "mask")
        if self._index is None:  # a parity class's lookup: (sorted masks, their positions)
            order = np.argsort(self._masks, kind="stable")
            self._index = (self._masks[order], order.astype(np.int64))
        sorted_masks, positions = self._index
        i = int(np.searchsorted(sorted_masks, mask))
        if i < sorted_masks.shape[0] and int(sorted_masks[i]) == mask:
            return int(positions[i])
        return None

    def _position(self, f: BooleanFunction) -> int | None:
        if f.d != self._d:
            return None
        if self._masks is not None:
            mask = parity_mask_of(f)
            return None if mask is None else self.position_of_mask(mask)
        if self._index is None:
            assert self._tables is not None  # a class without masks is given by its tables
            packed = np.packbits(self._tables, axis=1)
            self._index = {row.tobytes(): k for k, row in enumerate(packed)}
        return self._index.get(np.packbits(f.truth_table).tobytes())

    def __contains__(self, f: object) -> bool:
        return isinstance(f, BooleanFunction) and self._position(f) is not None

    def subclass(self, members: Iterable[int]) -> "ConceptClass":
        """The class of the members at the given positions (order kept; positions distinct ints).

        >>> paper_teachers(3).subclass([2, 0]).masks.tolist()
        [5, 1]
        """
        if isinstance(members, (str, bytes)) or not isinstance(members, Iterable):
            raise fail_type("members", members, "a list of member positions (ints)")
        pos = [check_int(m, "members") for m in members]
        if not pos or min(pos) < 0 or max(pos) >= len(self):
            raise fail("members", members, f"a non-empty list of positions in 0..{len(self) - 1}")
        if len(set(pos)) != len(pos):
            raise fail("members", members, "distinct positions (a class is a set)")
        idx = np.asarray(pos, dtype=np.int64)
        if self._masks is not None:
            return ConceptClass._make(self._d, None, self._masks[idx].copy())
        assert self._tables is not None  # a class without masks is given by its tables
        return ConceptClass._make(self._d, self._tables[idx].copy(), None)

    def __repr__(self) -> str:
        kind = "parities" if self._masks is not None else "functions"
        return f"ConceptClass({len(self)} {kind} on {{0,1}}^{self._d})"


def parities(d: int, containing: Any = (), excluding: Any = ()) -> ConceptClass:
    """The class of parities f_S whose S contains ``containing`` and avoids ``excluding``.

    Members are ordered by mask.  ``parities(d)`` is all 2^d parities (F_d of Theorem 4.1).

    >>> len(parities(4)), len(parities(4, containing={0})), len(parities(4, excluding={0, 1}))
    (16, 8, 4)
    """
    d = check_dimension(d)
    if d > 40:
        raise fail("d", d, "d <= 40 (a class of 2**d parities must be listed)")
    need = subset_mask(containing, d, name="containing")
    avoid = subset_mask(excluding, d, name="excluding")
    if need & avoid:
        raise fail("excluding", excluding, "coordinates not also in containing")
    free = [i for i in range(d) if not ((need | avoid) >> i) & 1]
    # per member: the counter, the masks and one temporary, all int64
    check_memory(len(free) if free else 1, bytes_per_point=24, name="number of free coordinates")
    k = np.arange(1 << len(free), dtype=np.int64)
    masks = np.full(k.shape, need, dtype=np.int64)
    for j, i in enumerate(free):
        masks |= ((k >> j) & 1) << i
    masks.sort()
    return ConceptClass._make(d, None, masks)


def paper_teachers(d: int) -> ConceptClass:
    """The teachers of Theorem 4.2, equation (4.3): {f_S : S subset of [d], 1 in S}.

    In code the paper's coordinate 1 is index 0.  The class has 2^(d-1) members.

    >>> len(paper_teachers(5))
    16
    """
    return parities(d, containing={0})
