"""Boolean functions on {0,1}^d as truth tables (Section 4.1 of the paper).

A :class:`BooleanFunction` is its truth table: a read-only ``uint8`` array of length
2^d whose entry k is f(point k) (docs/design.md point encoding).  It also has a bit-packed
form (``uint64`` words, bit j of word w = f(64 w + j)); constructors such as
:func:`parity` build the packed form directly and the byte table is made on first use,
so d = 28 costs 32 MiB per function, not 256 MiB.
"""

from __future__ import annotations

import numbers
from typing import Any, Callable, Mapping

import numpy as np

from ._kernels import bits as K
from ._kernels import small as KS
from .validation import check_bool, check_coordinate, check_dimension, check_int, fail, fail_type, subset_mask, read_only
from .domains import bits_to_index, check_fixed
from .memory import check_memory
from .progress import points_with_progress
from .errors import DomainMismatch

__all__ = [
    "BooleanFunction",
    "parity",
    "dictator",
    "majority",
    "conjunction",
    "disjunction",
    "constant",
    "threshold",
    "check_same_domain",
]



def _pack(table: np.ndarray) -> np.ndarray:
    """0/1 table (length 2^d) -> ``max(1, 2^d/64)`` uint64 words, bit j of word w = entry 64w + j.

    numpy's C bit packing, little-endian bit order, read as little-endian words (measured
    3x faster than a numba loop at d >= 16, and nothing to compile).
    """
    b = np.packbits(table, bitorder="little")
    if b.shape[0] % 8:  # d < 6: one word, zero-padded
        b = np.concatenate([b, np.zeros(8 - b.shape[0] % 8, dtype=np.uint8)])
    return b.view("<u8").astype(np.uint64, copy=False)


def _unpack(packed: np.ndarray, n: int) -> np.ndarray:
    """The inverse of :func:`_pack`: uint8 table of length n (measured 5-10x faster than a numba loop)."""
    return np.unpackbits(packed.astype("<u8", copy=False).view(np.uint8), count=n, bitorder="little")


def _nwords(d: int) -> int:
    return max(1, (1 << d) >> 6)


class BooleanFunction:
    """A Boolean function f: {0,1}^d -> {0,1}, stored as its truth table.

    Build one with :meth:`from_truth_table`, :meth:`from_callable` or a named
    constructor (:func:`parity`, :func:`majority`, ...).  Functions are immutable,
    hashable and compare equal when their tables are equal.  ``~f`` is the negation,
    ``f ^ g``, ``f & g`` and ``f | g`` act pointwise, ``f(x)`` evaluates at a point.

    Examples
    --------
    >>> import finitelearn as fl
    >>> t = fl.BooleanFunction.from_truth_table([0, 1, 1, 0])
    >>> t == fl.parity(2, {0, 1})
    True
    >>> t((1, 0)), t((1, 1))
    (1, 0)
    >>> (~t).truth_table
    array([1, 0, 0, 1], dtype=uint8)
    """

    __slots__ = ("_d", "_table", "_packed", "_hash")
    _d: int
    _table: Any  # np.ndarray or None: each form is built from the other on demand
    _packed: Any
    _hash: int | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            "use BooleanFunction.from_truth_table, BooleanFunction.from_callable or a "
            "constructor such as finitelearn.parity"
        )

    # -- private constructors (trusted input) ---------------------------------------
    @classmethod
    def _from_table(cls, d: int, table: np.ndarray) -> "BooleanFunction":
        self = object.__new__(cls)
        self._d = d
        self._table = read_only(np.ascontiguousarray(table, dtype=np.uint8))
        self._packed = None
        self._hash = None
        return self

    @classmethod
    def _from_packed(cls, d: int, packed: np.ndarray) -> "BooleanFunction":
        self = object.__new__(cls)
        self._d = d
        self._table = None
        self._packed = read_only(np.ascontiguousarray(packed, dtype=np.uint64))
        self._hash = None
        return self

    # -- public constructors --------------------------------------------------------
    @classmethod
    def from_truth_table(cls, table: Any) -> "BooleanFunction":
        """The function whose truth table is ``table`` (length 2^d, entries 0/1).

        Parameters
        ----------
        table : array_like of int or bool
            Entry k is f(point k), point k having bits ``k >> i & 1``.

        Examples
        --------
        >>> BooleanFunction.from_truth_table([0, 0, 0, 1]).d
        2
        """
        arr = np.asarray(table)
        if arr.ndim != 1:
            raise fail("table", table, "a one-dimensional array of length 2**d")
        if arr.dtype.kind not in "biu":
            raise fail_type("table", table, f"integer or bool entries (got dtype {arr.dtype})")
        n = arr.shape[0]
        if n < 2 or n & (n - 1):
            raise fail("table", table, f"a length that is a power of two >= 2 (got length {n})")
        if arr.dtype.kind != "b" and ((arr != 0) & (arr != 1)).any():
            bad = arr[(arr != 0) & (arr != 1)][0]
            raise fail("table", table, f"entries 0 or 1 only (found {bad})")
        d = n.bit_length() - 1
        return cls._from_table(d, arr.astype(np.uint8))

    @classmethod
    def from_packed(cls, d: Any, packed: Any) -> "BooleanFunction":
        """The function on {0,1}^d whose bit-packed table is ``packed`` (:attr:`packed`'s layout).

        A function built from its bits keeps only them (2^d / 8 bytes) until its byte table
        is asked for; :meth:`transient_truth_table` reads it without keeping one.

        Parameters
        ----------
        d : int
            The dimension, >= 1.
        packed : array_like of non-negative int
            ``max(1, 2^d / 64)`` words below 2^64, bit j of word w = f(64 w + j); for
            d < 6 the bits from 2^d up must be 0.

        Examples
        --------
        >>> f = BooleanFunction.from_packed(3, [0b10010110])
        >>> f == parity(3, {0, 1, 2}), f.truth_table.tolist()
        (True, [0, 1, 1, 0, 1, 0, 0, 1])
        """
        d = check_dimension(d)
        # a list of Python ints is read as exact ints (numpy would make a mix of words below and
        # above 2^63 float64); an array must hold integers already
        arr = packed if isinstance(packed, np.ndarray) else np.array(packed, dtype=object)
        nwords = _nwords(d)
        if arr.ndim != 1 or arr.shape[0] != nwords:
            raise fail("packed", packed, f"a one-dimensional array of max(1, 2**d / 64) = {nwords} words for d={d}")
        if arr.dtype.kind == "O":
            if not all(isinstance(w, numbers.Integral) and not isinstance(w, bool) for w in arr):
                raise fail_type("packed", packed, "unsigned 64-bit words (ints)")
            if not all(0 <= int(w) < 1 << 64 for w in arr):
                raise fail("packed", packed, "non-negative words below 2**64 (bit j of word w = f(64 w + j))")
            words = np.array([int(w) for w in arr], dtype=np.uint64)
        elif arr.dtype.kind not in "iu":
            raise fail_type("packed", packed, f"unsigned 64-bit words (got dtype {arr.dtype})")
        elif arr.dtype.kind == "i" and (arr < 0).any():
            raise fail("packed", packed, "non-negative words below 2**64 (bit j of word w = f(64 w + j))")
        else:
            words = arr.astype(np.uint64)
        if d < 6 and int(words[0]) >> (1 << d):
            raise fail("packed", packed, f"no bit set from 2**d = {1 << d} up (d={d}: one word of {1 << d} bits)")
        return cls._from_packed(d, words)

    @classmethod
    def from_callable(cls, d: int, fn: Callable[[tuple[int, ...]], Any], *,
                      progress: Any = None) -> "BooleanFunction":
        """Tabulate ``fn`` on every point of {0,1}^d.

        ``fn`` receives the point's bits as a tuple (``x[0]`` is the paper's x_1) and
        must return 0, 1, True or False.  It is called 2^d times from Python (about a
        minute per 2^25 points), with a progress bar from 2^18 points on (``progress``:
        True or False to force it on or off).

        Examples
        --------
        >>> u = BooleanFunction.from_callable(3, lambda x: x[0] ^ (x[1] & x[2]))
        >>> u.truth_table
        array([0, 1, 0, 1, 0, 1, 1, 0], dtype=uint8)
        """
        d = check_dimension(d)
        check_memory(d, bytes_per_point=1)
        if not callable(fn):
            raise fail_type("fn", fn, "a callable taking a tuple of d bits")
        out = np.empty(1 << d, dtype=np.uint8)
        for k in points_with_progress(1 << d, f"tabulating fn on {{0,1}}^{d}", progress):
            x = tuple((k >> i) & 1 for i in range(d))
            v = fn(x)
            if isinstance(v, (bool, np.bool_)):
                out[k] = int(v)
            elif isinstance(v, numbers.Integral) and int(v) in (0, 1):
                out[k] = int(v)
            else:
                raise fail("fn", fn, f"a callable returning 0/1 or a bool (returned {v!r} at x={x})")
        return cls._from_table(d, out)

    @classmethod
    def from_kernel(cls, d: int, kernel: Any) -> "BooleanFunction":
        """A function given by a user's ``@numba.njit`` rule of the point index: a lazy function.

        ``kernel(k)`` takes the point index k (bit i of k is x_{i+1}) and returns a bool
        or 0/1.  Nothing is tabulated: the rule is evaluated chunk by chunk by
        :func:`finitelearn.agreement_probability` and the other exhaustive sums (d <= 40);
        see :class:`finitelearn.lazy.LazyFunction`.

        Examples
        --------
        >>> import numba, finitelearn as fl
        >>> @numba.njit
        ... def at_least_two(k):
        ...     return (k & 1) + ((k >> 1) & 1) + ((k >> 2) & 1) >= 2
        >>> BooleanFunction.from_kernel(3, at_least_two) == fl.majority(3)
        True
        """
        from .lazy import from_kernel

        return from_kernel(d, kernel)

    # -- representation ------------------------------------------------------------
    @property
    def d(self) -> int:
        """The dimension d of the cube {0,1}^d."""
        return self._d

    @property
    def truth_table(self) -> np.ndarray:
        """Read-only uint8 array of length 2^d; entry k is f(point k)."""
        if self._table is None:
            check_memory(self._d, bytes_per_point=1, name="f.d")
            self._table = read_only(_unpack(self._packed, 1 << self._d))
        return self._table

    def transient_truth_table(self) -> np.ndarray:
        """The uint8 truth table for one pass of a reader, not kept by f.

        :attr:`truth_table` when f holds its byte table; otherwise the table unpacked from
        f's bits, which f does not keep (so a function born packed stays at 1 bit per point:
        a transcript of 2^15 random features at d = 16 holds 256 MiB, not 2.3 GiB).

        >>> f = BooleanFunction.from_packed(6, [0b1010])
        >>> f.transient_truth_table()[:5].tolist(), f.transient_truth_table() is f.transient_truth_table()
        ([0, 1, 0, 1, 0], False)
        """
        if self._table is not None:
            return self._table
        check_memory(self._d, bytes_per_point=1, name="f.d")
        return _unpack(self._packed, 1 << self._d)

    @property
    def packed(self) -> np.ndarray:
        """Read-only bit-packed table: ``max(1, 2^d/64)`` uint64 words, bit j of word w = f(64w+j)."""
        if self._packed is None:
            self._packed = read_only(_pack(self._table))
        return self._packed

    def __call__(self, x: Any) -> int:
        """f(x) for a point given by its bits (a tuple) or by its index (an int)."""
        if isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_)):
            k = int(x)
            if not 0 <= k < (1 << self._d):
                raise fail("x", x, f"a point index in 0..2**{self._d}-1")
        else:
            k = bits_to_index(x, self._d, name="x")
        if self._table is not None:
            return int(self._table[k])
        return int((self._packed[k >> 6] >> np.uint64(k & 63)) & np.uint64(1))

    def weight(self) -> int:
        """Number of points where f = 1.

        >>> majority(3).weight()
        4
        """
        packed = self.packed
        return (KS if packed.shape[0] <= KS.SMALL >> 6 else K).count_ones_packed(packed)

    # -- algebra -------------------------------------------------------------------
    def _mask(self) -> np.uint64:
        n = 1 << self._d
        return np.uint64(0xFFFFFFFFFFFFFFFF) if n >= 64 else np.uint64((1 << n) - 1)

    def __invert__(self) -> "BooleanFunction":
        return BooleanFunction._from_packed(self._d, ~self.packed & self._mask())

    def _binary(self, other: Any, op: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> "BooleanFunction":
        if not isinstance(other, BooleanFunction):
            return NotImplemented
        check_same_domain(self, other, "f", "g")
        return BooleanFunction._from_packed(self._d, op(self.packed, other.packed))

    def __xor__(self, other: Any) -> "BooleanFunction":
        return self._binary(other, np.bitwise_xor)

    def __and__(self, other: Any) -> "BooleanFunction":
        return self._binary(other, np.bitwise_and)

    def __or__(self, other: Any) -> "BooleanFunction":
        return self._binary(other, np.bitwise_or)

    def restrict(self, fixed: Mapping[int, int]) -> "BooleanFunction":
        """Restriction to the subcube where ``fixed`` coordinates take given bits.

        The result is a function of the remaining ``d - len(fixed)`` coordinates, in
        their original order (the first free coordinate becomes x_1).

        Examples
        --------
        >>> f = parity(3, {0, 2})        # x_1 + x_3 mod 2
        >>> f.restrict({0: 1}) == ~parity(2, {1})   # 1 + x_3, now on (x_2, x_3)
        True
        """
        fixed_mask, fixed_values = check_fixed(fixed, self._d)
        if bin(fixed_mask).count("1") >= self._d:
            raise fail("fixed", fixed, f"at most {self._d - 1} fixed coordinates (a function needs d >= 1)")
        table = K.restrict_table(self.truth_table, self._d, fixed_mask, fixed_values)
        return BooleanFunction._from_table(self._d - bin(fixed_mask).count("1"), table)

    # -- identity ------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BooleanFunction):
            return NotImplemented
        return self._d == other._d and bool(np.array_equal(self.packed, other.packed))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash((self._d, self.packed.tobytes()))
        return self._hash

    def __repr__(self) -> str:
        if self._d <= 4:
            bits = "".join(str(int(b)) for b in self.truth_table)
            return f"BooleanFunction(d={self._d}, table={bits})"
        return f"BooleanFunction(d={self._d}, weight={self.weight()})"

    def __reduce__(self):  # pickling for multiprocessing
        return (BooleanFunction._from_packed, (self._d, np.array(self.packed)))


def check_same_domain(a: Any, b: Any, name_a: str, name_b: str) -> int:
    """Raise :class:`DomainMismatch` unless ``a.d == b.d``; return d."""
    if a.d != b.d:
        raise DomainMismatch(
            f"{name_a} is on d={a.d} and {name_b} on d={b.d}: both must be on the same {{0,1}}^d"
        )
    return a.d


def parity(d: int, S: Any, *, lazy: bool = False) -> BooleanFunction:
    """The parity f_S(x) = (sum_{i in S} x_i) mod 2 of equation (4.1).

    Parameters
    ----------
    d : int
        Dimension of the cube.
    S : iterable of int or int
        0-based coordinates (the paper's ``1 in S`` is ``0 in S`` here), or a mask.
    lazy : bool
        Keep the rule instead of the table (a :class:`finitelearn.lazy.LazyFunction`,
        evaluated chunk by chunk, d <= 40); the same for every constructor here.

    Examples
    --------
    >>> parity(3, {0, 2}).truth_table
    array([0, 1, 0, 1, 1, 0, 1, 0], dtype=uint8)
    >>> parity(3, 0b101) == parity(3, [2, 0])
    True
    >>> parity(40, {0, 39}, lazy=True)
    LazyFunction(d=40, parity(0b1000000000000000000000000000000000000001))
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_parity

        return lazy_parity(d, S)
    d = check_dimension(d)
    check_memory(d, bytes_per_point=1 / 8)
    mask = subset_mask(S, d)
    if (1 << d) <= KS.SMALL:  # numpy at the demo's sizes: no numba to start
        return BooleanFunction._from_table(d, KS.parity_table(d, mask))
    return BooleanFunction._from_packed(d, K.parity_packed(d, mask))


def dictator(d: int, i: int, *, lazy: bool = False) -> BooleanFunction:
    """The dictator f(x) = x_{i+1} (0-based coordinate i); ``lazy=True`` keeps the rule.

    >>> dictator(2, 1).truth_table
    array([0, 0, 1, 1], dtype=uint8)
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_dictator

        return lazy_dictator(d, i)
    d = check_dimension(d)
    i = check_coordinate(i, d)
    return parity(d, 1 << i)


def constant(d: int, value: int, *, lazy: bool = False) -> BooleanFunction:
    """The constant function equal to ``value`` (0 or 1); ``lazy=True`` keeps the rule.

    >>> constant(2, 1).truth_table
    array([1, 1, 1, 1], dtype=uint8)
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_constant

        return lazy_constant(d, value)
    d = check_dimension(d)
    check_memory(d, bytes_per_point=1 / 8)
    v = check_int(value, "value")
    if v not in (0, 1):
        raise fail("value", value, "0 or 1")
    f = BooleanFunction._from_packed(d, np.zeros(_nwords(d), dtype=np.uint64))
    return ~f if v else f


def _hamming_weights(d: int) -> np.ndarray:
    return K.popcount_table(d)


def majority(d: int, *, lazy: bool = False) -> BooleanFunction:
    """Majority: 1 iff more than half of the d bits are 1 (d odd, so no ties); ``lazy=True`` keeps the rule.

    >>> majority(3).truth_table
    array([0, 0, 0, 1, 0, 1, 1, 1], dtype=uint8)
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_majority

        return lazy_majority(d)
    d = check_dimension(d)
    if d % 2 == 0:
        raise fail("d", d, "an odd int (majority of an even number of bits has ties)")
    check_memory(d, bytes_per_point=2)
    return BooleanFunction._from_table(d, (_hamming_weights(d) > d // 2).astype(np.uint8))


def conjunction(d: int, S: Any, *, lazy: bool = False) -> BooleanFunction:
    """AND of the coordinates in S (the empty AND is the constant 1); ``lazy=True`` keeps the rule.

    >>> conjunction(2, {0, 1}).truth_table
    array([0, 0, 0, 1], dtype=uint8)
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_conjunction

        return lazy_conjunction(d, S)
    return _masked_points(d, S, lambda hit, mask: hit == mask)


def disjunction(d: int, S: Any, *, lazy: bool = False) -> BooleanFunction:
    """OR of the coordinates in S (the empty OR is the constant 0); ``lazy=True`` keeps the rule.

    >>> disjunction(2, {0, 1}).truth_table
    array([0, 1, 1, 1], dtype=uint8)
    """
    if check_bool(lazy, "lazy"):
        from .lazy import lazy_disjunction

        return lazy_disjunction(d, S)
    return _masked_points(d, S, lambda hit, mask: hit != 0)


def _masked_points(d: Any, S: Any, rule: Callable[[np.ndarray, int], np.ndarray]) -> BooleanFunction:
    """The function x -> rule(x & mask_S, mask_S) over all points (AND, OR of coordinates)."""
    d = check_dimension(d)
    check_memory(d, bytes_per_point=18)  # indices, their masked copy (int64), the bool result, the table
    mask = subset_mask(S, d)
    k = np.arange(1 << d, dtype=np.int64)
    return BooleanFunction._from_table(d, rule(k & mask, mask).astype(np.uint8))


def threshold(d: int, weights: Any, theta: Any, *, lazy: bool = False) -> BooleanFunction:
    """The threshold function f(x) = [sum_i w_i x_i >= theta] (a linear threshold, a halfspace).

    Parameters
    ----------
    d : int
        Dimension of the cube.
    weights : sequence of numbers
        One weight per coordinate (ints, Fractions, decimal strings or floats, read exactly).
    theta : number
        The threshold, read exactly.
    lazy : bool
        Keep the rule instead of the table (d <= 40).

    Examples
    --------
    >>> threshold(3, [1, 1, 1], 2) == majority(3)
    True
    >>> threshold(2, ["1/2", 1], "3/4").truth_table
    array([0, 0, 1, 1], dtype=uint8)
    """
    from .lazy import lazy_threshold

    if check_bool(lazy, "lazy"):
        return lazy_threshold(d, weights, theta)
    d = check_dimension(d)
    check_memory(d, bytes_per_point=1 / 8)
    rule = lazy_threshold(d, weights, theta)
    return BooleanFunction._from_packed(d, np.array(rule.packed))
