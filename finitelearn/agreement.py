"""Exact agreement probabilities P_{x~D}(h(x) = T(x)) (equations (4.2), (4.4)).

Under the uniform distribution the count is one pass of popcount over the bit-packed
tables; under any other distribution it is an integer weighted sum over the support.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ._kernels import bits as K
from .validation import fail_type
from .distributions import Distribution
from .domains import Cube
from .exact import fits_int64
from .functions import BooleanFunction, check_same_domain
from .lazy import LazyFunction, as_lazy, count_ones

__all__ = ["agreement_probability", "disagreement_probability", "correlation"]


def _check(h: Any, T: Any, D: Any) -> None:
    if not isinstance(h, BooleanFunction):
        raise fail_type("h", h, "a finitelearn.BooleanFunction")
    if not isinstance(T, BooleanFunction):
        raise fail_type("T", T, "a finitelearn.BooleanFunction")
    if not isinstance(D, Distribution):
        raise fail_type("distribution", D, "a finitelearn.Distribution")
    check_same_domain(h, T, "h", "T")
    D.check_domain(Cube(h.d), "the distribution", "the functions")


def _agreement_weight(h: BooleanFunction, T: BooleanFunction, D: Distribution, engine: Any = None) -> int:
    if engine is not None or isinstance(h, LazyFunction) or isinstance(T, LazyFunction):
        # chunk by chunk on the engine: the weight of the points where h = T
        return D.total - count_ones(as_lazy(h, "h") ^ as_lazy(T, "T"), D, engine)
    if D.is_uniform:
        return (1 << h.d) - int(K.count_disagreements_packed(h.packed, T.packed))
    if fits_int64(D.total):  # every partial sum of the kernel is at most the total
        return int(K.weighted_agreements(h.truth_table, T.truth_table, D.support, D.weights))
    s = D.support
    return D.mass(h.truth_table[s] == T.truth_table[s])


def agreement_probability(h: BooleanFunction, T: BooleanFunction, distribution: Distribution, *,
                          engine: Any = None) -> Fraction:
    """Exact P_{x ~ D}(h(x) = T(x)).

    Parameters
    ----------
    h, T : BooleanFunction
        A student's hypothesis and a teacher, on the same {0,1}^d.
    distribution : Distribution
        The distribution D of x.
    engine : Engine, optional
        Where the exhaustive count runs (:func:`finitelearn.local_engine`,
        :func:`finitelearn.dask_engine`).  With an engine, or when h or T is lazy
        (``lazy=True``, :class:`finitelearn.LazyFunction`), the functions are evaluated
        chunk by chunk, 64 points a word, never as tables: d up to 40 under the uniform
        distribution or a subcube one (:func:`finitelearn.uniform_on_subcube`).

    Examples
    --------
    >>> import finitelearn as fl
    >>> fl.agreement_probability(fl.dictator(4, 0), fl.parity(4, {0, 2}), fl.uniform(4))
    Fraction(1, 2)
    >>> mu = fl.point_masses(4, [(0, 0, 0, 0), (1, 0, 0, 0)])
    >>> fl.agreement_probability(fl.dictator(4, 0), fl.parity(4, {0, 2}), mu)
    Fraction(1, 1)
    >>> fl.agreement_probability(fl.dictator(30, 0, lazy=True), fl.parity(30, {0, 29}, lazy=True), fl.uniform(30))
    Fraction(1, 2)
    """
    _check(h, T, distribution)
    return Fraction(_agreement_weight(h, T, distribution, engine), distribution.total)


def disagreement_probability(h: BooleanFunction, T: BooleanFunction, distribution: Distribution, *,
                             engine: Any = None) -> Fraction:
    """Exact P_{x ~ D}(h(x) != T(x)) = 1 - agreement.

    >>> import finitelearn as fl
    >>> disagreement_probability(fl.constant(3, 0), fl.majority(3), fl.uniform(3))
    Fraction(1, 2)
    """
    _check(h, T, distribution)
    return 1 - Fraction(_agreement_weight(h, T, distribution, engine), distribution.total)


def correlation(f: BooleanFunction, g: BooleanFunction, distribution: Distribution, *, engine: Any = None) -> Fraction:
    """E_D[F(x) G(x)] with F = (-1)^f, G = (-1)^g: 2 P(f = g) - 1 (the +-1 correlation).

    >>> import finitelearn as fl
    >>> correlation(fl.parity(3, {0}), fl.parity(3, {1}), fl.uniform(3))
    Fraction(0, 1)
    >>> correlation(fl.majority(21, lazy=True), fl.dictator(21, 0, lazy=True), fl.uniform_on_subcube(21, {1: 1}))
    Fraction(46189, 262144)
    """
    _check(f, g, distribution)
    return 2 * Fraction(_agreement_weight(f, g, distribution, engine), distribution.total) - 1
