"""Query-count lower bounds: the Parseval bound for statistical queries, the bit bound for data queries.

The Parseval argument (Section 4.1, made explicit in docs/design.md): for a parity teacher f_S
under uniform x and a query chi: {0,1}^d x {0,1} -> [0, 1], with g = chi(., 1) - chi(., 0),

    E[chi(x, f_S(x))] = E[(chi(x, 0) + chi(x, 1)) / 2] - ghat(S) / 2,

so the adversary that answers the first term (the *null* value) contradicts only the
parities with |ghat(S)| > 2 alpha, and by Parseval (sum_S ghat(S)^2 = E[g^2] <= 1) there
are fewer than 1/(4 alpha^2) of them.  A student that must shrink a class of m teachers
to one therefore needs at least ceil((m - 1) / r) queries, r = ceil(1/(4 alpha^2)) - 1.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from .validation import as_fraction, check_int, fail

__all__ = ["parseval_removal_bound", "sq_query_lower_bound", "membership_query_lower_bound", "check_tolerance"]


def check_tolerance(tolerance: Any, name: str = "tolerance") -> Fraction:
    """The tolerance alpha as an exact Fraction; refuses alpha <= 0 and non-numbers.

    >>> check_tolerance("1/8")
    Fraction(1, 8)
    """
    alpha = as_fraction(tolerance, name)
    if alpha <= 0:
        raise fail(name, tolerance, "a number > 0 (the SQ tolerance alpha of Section 4.1)")
    return alpha


def parseval_removal_bound(tolerance: Any) -> int:
    """The most candidates one statistical query can rule out against the null answer.

    The largest integer r < 1/(4 alpha^2), i.e. ``ceil(1/(4 alpha^2)) - 1`` (docs/design.md,
    "the central identity"): fewer than 1/(4 alpha^2) parities lie farther than alpha
    from the null value of any query with values in [0, 1].

    Parameters
    ----------
    tolerance : int, Fraction, decimal float or str
        alpha > 0.

    Examples
    --------
    >>> parseval_removal_bound("1/8"), parseval_removal_bound("0.3"), parseval_removal_bound("1/2")
    (15, 2, 0)
    """
    alpha = check_tolerance(tolerance)
    inv = 1 / (4 * alpha * alpha)  # exact Fraction
    return math.ceil(inv) - 1


def sq_query_lower_bound(class_size: Any, tolerance: Any) -> int | None:
    """Exact number of statistical queries the Parseval argument forces (Theorems 4.1, 4.2).

    Against the null responder each query removes at most
    r = :func:`parseval_removal_bound` ``(tolerance)`` of the ``class_size`` parity
    teachers, so identifying the teacher (one left) takes at least
    ``ceil((class_size - 1) / r)`` queries.

    Parameters
    ----------
    class_size : int
        Number m >= 1 of parity teachers (2^(d-1) for the class (4.3)).
    tolerance : int, Fraction, decimal float or str
        alpha > 0.

    Returns
    -------
    int or None
        The bound; ``None`` when alpha >= 1/2 and m > 1: then r = 0, the null answer is
        within alpha of every value in [0, 1], and no finite number of queries suffices.

    Examples
    --------
    >>> sq_query_lower_bound(2**13, "1/8")     # d = 14, the class (4.3)
    547
    >>> sq_query_lower_bound(1, "1/8"), sq_query_lower_bound(4, "1/2")
    (0, None)
    """
    m = check_int(class_size, "class_size")
    if m < 1:
        raise fail("class_size", class_size, "an int >= 1")
    r = parseval_removal_bound(tolerance)
    if m == 1:
        return 0
    if r == 0:
        return None
    return -(-(m - 1) // r)


def membership_query_lower_bound(class_size: Any) -> int:
    """ceil(log2 m): data queries needed to identify one of m teachers (each answer is one bit).

    An adversary that answers the label keeping the larger half of the version space
    forces it; for the class (4.3) of 2^(d-1) parities it is d - 1.

    >>> membership_query_lower_bound(2**9), membership_query_lower_bound(5), membership_query_lower_bound(1)
    (9, 3, 0)
    """
    m = check_int(class_size, "class_size")
    if m < 1:
        raise fail("class_size", class_size, "an int >= 1")
    return (m - 1).bit_length()
