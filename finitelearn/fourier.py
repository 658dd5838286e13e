"""Fourier analysis on {0,1}^d: the Walsh-Hadamard transform, coefficients, influences.

Convention (O'Donnell, docs/design.md): chi_S(x) = (-1)^{sum_{i in S} x_i} and
fhat(S) = E_x[F(x) chi_S(x)] with F = (-1)^f for a Boolean f.  Coefficients are indexed
by the subset mask of S (bit i set iff the paper's x_{i+1} is in S).  Everything exact
is computed from the integer spectrum 2^d fhat(S), produced by one numba kernel in the
narrowest integer type its bound |2^d fhat(S)| <= 2^d allows: int16 for d <= 14, int32
for d <= 30, int64 beyond (:func:`spectrum_dtype`).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from ._kernels import bits as K
from .validation import check_bool, check_closed_interval, check_coordinate, check_int, fail, fail_type
from ._kernels import small as KS
from ._kernels import wht as W
from .exact import narrowest_int
from .errors import TooLarge
from .memory import available_memory, check_memory, check_objects, format_bytes
from .functions import BooleanFunction
from .distributions import Distribution
from .lazy import LazyFunction, as_lazy, count_ones, lazy_parity

__all__ = [
    "walsh_hadamard",
    "integer_spectrum",
    "spectrum_dtype",
    "fourier_coefficients",
    "fourier_coefficient",
    "influence",
    "influences",
    "total_influence",
    "degree",
    "spectral_weights",
    "noise_stability",
]

_INT64_MAX = 2**63 - 1


def walsh_hadamard(values: Any, threads: int = 1) -> np.ndarray:
    """Unnormalised Walsh-Hadamard transform: A[S] = sum_x a[x] (-1)^{|S & x|}.

    Parameters
    ----------
    values : numpy.ndarray
        A one-dimensional int64 or float64 array of length 2^d (d >= 0).  int64 input is
        transformed exactly; it is refused when the result could overflow
        (max|a| * 2^d >= 2^63).
    threads : int
        Opt-in parallelism (default 1: single-threaded, the measured default on a
        2-core machine); the result does not depend on it.

    Returns
    -------
    numpy.ndarray
        A new array of the same dtype; the input is not changed.

    Examples
    --------
    The same values as sympy's ``fwht`` doctest (Hadamard ordering = index order):

    >>> walsh_hadamard(np.array([4, 2, 2, 0, 0, 2, -2, 0]))
    array([8, 0, 8, 0, 8, 8, 0, 0])
    >>> walsh_hadamard(walsh_hadamard(np.array([1.0, 2.0]))) / 2
    array([1., 2.])
    """
    if not isinstance(values, np.ndarray):
        raise fail_type("values", values, "a numpy array of dtype int64 or float64")
    if values.dtype not in (np.int64, np.float64):
        raise fail_type("values", values, f"dtype int64 or float64 (got {values.dtype})")
    if values.ndim != 1:
        raise fail("values", values, "a one-dimensional array")
    n = values.shape[0]
    if n == 0 or n & (n - 1):
        raise fail("values", values, f"a length that is a power of two (got {n}); no padding is done")
    threads = check_int(threads, "threads")
    if threads < 1:
        raise fail("threads", threads, "an int >= 1")
    need = values.nbytes * (2 if not values.flags.c_contiguous else 1)  # the result (and a contiguous copy)
    if need > available_memory():
        raise TooLarge(f"values is too large here: its transform needs {format_bytes(need)} more, more than "
                       f"the {format_bytes(available_memory())} of memory available now")
    values = np.ascontiguousarray(values)
    if values.dtype == np.int64:
        # the kernel's one pass without a temporary, or numpy's two on at most 2^12 entries
        # (where starting numba would cost more than the pass)
        lo, hi = KS.extremes(values) if n <= KS.SMALL else (int(v) for v in W.int64_extremes(values))
        big = max(hi, -lo)  # Python ints: exact for the int64 minimum too
        if n > 1 and big * n > _INT64_MAX:
            raise fail("values", "int64 array", f"entries with max|a| * 2^d < 2^63 (max|a| = {big}, 2^d = {n})")
        if n <= KS.SMALL and big * n <= 1 << 53:
            return KS.wht(values)  # exact in float64 below that bound (_kernels/small.py)
    return W.wht_copy(values, threads=threads)


def spectrum_dtype(d: int) -> np.dtype:
    """The integer dtype of :func:`integer_spectrum` on d variables: the narrowest that holds 2^d.

    Every coefficient 2^d fhat(S) of a Boolean function, and every partial sum the
    transform forms on the way, has absolute value at most 2^d (a sum of 2^d terms +-1).
    So int16 (up to 2^15 - 1) holds it for d <= 14, int32 for d <= 30 and int64 for
    d <= 62 (the largest cube).  The dtype follows from this bound, never from the data.

    >>> [str(spectrum_dtype(d)) for d in (14, 15, 30, 31)]
    ['int16', 'int32', 'int32', 'int64']
    """
    d = check_int(d, "d")
    if not 0 <= d <= 62:
        raise fail("d", d, "an int in 0..62")
    dtype = narrowest_int(1 << d)
    assert dtype is not None  # 2^62 fits int64
    return np.dtype(dtype)


def integer_spectrum(f: BooleanFunction) -> np.ndarray:
    """The integer spectrum 2^d fhat(S) of a Boolean f, indexed by mask, exact.

    Its dtype is :func:`spectrum_dtype` (f.d): int16 for d <= 14, int32 for d <= 30,
    int64 beyond (the narrowest type the bound |2^d fhat(S)| <= 2^d allows; narrower
    arrays move fewer bytes).  Arithmetic on the result that can grow past that bound
    (squares, sums) should widen first, e.g. ``spec.astype(np.int64)``.

    >>> integer_spectrum(BooleanFunction.from_truth_table([0, 0, 0, 1]))
    array([ 2,  2,  2, -2], dtype=int16)
    """
    f = _check_function(f)
    dtype = spectrum_dtype(f.d)
    # the spectrum, and 2 bytes per point for f's byte and packed tables (held with it: measured
    # 5.7 bytes per point at d = 22 with int32, building f included, tests/test_memory.py)
    check_memory(f.d, bytes_per_point=2 + dtype.itemsize, name="f.d")
    table = f.transient_truth_table()  # (a packed-born f is not given a byte table to keep)
    if (1 << f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start
        return KS.signed_spectrum(table, dtype.type)
    return W.signed_spectrum(table, dtype.type)


def fourier_coefficients(f: BooleanFunction, exact: bool = False) -> np.ndarray:
    """Fourier coefficients fhat(S) of a Boolean f in the +-1 convention.

    Parameters
    ----------
    f : BooleanFunction
    exact : bool
        If True, an object array of :class:`fractions.Fraction`; otherwise float64
        (each float is the correctly rounded value of the exact rational).

    Returns
    -------
    numpy.ndarray
        Length 2^d, entry ``mask`` is fhat(S) for S the set bits of ``mask``.

    Examples
    --------
    >>> import finitelearn as fl
    >>> c = fourier_coefficients(fl.majority(3), exact=True)
    >>> [str(c[m]) for m in (0b001, 0b111)]
    ['1/2', '-1/2']
    >>> float(fourier_coefficients(fl.parity(3, {0, 2}))[0b101])
    1.0
    """
    exact = check_bool(exact, "exact")
    _check_function(f)
    check_memory(f.d, bytes_per_point=18, name="f.d")  # the spectrum and its float64 (or Fraction) copy
    if exact:
        check_objects(1 << f.d, 120, "f.d")  # one Fraction object per coefficient
    spec = integer_spectrum(f)
    n = 1 << f.d
    if exact:
        out = np.empty(n, dtype=object)
        for s, v in enumerate(spec.tolist()):
            out[s] = Fraction(v, n)
        return out
    return spec / float(n)  # n is a power of two: exact division of an exact integer


def influences(f: BooleanFunction) -> list[Fraction]:
    """Inf_i(f) = P_x[f(x) != f(x xor e_i)] for every coordinate, exact.

    >>> import finitelearn as fl
    >>> influences(fl.majority(3))
    [Fraction(1, 2), Fraction(1, 2), Fraction(1, 2)]
    """
    f = _check_function(f)
    counts = K.influence_counts(f.truth_table, f.d)
    return [Fraction(int(c), 1 << f.d) for c in counts]


def influence(f: BooleanFunction, i: int, *, distribution: Any = None, engine: Any = None) -> Fraction:
    """Inf_i(f) = P_x[f(x) != f(x xor e_i)] for the 0-based coordinate i (the paper's x_{i+1}).

    Parameters
    ----------
    f : BooleanFunction
        A table or a lazy function (:class:`finitelearn.LazyFunction`, d <= 40).
    i : int
        The coordinate.
    distribution : Distribution, optional
        The law of x (default uniform; a subcube distribution keeps lazy functions lazy).
    engine : Engine, optional
        Where the count runs; with an engine, a distribution or a lazy f the count is
        made chunk by chunk (f(x) xor f(x xor e_i), 64 points a word), never with tables.

    Examples
    --------
    >>> import finitelearn as fl
    >>> influence(fl.dictator(3, 1), 1), influence(fl.dictator(3, 1), 0)
    (Fraction(1, 1), Fraction(0, 1))
    >>> from math import comb
    >>> influence(fl.majority(21, lazy=True), 0) == Fraction(comb(20, 10), 2**20)
    True
    >>> influence(fl.parity(30, {0, 29}, lazy=True), 29, distribution=fl.uniform_on_subcube(30, {0: 1}))
    Fraction(1, 1)
    """
    f = _check_function(f)
    i = check_coordinate(i, f.d)
    if distribution is None and engine is None and not isinstance(f, LazyFunction):
        return influences(f)[i]
    D = _check_distribution(distribution, f.d)
    g = as_lazy(f)
    return Fraction(count_ones(g ^ g.flipped(1 << i), D, engine), D.total)


def total_influence(f: BooleanFunction, *, distribution: Any = None, engine: Any = None) -> Fraction:
    """I(f) = sum_i Inf_i(f), exact (``distribution`` and ``engine`` as in :func:`influence`).

    >>> import finitelearn as fl
    >>> total_influence(fl.majority(5))
    Fraction(15, 8)
    >>> total_influence(fl.parity(20, {0, 1, 19}, lazy=True))
    Fraction(3, 1)
    """
    f = _check_function(f)
    if distribution is None and engine is None and not isinstance(f, LazyFunction):
        return sum(influences(f), Fraction(0))
    return sum((influence(f, i, distribution=distribution, engine=engine) for i in range(f.d)), Fraction(0))


def fourier_coefficient(f: BooleanFunction, S: Any, *, distribution: Any = None, engine: Any = None) -> Fraction:
    """One exact Fourier coefficient fhat(S) = E_x[F(x) chi_S(x)], F = (-1)^f, without a transform.

    Counted as 1 - 2 P(f(x) != parity_S(x)) chunk by chunk (64 points a word), so it works
    for lazy functions up to d = 40 and costs one pass over the cube, not 2^d log 2^d.

    Parameters
    ----------
    f : BooleanFunction
        A table or a lazy function.
    S : iterable of int or int
        0-based coordinates, or a mask.
    distribution : Distribution, optional
        The law of x (default uniform): E_D[F chi_S].
    engine : Engine, optional
        Where the count runs (default: this process).

    Examples
    --------
    >>> import finitelearn as fl
    >>> fourier_coefficient(fl.majority(3), {0, 1, 2})
    Fraction(-1, 2)
    >>> fourier_coefficient(fl.conjunction(30, {0, 29}, lazy=True), {0, 29})
    Fraction(-1, 2)
    """
    f = _check_function(f)
    D = _check_distribution(distribution, f.d)
    chi = lazy_parity(f.d, S)
    return 1 - 2 * Fraction(count_ones(as_lazy(f) ^ chi, D, engine), D.total)


def _check_distribution(distribution: Any, d: int) -> Distribution:
    if distribution is None:
        return Distribution.uniform(d)
    if not isinstance(distribution, Distribution):
        raise fail_type("distribution", distribution, "a finitelearn.Distribution, or None for the uniform one")
    from .domains import Cube

    return distribution.check_domain(Cube(d), "the distribution", "f")


def degree(f: BooleanFunction) -> int:
    """The Fourier degree: the largest |S| with fhat(S) != 0.

    >>> import finitelearn as fl
    >>> degree(fl.parity(4, {0, 1, 3})), degree(fl.conjunction(4, {1, 3}))
    (3, 2)
    """
    spec = integer_spectrum(f)
    nz = np.flatnonzero(spec)
    return int(K.popcount_table(f.d)[nz].max())


def spectral_weights(f: BooleanFunction) -> list[Fraction]:
    """W^k[f] = sum_{|S| = k} fhat(S)^2 for k = 0..d (they sum to 1 by Parseval).

    >>> import finitelearn as fl
    >>> spectral_weights(fl.majority(3))
    [Fraction(0, 1), Fraction(3, 4), Fraction(0, 1), Fraction(1, 4)]
    """
    spec = integer_spectrum(f)
    # sum_S spec[S]^2 = 4^d (Parseval), so int64 holds it for d <= 31; the kernel squares
    # in int64 whatever the spectrum's dtype (numba widens int16/int32 products to int64)
    if f.d > 31:  # pragma: no cover - refused by the memory guard first
        raise fail("f.d", f.d, "d <= 31 for exact spectral weights")
    w = K.weight_by_degree(spec, f.d)
    n2 = 1 << (2 * f.d)
    return [Fraction(int(x), n2) for x in w]


def noise_stability(f: BooleanFunction, rho: Any) -> Fraction:
    """Stab_rho[f] = E[F(x) F(y)] for rho-correlated (x, y) = sum_S rho^|S| fhat(S)^2.

    Parameters
    ----------
    f : BooleanFunction
    rho : int, Fraction, decimal float or str
        Correlation in [-1, 1]; exact for rational rho (a float is read as its
        shortest decimal, 0.1 -> 1/10).

    Examples
    --------
    >>> import finitelearn as fl
    >>> noise_stability(fl.majority(3), "1/2")
    Fraction(13, 32)
    """
    f = _check_function(f)
    r = check_closed_interval(rho, "rho", Fraction(-1), Fraction(1))
    return sum((w * r**k for k, w in enumerate(spectral_weights(f))), Fraction(0))


def _check_function(f: Any, name: str = "f") -> BooleanFunction:
    if not isinstance(f, BooleanFunction):
        raise fail_type(name, f, "a finitelearn.BooleanFunction")
    return f
