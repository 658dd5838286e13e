"""Boolean functions given by a rule, evaluated chunk by chunk, never as a 2^d table.

A :class:`LazyFunction` is a :class:`~finitelearn.BooleanFunction` that keeps its rule
(a parity, a dictator, a conjunction, a disjunction, a constant, a threshold or majority,
a user's ``@numba.njit`` rule of the point index, a truth table, and compositions of these
with ``~ & | ^``) instead of its table.  Exact sums over the cube (how many points of a
subcube the function is 1 on) are computed by compiling the rule into a small program
that a numba kernel runs on blocks of words, 64 points a word (bit j of word w is the
point 64 w + j): a parity is one popcount per word, a conjunction one comparison.  The
work is a range of words cut into chunks and run by an engine
(:mod:`finitelearn.engine`): in this process or on a Dask cluster, with the same exact
integer either way.  Up to d = 40.

Every function of the package that takes a ``BooleanFunction`` takes a lazy one: those
that need its table get it (``f.truth_table``, refused with :class:`~finitelearn.TooLarge`
when it does not fit in memory), and :func:`~finitelearn.agreement_probability`,
:func:`~finitelearn.correlation`, :func:`~finitelearn.fourier_coefficient`,
:func:`~finitelearn.influence` and :func:`~finitelearn.total_influence` evaluate it chunk
by chunk under the uniform distribution and any subcube distribution.

Examples
--------
>>> import finitelearn as fl
>>> f = fl.parity(40, {0, 39}, lazy=True) & fl.dictator(40, 5, lazy=True)
>>> f
LazyFunction(d=40, (parity(0b1000000000000000000000000000000000000001) & dictator(5)))
>>> fl.agreement_probability(f, fl.constant(40, 0, lazy=True), fl.uniform_on_subcube(40, {i: 0 for i in range(6, 39)}))
Fraction(3, 4)
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from ._kernels import lazy as LK
from .distributions import Distribution
from .domains import Cube, bits_to_index
from .engine import check_engine
from .functions import BooleanFunction, check_same_domain
from .memory import check_memory
from .validation import (as_fraction, check_coordinate, check_dimension, check_int, check_jit_function, fail,
                         fail_type, read_only, subset_mask)

__all__ = [
    "LazyFunction",
    "MAX_LAZY_D",
    "lazy_parity",
    "lazy_dictator",
    "lazy_conjunction",
    "lazy_disjunction",
    "lazy_constant",
    "lazy_majority",
    "lazy_threshold",
    "from_kernel",
    "as_lazy",
    "count_ones",
    "subcube_of",
    "program_of",
    "threshold_integers",
]

#: Largest d of a lazy function (2^40 points: hours on one core, minutes on a cluster).
MAX_LAZY_D = 40

_ALL = (1 << 64) - 1
# bit j of COORD[i] is bit i of j: the 64 values of x_{i+1} in one word
_COORD = [sum(1 << j for j in range(64) if (j >> i) & 1) for i in range(6)]
# the delta-swap masks of a flip of low coordinate k: bits j with bit k of j equal to 0
_SWAP = np.array([_ALL ^ c for c in _COORD], dtype=np.uint64)
_WORDS_PER_KERNEL_BLOCK = 4096


def _check_lazy_d(d: Any) -> int:
    d = check_dimension(d)
    if d > MAX_LAZY_D:
        raise fail("d", d, f"an int in 1..{MAX_LAZY_D} for a lazy function")
    return d


def _show_mask(m: int) -> str:
    return bin(m)


class LazyFunction(BooleanFunction):
    """A Boolean function on {0,1}^d kept as its rule; evaluated chunk by chunk.

    Build one with ``lazy=True`` on a constructor (:func:`finitelearn.parity`, ...,
    :func:`finitelearn.threshold`), with :meth:`finitelearn.BooleanFunction.from_kernel`,
    or by composing: ``~f``, ``f & g``, ``f | g``, ``f ^ g`` (a table function on the same
    d may take part: the result is lazy).  It is a ``BooleanFunction``: ``f(x)`` evaluates
    one point, ``f.weight()`` counts exhaustively, ``f == g`` compares exhaustively, and
    ``f.truth_table`` builds the table when it fits in memory.

    Examples
    --------
    >>> import finitelearn as fl
    >>> f = fl.majority(5, lazy=True) ^ fl.parity(5, {1}, lazy=True)
    >>> f == fl.majority(5) ^ fl.parity(5, {1})
    True
    >>> f((1, 1, 0, 0, 1)), f.weight()
    (0, 10)
    """

    __slots__ = ("_node",)
    _node: tuple

    @classmethod
    def _make(cls, d: int, node: tuple) -> "LazyFunction":
        self = object.__new__(cls)
        self._d = d
        self._table = None
        self._packed = None
        self._hash = None
        self._node = node
        return self

    @property
    def rule(self) -> tuple:
        """The rule as a nested tuple, e.g. ``('xor', ('parity', 5), ('const', 1))``.

        >>> import finitelearn as fl
        >>> (~fl.dictator(3, 1, lazy=True)).rule
        ('not', ('parity', 2))
        """
        return self._node

    @property
    def packed(self) -> np.ndarray:
        """The bit-packed table, built chunk by chunk (refused when it does not fit in memory).

        >>> import finitelearn as fl
        >>> fl.parity(3, {0}, lazy=True).packed
        array([170], dtype=uint64)
        """
        if self._packed is None:
            check_memory(self._d, bytes_per_point=1 / 8, name="f.d")
            self._packed = read_only(_words(self))
        return self._packed

    @property
    def truth_table(self) -> np.ndarray:
        """The truth table (uint8, length 2^d), refused when it does not fit in memory.

        >>> import finitelearn as fl
        >>> fl.conjunction(2, {0, 1}, lazy=True).truth_table
        array([0, 0, 0, 1], dtype=uint8)
        """
        if self._table is None:
            check_memory(self._d, bytes_per_point=1 + 1 / 8, name="f.d")
            packed = self.packed
            n = 1 << self._d
            bits = np.unpackbits(packed.view(np.uint8), bitorder="little")[:n]
            self._table = read_only(bits.astype(np.uint8))
        return self._table

    def __call__(self, x: Any) -> int:
        """f(x) at one point, given by its bits or its index.

        >>> import finitelearn as fl
        >>> fl.parity(40, {39}, lazy=True)(2**39)
        1
        """
        if isinstance(x, numbers.Integral) and not isinstance(x, (bool, np.bool_)):
            k = int(x)
            if not 0 <= k < (1 << self._d):
                raise fail("x", x, f"a point index in 0..2**{self._d}-1")
        else:
            k = bits_to_index(x, self._d, name="x")
        return int(_bits_at(_compile(self._node, self._d), np.array([k], dtype=np.int64))[0])

    def weight(self, engine: Any = None) -> int:  # type: ignore[override]
        """Number of points where f = 1, counted exhaustively (on ``engine``).

        >>> import finitelearn as fl
        >>> fl.conjunction(30, {0, 29}, lazy=True).weight()
        268435456
        """
        return count_ones(self, Distribution.uniform(Cube(self._d)), engine)

    # -- algebra -----------------------------------------------------------------
    def __invert__(self) -> "LazyFunction":
        return LazyFunction._make(self._d, ("not", self._node))

    def _combine(self, other: Any, op: str, left: bool = True) -> Any:
        if not isinstance(other, BooleanFunction):
            return NotImplemented
        check_same_domain(self, other, "f", "g") if left else check_same_domain(other, self, "f", "g")
        a, b = self._node, _node_of(other)
        return LazyFunction._make(self._d, (op, a, b) if left else (op, b, a))

    def __xor__(self, other: Any) -> Any:
        return self._combine(other, "xor")

    def __and__(self, other: Any) -> Any:
        return self._combine(other, "and")

    def __or__(self, other: Any) -> Any:
        return self._combine(other, "or")

    def __rxor__(self, other: Any) -> Any:
        return self._combine(other, "xor", left=False)

    def __rand__(self, other: Any) -> Any:
        return self._combine(other, "and", left=False)

    def __ror__(self, other: Any) -> Any:
        return self._combine(other, "or", left=False)

    def flipped(self, mask: Any) -> "LazyFunction":
        """The function x -> f(x xor m) for a set (or mask) m of coordinates.

        >>> import finitelearn as fl
        >>> fl.dictator(3, 0, lazy=True).flipped({0}) == ~fl.dictator(3, 0)
        True
        """
        m = subset_mask(mask, self._d, "mask")
        return LazyFunction._make(self._d, ("flip", m, self._node))

    # -- identity ----------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BooleanFunction):
            return NotImplemented
        if other.d != self._d:
            return False
        return count_ones(self ^ other, Distribution.uniform(Cube(self._d)), None) == 0

    def __hash__(self) -> int:
        if self._hash is None:  # the table's hash, so that equal functions hash alike
            self._hash = hash((self._d, self.packed.tobytes()))
        return self._hash

    def __repr__(self) -> str:
        return f"LazyFunction(d={self._d}, {_describe(self._node)})"

    def __reduce__(self):  # pickling for Dask and multiprocessing: the rule, not the table
        return (_rebuild, (self._d, self._node))


def _rebuild(d: int, node: tuple) -> LazyFunction:
    return LazyFunction._make(d, node)


def _describe(node: tuple) -> str:
    kind = node[0]
    if kind == "const":
        return f"constant({node[1]})"
    if kind == "parity":
        m = node[1]
        return f"dictator({m.bit_length() - 1})" if m and not m & (m - 1) else f"parity({_show_mask(m)})"
    if kind == "and_lits":
        return f"conjunction({_show_mask(node[1])})" if node[1] == node[2] else f"and_literals({_show_mask(node[1])}, {_show_mask(node[2])})"
    if kind == "or_lits":
        return f"disjunction({_show_mask(node[1])})" if node[1] == node[2] else f"or_literals({_show_mask(node[1])}, {_show_mask(node[2])})"
    if kind == "threshold":
        return f"threshold({list(node[1])}, {node[2]})"
    if kind == "table":
        return "table"
    if kind == "kernel":
        return f"kernel({getattr(node[1], '__name__', 'rule')})"
    if kind == "not":
        return f"~{_describe(node[1])}"
    if kind == "flip":
        return f"{_describe(node[2])}(x ^ {_show_mask(node[1])})"
    sym = {"and": "&", "or": "|", "xor": "^"}[kind]
    return f"({_describe(node[1])} {sym} {_describe(node[2])})"


def _node_of(f: BooleanFunction) -> tuple:
    if isinstance(f, LazyFunction):
        return f.rule
    return ("table", f.packed)


def as_lazy(f: Any, name: str = "f") -> LazyFunction:
    """``f`` as a lazy function (a table function becomes a rule that reads its packed table).

    >>> import finitelearn as fl
    >>> as_lazy(fl.majority(3)) == fl.majority(3)
    True
    """
    if isinstance(f, LazyFunction):
        return f
    if not isinstance(f, BooleanFunction):
        raise fail_type(name, f, "a finitelearn.BooleanFunction")
    return LazyFunction._make(f.d, ("table", f.packed))


# -- constructors ------------------------------------------------------------------
def lazy_parity(d: Any, S: Any) -> LazyFunction:
    """The parity f_S as a rule (``parity(d, S, lazy=True)``).

    >>> lazy_parity(30, {0, 1}).weight()
    536870912
    """
    d = _check_lazy_d(d)
    return LazyFunction._make(d, ("parity", subset_mask(S, d)))


def lazy_dictator(d: Any, i: Any) -> LazyFunction:
    """x_{i+1} as a rule (``dictator(d, i, lazy=True)``).

    >>> lazy_dictator(3, 2).truth_table
    array([0, 0, 0, 0, 1, 1, 1, 1], dtype=uint8)
    """
    d = _check_lazy_d(d)
    return LazyFunction._make(d, ("parity", 1 << check_coordinate(i, d)))


def lazy_conjunction(d: Any, S: Any) -> LazyFunction:
    """AND of the coordinates in S as a rule (the empty AND is 1).

    >>> lazy_conjunction(30, {0, 29}).weight() == 2**28
    True
    """
    d = _check_lazy_d(d)
    m = subset_mask(S, d)
    return LazyFunction._make(d, ("and_lits", m, m))


def lazy_disjunction(d: Any, S: Any) -> LazyFunction:
    """OR of the coordinates in S as a rule (the empty OR is 0).

    >>> lazy_disjunction(2, {0, 1}).truth_table
    array([0, 1, 1, 1], dtype=uint8)
    """
    d = _check_lazy_d(d)
    m = subset_mask(S, d)
    return LazyFunction._make(d, ("or_lits", m, m))


def lazy_constant(d: Any, value: Any) -> LazyFunction:
    """The constant ``value`` (0 or 1) as a rule.

    >>> lazy_constant(30, 1).weight() == 2**30
    True
    """
    d = _check_lazy_d(d)
    v = check_int(value, "value")
    if v not in (0, 1):
        raise fail("value", value, "0 or 1")
    return LazyFunction._make(d, ("const", v))


def lazy_threshold(d: Any, weights: Any, theta: Any) -> LazyFunction:
    """[sum_i w_i x_i >= theta] as a rule; weights and theta exact (ints, Fractions, decimals).

    >>> lazy_threshold(3, [1, 1, 1], 2) == lazy_majority(3)
    True
    """
    d = _check_lazy_d(d)
    ints, t = threshold_integers(d, weights, theta)
    return LazyFunction._make(d, ("threshold", ints, t))


def threshold_integers(d: int, weights: Any, theta: Any) -> tuple[tuple[int, ...], int]:
    """Validated integer weights and threshold of [sum_i w_i x_i >= theta] (same function).

    The weights and theta are multiplied by the lcm of their denominators; theta is then
    rounded up (the sums are integers).  Refused when sum |w_i| does not fit in int64.

    >>> threshold_integers(2, ["1/2", "1/3"], "1/2")
    ((3, 2), 3)
    """
    if isinstance(weights, (str, bytes)) or not hasattr(weights, "__len__"):
        raise fail_type("weights", weights, f"a sequence of {d} numbers, one per coordinate")
    ws = list(weights)
    if len(ws) != d:
        raise fail("weights", ws, f"{d} numbers, one per coordinate (got {len(ws)})")
    fr = [as_fraction(w, "weights") for w in ws]
    th = as_fraction(theta, "theta")
    den = 1
    for q in fr:
        den = den * q.denominator // np.gcd(den, q.denominator)
    ints = tuple(int(q * den) for q in fr)
    t_scaled = th * den
    t = -((-t_scaled.numerator) // t_scaled.denominator)  # ceil
    if sum(abs(v) for v in ints) + abs(t) >= 2**62:
        raise fail("weights", ws, "weights whose sum of absolute values (over a common denominator) is below 2^62")
    return ints, t


def lazy_majority(d: Any) -> LazyFunction:
    """Majority (d odd) as a rule: the threshold [sum x_i >= (d+1)/2].

    >>> lazy_majority(21).weight() == 2**20
    True
    """
    d = _check_lazy_d(d)
    if d % 2 == 0:
        raise fail("d", d, "an odd int (majority of an even number of bits has ties)")
    return LazyFunction._make(d, ("threshold", (1,) * d, (d + 1) // 2))


def from_kernel(d: Any, kernel: Any) -> LazyFunction:
    """A user's rule: ``kernel`` is a ``@numba.njit`` function of the point index k (an int64,
    bit i = x_{i+1}) returning a bool or 0/1 (any nonzero value is read as 1).

    The rule is called once per point (no bit-slicing), compiled together with the
    engine's kernel; it must be a pure function of k.

    >>> import numba
    >>> @numba.njit
    ... def first_two_equal(k):
    ...     return (k & 1) == ((k >> 1) & 1)
    >>> f = from_kernel(3, first_two_equal)
    >>> f.truth_table
    array([1, 0, 0, 1, 1, 0, 0, 1], dtype=uint8)
    """
    d = _check_lazy_d(d)
    check_jit_function(kernel, 1, "kernel", "a @numba.njit function of the point index (an int)",
                       "one argument, the point index")
    f = LazyFunction._make(d, ("kernel", kernel))
    try:
        v = _bits_at(_compile(f.rule, d), np.array([0], dtype=np.int64))
    except Exception as exc:  # a numba typing error: the rule does not compile for an int64 index
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise fail("kernel", kernel, f"a rule numba compiles for an int64 point index ({first})") from None
    del v
    try:
        out = kernel(0)
    except Exception as exc:
        raise fail("kernel", kernel, f"a rule that runs at the point 0 ({type(exc).__name__}: {exc})") from None
    if not isinstance(out, (bool, np.bool_, numbers.Integral)):
        raise fail("kernel", kernel, f"a rule returning a bool or 0/1 (returned {out!r} at the point 0)")
    return f


# -- compilation ---------------------------------------------------------------------
class Program:
    """A compiled rule: the arrays the kernel runs on (picklable, sent to the workers)."""

    __slots__ = ("d", "code", "up", "ip", "tabs", "kernels")

    def __init__(self, d: int, code: np.ndarray, up: np.ndarray, ip: np.ndarray, tabs: np.ndarray,
                 kernels: list[tuple[Any, int]]) -> None:
        self.d = d
        self.code = code
        self.up = up
        self.ip = ip
        self.tabs = tabs
        self.kernels = kernels

    def __reduce__(self):
        return (Program, (self.d, self.code, self.up, self.ip, self.tabs, self.kernels))


def _low_literals(mask: int, pol: int, conj: bool) -> int:
    out = _ALL if conj else 0
    for i in range(6):
        if (mask >> i) & 1:
            lit = _COORD[i] if (pol >> i) & 1 else _ALL ^ _COORD[i]
            out = out & lit if conj else out | lit
    return out


def _compile(node: tuple, d: int) -> Program:
    code: list[tuple[int, int, int]] = []
    up: list[int] = []
    ip: list[int] = []
    tabs: list[np.ndarray] = []
    ntabs = [0]
    kernels: list[tuple[Any, int]] = []

    def emit(op: int, a: int, b: int) -> int:
        code.append((op, a, b))
        return len(code) - 1

    def go(n: tuple, m: int) -> int:
        kind = n[0]
        if kind == "const":
            a = len(up)
            up.append(_ALL if n[1] else 0)
            return emit(LK.OP_CONST, a, 0)
        if kind == "parity":
            S = n[1]
            low = 0
            for i in range(6):
                if (S >> i) & 1:
                    low ^= _COORD[i]
            flip = _ALL if bin(S & m).count("1") & 1 else 0
            a = len(up)
            up.extend([low, S >> 6, flip])
            return emit(LK.OP_PARITY, a, 0)
        if kind in ("and_lits", "or_lits"):
            S, P = n[1], n[2] ^ (m & n[1])
            conj = kind == "and_lits"
            a = len(up)
            up.extend([_low_literals(S, P, conj), S >> 6, P >> 6])
            return emit(LK.OP_AND_LITS if conj else LK.OP_OR_LITS, a, 0)
        if kind == "threshold":
            w = [-v if (m >> i) & 1 else v for i, v in enumerate(n[1])]
            theta = n[2] - sum(v for i, v in enumerate(n[1]) if (m >> i) & 1)
            nlow = 1 << min(d, 6)
            lows = [sum(w[i] for i in range(min(d, 6)) if (j >> i) & 1) for j in range(nlow)]
            order = sorted(range(nlow), key=lambda j: -lows[j])
            prefix = [0]
            for j in order:
                prefix.append(prefix[-1] | (1 << j))
            nb = -(-(d - 6) // 8) if d > 6 else 0
            tables = []
            for q in range(nb):
                for v in range(256):
                    tables.append(sum(w[6 + 8 * q + r] for r in range(8) if (v >> r) & 1 and 6 + 8 * q + r < d))
            a, b = len(up), len(ip)
            up.extend(prefix)
            ip.extend([theta, nlow, nb] + [lows[j] for j in order] + tables)
            return emit(LK.OP_THRESHOLD, a, b)
        if kind == "table":
            a, b = len(up), len(ip)
            up.extend(int(x) for x in _SWAP)
            ip.extend([ntabs[0], m >> 6, m & 63])
            tabs.append(n[1])
            ntabs[0] += n[1].shape[0]
            return emit(LK.OP_TABLE, a, b)
        if kind == "kernel":
            kernels.append((n[1], m))
            return emit(LK.OP_KBUF, len(kernels) - 1, 0)
        if kind == "flip":
            return go(n[2], m ^ n[1])
        if kind == "not":
            return emit(LK.OP_NOT, go(n[1], m), 0)
        op = {"and": LK.OP_AND, "or": LK.OP_OR, "xor": LK.OP_XOR}[kind]
        a = go(n[1], m)
        b = go(n[2], m)
        return emit(op, a, b)

    go(node, 0)
    return Program(
        d,
        np.array(code, dtype=np.int64).reshape(-1, 3),
        np.array(up or [0], dtype=np.uint64),
        np.array(ip or [0], dtype=np.int64),
        np.concatenate(tabs) if tabs else np.zeros(1, dtype=np.uint64),
        kernels,
    )


def _kbuf(prog: Program, widx: np.ndarray, n: int) -> np.ndarray:
    nlow = 1 << min(prog.d, 6)
    kb = np.empty((len(prog.kernels), max(n, 1)), dtype=np.uint64)
    for r, (fn, xm) in enumerate(prog.kernels):
        LK.kernel_words(fn, widx, n, np.int64(xm), nlow, kb[r])
    return kb


def _bits_at(prog: Program, idx: np.ndarray) -> np.ndarray:
    """The rule's values (uint8) at the point indices ``idx``."""
    out = np.empty(idx.shape[0], dtype=np.uint8)
    B = _WORDS_PER_KERNEL_BLOCK
    for lo in range(0, idx.shape[0], B):
        part = np.ascontiguousarray(idx[lo:lo + B])
        n = part.shape[0]
        widx = (part >> 6).astype(np.uint64)
        kb = _kbuf(prog, widx, n) if prog.kernels else np.empty((0, 1), dtype=np.uint64)
        LK.bits_at(prog.code, prog.up, prog.ip, prog.tabs, kb, part, n, out[lo:lo + n])
    return out


def _words(f: LazyFunction) -> np.ndarray:
    """All words of f (the bit-packed table), in blocks; the unused bits of d < 6 are 0."""
    d = f.d
    prog = _compile(f.rule, d)
    nwords = max(1, (1 << d) >> 6)
    out = np.empty(nwords, dtype=np.uint64)
    B = 1 << 14
    regs = np.empty((prog.code.shape[0], B), dtype=np.uint64)
    for lo in range(0, nwords, B):
        n = min(B, nwords - lo)
        widx = np.arange(lo, lo + n, dtype=np.uint64)
        kb = _kbuf(prog, widx, n) if prog.kernels else np.empty((0, B), dtype=np.uint64)
        LK.eval_block(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n, regs)
        out[lo:lo + n] = regs[-1, :n]
    if d < 6:
        out &= np.uint64((1 << (1 << d)) - 1)
    return out


# -- exhaustive counts ---------------------------------------------------------------
def subcube_of(distribution: Distribution) -> tuple[int, int] | None:
    """``(fixed_mask, fixed_values)`` when the distribution is uniform on a subcube, else None.

    The uniform distribution is the subcube with nothing fixed.

    >>> import finitelearn as fl
    >>> subcube_of(fl.uniform(3)), subcube_of(fl.uniform_on_subcube(3, {1: 1}))
    ((0, 0), (2, 2))
    >>> subcube_of(fl.point_masses(3, [0, 7])) is None
    True
    """
    if distribution.is_uniform:
        return 0, 0
    sc = distribution.subcube
    return sc


def _word_space(d: int, fixed_mask: int, fixed_values: int) -> tuple[int, int, int, int]:
    """(number of words, free high mask, fixed high bits, in-word mask) of a subcube."""
    nlow = 1 << min(d, 6)
    lo_m, lo_v = fixed_mask & 63, fixed_values & 63
    lowmask = sum(1 << j for j in range(nlow) if (j & lo_m) == lo_v)
    if d <= 6:
        return 1, 0, 0, lowmask
    free = ~(fixed_mask >> 6) & ((1 << (d - 6)) - 1)
    return 1 << bin(free).count("1"), free, fixed_values >> 6, lowmask


def count_task(prog: Program, free: int, fixed: int, lowmask: int, lo: int, hi: int) -> int:
    """Ones of the rule on the subcube's words number lo..hi-1 (one chunk of the engine).

    >>> prog = program_of(fl.parity(8, {7}, lazy=True))    # doctest: +SKIP
    >>> count_task(prog, 3, 0, 2**64 - 1, 0, 4)              # doctest: +SKIP
    128
    """
    if not prog.kernels:
        return int(LK.count_range(prog.code, prog.up, prog.ip, prog.tabs, lo, hi,
                                  np.uint64(free), np.uint64(fixed), np.uint64(lowmask)))
    total = 0
    B = _WORDS_PER_KERNEL_BLOCK
    widx = np.empty(B, dtype=np.uint64)
    for k in range(lo, hi, B):
        n = min(B, hi - k)
        LK.subcube_words(k, n, np.uint64(free), np.uint64(fixed), widx)
        kb = _kbuf(prog, widx, n)
        total += int(LK.count_words(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n, np.uint64(lowmask)))
    return total


def program_of(f: LazyFunction) -> Program:
    """The compiled program of a lazy function (what the engine's tasks run).

    >>> import finitelearn as fl
    >>> program_of(fl.parity(3, {0}, lazy=True)).code
    array([[1, 0, 0]])
    """
    return _compile(f.rule, f.d)


def count_ones(f: Any, distribution: Distribution, engine: Any = None, *, chunk: int | None = None) -> int:
    """The weight of the points where f = 1 under ``distribution``: an exact Python int.

    Under a subcube distribution (the uniform one included) this is the number of points
    of the subcube where f = 1, counted by the engine in chunks of words (64 points a
    word); under any other distribution the weighted count over its support, here.

    Parameters
    ----------
    f : BooleanFunction
        Lazy or a table.
    distribution : Distribution
        On {0,1}^d, the same d as f.
    engine : Engine, optional
        Default: in this process.
    chunk : int, optional
        Words per task.

    Examples
    --------
    >>> import finitelearn as fl
    >>> count_ones(fl.parity(36, {0, 35}, lazy=True), fl.uniform_on_subcube(36, {i: 1 for i in range(8, 36)}))
    128
    >>> count_ones(fl.majority(3), fl.point_masses(3, [0, 7], [1, 5]))
    5
    """
    g = as_lazy(f)
    if not isinstance(distribution, Distribution):
        raise fail_type("distribution", distribution, "a finitelearn.Distribution")
    distribution.check_domain(Cube(g.d), "the distribution", "the functions")
    eng = check_engine(engine)
    sc = subcube_of(distribution)
    prog = _compile(g.rule, g.d)
    if sc is None:  # weighted count over an explicit support, here
        values = _bits_at(prog, distribution.support)
        return distribution.mass(values.astype(bool))
    nwords, free, fixed, lowmask = _word_space(g.d, *sc)
    return int(eng.map_reduce(count_task, (prog, free, fixed, lowmask), nwords, chunk=chunk))
