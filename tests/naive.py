"""Plain, obviously correct twins of the kernels and exact functions (stumpy's naive.py habit).

Everything here loops in pure Python over points with Fractions, straight from the
definitions, and shares no code with finitelearn beyond nothing at all.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product


def bits(k, d):
    return tuple((k >> i) & 1 for i in range(d))


def index(x):
    return sum(b << i for i, b in enumerate(x))


def parity_table(d, S):
    return [sum(bits(k, d)[i] for i in S) % 2 for k in range(2**d)]


def majority_table(d):
    return [1 if sum(bits(k, d)) > d / 2 else 0 for k in range(2**d)]


def pack(table):
    n = len(table)
    words = [0] * max(1, n // 64)
    for k, v in enumerate(table):
        if v:
            words[k // 64] |= 1 << (k % 64)
    return words


def chi(S_mask, k):
    return -1 if bin(S_mask & k).count("1") % 2 else 1


def fourier(table):
    """fhat(S) = E_x[(-1)^f(x) chi_S(x)], by the definition (O(4^d))."""
    n = len(table)
    return [Fraction(sum((1 - 2 * table[x]) * chi(s, x) for x in range(n)), n) for s in range(n)]


def wht(values):
    n = len(values)
    return [sum(values[x] * chi(s, x) for x in range(n)) for s in range(n)]


def influence(table, d, i):
    n = len(table)
    return Fraction(sum(1 for x in range(n) if table[x] != table[x ^ (1 << i)]), n)


def noise_stability(table, d, rho):
    """E[F(x)F(y)], x uniform, y_i = x_i w.p. (1+rho)/2 independently: sum over all pairs."""
    rho = Fraction(rho)
    same, diff = (1 + rho) / 2, (1 - rho) / 2
    total = Fraction(0)
    n = len(table)
    for x in range(n):
        for y in range(n):
            flips = bin(x ^ y).count("1")
            p = Fraction(1, n) * same ** (d - flips) * diff**flips
            total += p * (1 - 2 * table[x]) * (1 - 2 * table[y])
    return total


def agreement(t1, t2, weights):
    """P(t1 = t2) under the (unnormalised) weights of every point."""
    tot = sum(weights)
    return Fraction(sum(w for a, b, w in zip(t1, t2, weights) if a == b), tot)


def restrict(table, d, fixed):
    free = [i for i in range(d) if i not in fixed]
    out = []
    for k in range(2 ** len(free)):
        x = [0] * d
        for i, b in fixed.items():
            x[i] = b
        for j, i in enumerate(free):
            x[i] = (k >> j) & 1
        out.append(table[index(x)])
    return out


def all_tables(d):
    return [list(t) for t in product((0, 1), repeat=2**d)]
