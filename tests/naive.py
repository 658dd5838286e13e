"""Plain, obviously correct twins of the kernels and exact functions (stumpy's naive.py habit).

Everything here loops in pure Python over points (Python ints, lists, Fractions,
itertools), straight from the definitions, and shares no code with finitelearn.

The second half holds one twin per numba kernel of ``finitelearn._kernels``, under the
kernel's own name and with its arguments (numpy arrays are read with ``.tolist()``, the
results are Python ints and lists); ``tests/_kernels/`` binds every kernel to its twin.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np


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


def influence(table, d, i, weights=None):
    """P_{x ~ D}(f(x) != f(x with bit i flipped)), D uniform or given by integer ``weights``."""
    w = [1] * len(table) if weights is None else list(weights)
    return Fraction(sum(w[x] for x in range(len(table)) if table[x] != table[x ^ (1 << i)]), sum(w))


def fourier_coefficient(table, S, weights):
    """E_{x ~ D}[(-1)^f(x) chi_S(x)] for D given by integer ``weights``, point by point."""
    return Fraction(sum(weights[x] * (1 - 2 * table[x]) * chi(S, x) for x in range(len(table))), sum(weights))


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


def wht_butterfly(values):
    """A second WHT reference, O(d 2^d), for sizes where :func:`wht` (O(4^d)) is too slow.

    A plain numpy butterfly, one vectorised pass per stage (no blocking, no scratch, no
    radix); bound to :func:`wht` itself in tests/_kernels/test_wht.py.
    """
    a = np.array(values, copy=True)
    h = 1
    while h < a.shape[0]:
        v = a.reshape(-1, 2, h)
        u = v[:, 0, :].copy()
        w = v[:, 1, :].copy()
        v[:, 0, :] = u + w
        v[:, 1, :] = u - w
        h *= 2
    return a


# -- one twin per kernel of finitelearn._kernels -----------------------------------------
# bits


def _ints(a):
    return [int(v) for v in (a.tolist() if hasattr(a, "tolist") else a)]


def popcount64(x):
    """Number of set bits among the 64 bits of x."""
    x = int(x)
    return sum((x >> i) & 1 for i in range(64))


def pack_table(table):
    return pack(_ints(table))


def unpack_table(packed, n):
    words = _ints(packed)
    return [(words[k // 64] >> (k % 64)) & 1 for k in range(n)]


def parity_packed(d, mask):
    return pack(parity_table(d, [i for i in range(d) if (mask >> i) & 1]))


def popcount_table(d):
    return [sum(bits(k, d)) for k in range(2**d)]


def count_ones_packed(packed):
    return sum(popcount64(w) for w in _ints(packed))


def count_disagreements_packed(a, b):
    """Bit positions where the two word lists differ, counted one bit at a time."""
    return sum(((x >> j) & 1) != ((y >> j) & 1) for x, y in zip(_ints(a), _ints(b)) for j in range(64))


def weighted_agreements(ta, tb, support, weights):
    ta, tb = _ints(ta), _ints(tb)
    return sum(w for s, w in zip(_ints(support), _ints(weights)) if ta[s] == tb[s])


def weighted_sum(values, support, weights):
    values = _ints(values)
    return sum(w * values[s] for s, w in zip(_ints(support), _ints(weights)))


def influence_counts(table, d):
    t = _ints(table)
    return [sum(t[x] != t[x ^ (1 << i)] for x in range(len(t))) for i in range(d)]


def signed_table(table):
    return [(-1) ** v for v in _ints(table)]


def weight_by_degree(spectrum, d):
    spec = _ints(spectrum)
    return [sum(v * v for S, v in enumerate(spec) if popcount64(S) == k) for k in range(d + 1)]


def restrict_table(table, d, fixed_mask, fixed_values):
    """``restrict`` with the fixed coordinates given as masks (fixed_values inside fixed_mask)."""
    fixed = {i: (fixed_values >> i) & 1 for i in range(d) if (fixed_mask >> i) & 1}
    return restrict(_ints(table), d, fixed)


# wht


def int64_extremes(a):
    a = _ints(a)
    return min(a), max(a)


# oracle


def teacher_sum(table, support, weights, num0, num1):
    """sum over the support of w(x) * num_{T(x)}(x)."""
    t, n0, n1 = _ints(table), _ints(num0), _ints(num1)
    return sum(w * (n1[x] if t[x] == 1 else n0[x]) for x, w in zip(_ints(support), _ints(weights)))


def class_sums(tables, rows, support, weights, num0, num1):
    return [teacher_sum(tables[r], support, weights, num0, num1) for r in _ints(rows)]


def parity_labels(masks, x):
    x = int(x)
    return [sum((m >> i) & (x >> i) & 1 for i in range(64)) % 2 for m in _ints(masks)]


# robustness (p_code: 0 = differing coordinates, 1 = l1, 2 = squared l2, 3 = l_inf)


def lattice_distance(X, i, Y, j, p_code):
    diff = [abs(a - b) for a, b in zip(_ints(X[i]), _ints(Y[j]))]
    return [sum(t != 0 for t in diff), sum(diff), sum(t * t for t in diff), max(diff, default=0)][p_code]


def nearest_source(targets, sources, p_code):
    """(best, arg) per target: the smallest distance to a source and the first source at it."""
    best, arg = [], []
    for t in range(len(targets)):
        vals = [lattice_distance(targets, t, sources, s, p_code) for s in range(len(sources))]
        b = min(vals, default=-1)
        best.append(b)
        arg.append(vals.index(b) if vals else -1)
    return best, arg


def within_of_sources(targets, sources, p_code, threshold):
    return [any(lattice_distance(targets, t, sources, s, p_code) <= threshold for s in range(len(sources)))
            for t in range(len(targets))]


def hamming_transform(d, sources):
    """Each point's Hamming distance to the nearest source and the smallest such source
    (-1, -1 with no sources), by comparing every point with every source."""
    dist, origin = [], []
    for k in range(1 << d):
        best = None
        for s in sorted(set(int(v) for v in sources)):
            h = bin(k ^ s).count("1")
            if best is None or h < best[0]:
                best = (h, s)
        dist.append(-1 if best is None else best[0])
        origin.append(-1 if best is None else best[1])
    return dist, origin


# -- lazy: the program interpreter, point by point -----------------------------------------
# Each twin reads the program's encoding (finitelearn._kernels.lazy) one point at a time:
# bit j of word w is the point 64 w + j.


def deposit(k, mask):
    """The k-th submask of mask in increasing order, by listing them all."""
    subs = [s for s in range(mask + 1) if s & mask == s]
    return subs[k] if k < len(subs) else 0


def subcube_words(k_lo, n, free, fixed):
    subs = [s for s in range(free + 1) if s & free == s]
    return [fixed | subs[(k_lo + t) % len(subs)] for t in range(n)]


def _bit(word, j):
    return (int(word) >> j) & 1


def _program_point(code, up, ip, tabs, kbuf, t, w, j):
    """Every node's value at the point 64 w + j (t: the word's position in its block)."""
    up, ip, tabs = _ints(up), _ints(ip), _ints(tabs)
    vals = []
    for op, a, b in _ints_rows(code):
        if op == 0:
            v = _bit(up[a], j)
        elif op == 1:
            v = _bit(up[a] ^ up[a + 2], j) ^ (bin(w & up[a + 1]).count("1") & 1)
        elif op == 2:
            v = _bit(up[a], j) if (w & up[a + 1]) == up[a + 2] else 0
        elif op == 3:
            v = 1 if any(((w >> i) & 1) == ((up[a + 2] >> i) & 1) for i in range(64) if (up[a + 1] >> i) & 1) \
                else _bit(up[a], j)
        elif op == 4:
            theta, nlow, nb = ip[b], ip[b + 1], ip[b + 2]
            lows = ip[b + 3:b + 3 + nlow]
            tables = ip[b + 3 + nlow:]
            h = sum(tables[q * 256 + ((w >> (8 * q)) & 255)] for q in range(nb))
            c = sum(1 for s in lows if s >= theta - h)
            v = _bit(up[a + c], j)
        elif op == 5:
            word = tabs[ip[b] + (w ^ ip[b + 1])]
            v = _bit(word, j ^ ip[b + 2])  # bit j of the permuted word is bit j ^ lx of the table word
        elif op == 6:
            v = _bit(kbuf[a][t], j)
        elif op == 7:
            v = 1 - vals[a]
        elif op == 8:
            v = vals[a] & vals[b]
        elif op == 9:
            v = vals[a] | vals[b]
        else:
            v = vals[a] ^ vals[b]
        vals.append(v)
    return vals


def _ints_rows(code):
    return [tuple(int(v) for v in row) for row in np.asarray(code).tolist()]


def eval_block(code, up, ip, tabs, kbuf, widx, n):
    """The registers (one list of n words per node), assembled bit by bit."""
    nodes = len(_ints_rows(code))
    kb = [[int(v) for v in row] for row in np.asarray(kbuf).tolist()]
    regs = [[0] * n for _ in range(nodes)]
    for t in range(n):
        w = int(widx[t])
        for j in range(64):
            for i, v in enumerate(_program_point(code, up, ip, tabs, kb, t, w, j)):
                regs[i][t] |= v << j
    return regs


def count_block(code, up, ip, tabs, kbuf, widx, n, lowmask):
    root = eval_block(code, up, ip, tabs, kbuf, widx, n)[-1]
    return sum(bin(r & int(lowmask)).count("1") for r in root)


def count_range(code, up, ip, tabs, k_lo, k_hi, free, fixed, lowmask):
    widx = subcube_words(k_lo, k_hi - k_lo, int(free), int(fixed))
    return count_block(code, up, ip, tabs, np.zeros((0, 1), dtype=np.uint64), widx, len(widx), lowmask)


def kernel_words(fn, widx, n, xmask, nlow):
    py = getattr(fn, "py_func", fn)
    return [sum(1 << j for j in range(nlow) if py(((int(widx[t]) << 6) | j) ^ int(xmask))) for t in range(n)]


def bits_at(code, up, ip, tabs, kbuf, idx, n):
    kb = [[int(v) for v in row] for row in np.asarray(kbuf).tolist()]
    return [_program_point(code, up, ip, tabs, kb, t, int(idx[t]) >> 6, int(idx[t]) & 63)[-1] for t in range(n)]


def count_tables(pred, d, arg, lo, hi):
    py = getattr(pred, "py_func", pred)
    return sum(1 for t in range(lo, hi) if py(t, d, arg))


# -- census: predicates on a truth table t (bit k = f(point k)), from the definitions ------


def table_of(t, d):
    return [(int(t) >> k) & 1 for k in range(2**d)]


def coordinate_pattern(i, d):
    return sum(1 << k for k in range(2**d) if (k >> i) & 1)


def walsh(t, d, S):
    f = table_of(t, d)
    return sum((1 - 2 * f[x]) * chi(S, x) for x in range(2**d))


def balanced(t, d, arg):
    return sum(table_of(t, d)) * 2 == 2**d


def monotone(t, d, arg):
    f = table_of(t, d)
    n = 2**d
    return all(f[x] <= f[y] for x in range(n) for y in range(n) if x & y == x)


def bent(t, d, arg):
    return all(walsh(t, d, S) ** 2 == 2**d for S in range(2**d))


def degree_at_most(t, d, arg):
    return all(walsh(t, d, S) == 0 for S in range(2**d) if bin(S).count("1") > arg)


def resilient(t, d, arg):
    return all(walsh(t, d, S) == 0 for S in range(2**d) if bin(S).count("1") <= arg)


# sq_search


def best_query(d, masks, thr, require, lo, hi):
    """Twin of ``_kernels.sq_search.best_query``, from the definition, query by query: the query t
    (lo <= t < hi) is chi(x, 0) = bit x of t, chi(x, 1) = bit 2^d + x of t; it rules out f_S
    (S in ``masks``, f_S(x) = |S & x| mod 2) when E_x chi(x, f_S(x)) is more than thr / 2^(d+1)
    from the null value E_x (chi(x, 0) + chi(x, 1))/2 (exact Fractions over the points).
    Returns the most members one query rules out and the first t doing so, ``require``
    skipping the queries that rule out every member; (-1, -1) when no query counts."""
    n = 1 << int(d)
    masks = _ints(masks)
    gap = Fraction(int(thr), 2 * n)
    best, best_t = -1, -1
    for t in range(int(lo), int(hi)):
        chi = [((t >> x) & 1, (t >> (n + x)) & 1) for x in range(n)]
        null = Fraction(sum(c0 + c1 for c0, c1 in chi), 2 * n)
        out = 0
        for S in masks:
            value = Fraction(sum(chi[x][bin(S & x).count("1") % 2] for x in range(n)), n)
            out += abs(value - null) > gap
        if require and out == len(masks):
            continue
        if out > best:
            best, best_t = out, t
    return best, best_t


def least_max_window(A, rows, win, start):
    """Twin of ``_kernels.sq.least_max_window``: for each row, the values A + row and A - row,
    the largest number of them in any window [v, v + win] (v one of them), and the least such
    count below ``start`` with the first row attaining it; ``(start, -1)`` when none is below."""
    best, best_row = start, -1
    for r, row in enumerate(rows):
        vals = [int(a) + int(b) for a, b in zip(A, row)] + [int(a) - int(b) for a, b in zip(A, row)]
        kept = max(sum(1 for u in vals if v <= u <= v + win) for v in vals)
        if kept < best:
            best, best_row = kept, r
    return best, best_row


def simulate_removed(pos, span, a, support, coefficients, vs_size, n, b, t, null_kind):
    """Twin of ``_kernels.greedy.simulate_removed``: every candidate's value listed in the version
    space's order (``pos``: each member's position; the members not hit at the null value,
    last), answered as :func:`adversary_removed` defines the two adversaries, and the
    candidates the answer rules out counted."""
    hits = []
    for j, J in enumerate(_ints(support)):
        p = int(pos[int(a) ^ int(span[J])])
        if p >= 0:
            hits.append((p, (int(n) - int(coefficients[j])) * int(b)))
    values = [v for _, v in sorted(hits)]
    counts = [1] * len(values)
    rest = int(vs_size) - len(values)
    null = int(n) * int(b)
    if rest > 0:
        values.append(null)
        counts.append(rest)
    return adversary_removed("null" if null_kind else "max_consistent", values, null, int(t), counts)


def adversary_removed(kind, values, null, t, counts=None):
    """The candidates an adversary's answer rules out, from the definitions (no finitelearn):
    ``values`` are the candidates' exact values in the version space's order (any ordered
    numbers: Fractions, ints), ``counts`` how many candidates share each (default one each).
    The null responder answers ``null`` when some value is within t of it, else the value
    nearest to it (the first on a tie) moved t towards it; the max-consistent one an answer
    keeping the most candidates within t, which keeps as many as the fullest window
    [v, v + 2t] of the values holds (whichever answer it picks)."""
    counts = [1] * len(values) if counts is None else [int(c) for c in counts]
    if kind == "null":
        if any(abs(v - null) <= t for v in values):
            ans = null
        else:
            v = min(values, key=lambda w: abs(w - null))  # min keeps the first of equal keys
            ans = v - t if v > null else v + t
        return sum(c for v, c in zip(values, counts) if abs(v - ans) > t)
    most = max(sum(c for w, c in zip(values, counts) if lo <= w <= lo + 2 * t) for lo in values)
    return sum(counts) - most


def greedy_query_table(d, dirs, a, table):
    """Twin of ``_kernels.greedy.query_table``: h(x) = [chi_a(x) F(<v_1, x>, ..., <v_k, x>) > 0], point by point."""
    out = []
    for x in range(1 << d):
        y = sum((bin(v & x).count("1") % 2) << j for j, v in enumerate(dirs))
        g = (-1) ** (bin(a & x).count("1") % 2) * table[y]
        out.append(1 if g > 0 else 0)
    return out


def greedy_step(d, vs, patterns, block, kind, alpha, max_k, top, max_translates):
    """Twin of the greedy student's step (``Greedy._best``, ``_kernels.greedy.best_candidate``),
    from the definitions: each candidate's query table built point by point
    (:func:`greedy_query_table`), its value for every parity teacher f_S of the version space
    ``vs`` counted over the cube (the fraction of x with h(x) = f_S(x)), and the adversary's
    removals from :func:`adversary_removed` (null value 1/2, tolerance ``alpha``).

    ``patterns`` are the family's (k, F) in order (F: k-bit +-1 table).  The candidates, in the
    student's order, a later one kept only when it rules out strictly more: for each anchor
    position in sorted {0, n//3, 2n//3}, its :func:`independent_differences` (up to max_k), each
    pattern they fit (its query on the first k); then for each pattern fitting the ``block``,
    the ``top`` translates of vs[::max(1, n // max_translates)] with the most strong hits (the
    J with |Fhat(J)| > 2 alpha whose translate t ^ span(J) is in vs; ties by position).
    Returns (removed, pattern index, anchor, directions), (0, None, None, None) when none
    rules anyone out."""
    n = len(vs)
    members = set(vs)
    labels = [sum((bin(S & x).count("1") % 2) << x for x in range(1 << d)) for S in vs]  # f_S as a bit set

    def removed(dirs, a, F):
        h = sum(b << x for x, b in enumerate(greedy_query_table(d, dirs, a, F)))
        values = [Fraction((1 << d) - bin(h ^ lab).count("1"), 1 << d) for lab in labels]
        return adversary_removed(kind, values, Fraction(1, 2), alpha)

    def span(dirs, J):
        out = 0
        for j, v in enumerate(dirs):
            if (J >> j) & 1:
                out ^= v
        return out

    best = (0, None, None, None)
    for anchor in sorted({0, n // 3, (2 * n) // 3}):
        dirs = independent_differences(vs, anchor, max_k)
        for i, (k, F) in enumerate(patterns):
            if k <= len(dirs):
                got = removed(dirs[:k], vs[anchor], F)
                if got > best[0]:
                    best = (got, i, vs[anchor], dirs)
    translates = vs[::max(1, n // max_translates)]
    for i, (k, F) in enumerate(patterns):
        if k > len(block):
            continue
        spec = [Fraction(sum(F[y] * chi(J, y) for y in range(1 << k)), 1 << k) for J in range(1 << k)]
        strong = [J for J in range(1 << k) if abs(spec[J]) > 2 * alpha]
        hits = [sum(1 for J in strong if t ^ span(block, J) in members) for t in translates]
        order = sorted(range(len(translates)), key=lambda j: -hits[j])  # sorted is stable
        for j in order[:top]:
            got = removed(block[:k], translates[j], F)
            if got > best[0]:
                best = (got, i, translates[j], list(block))
    return best


def independent_differences(vs, anchor, k):
    """Twin of ``_kernels.greedy.independent_differences``: a difference is chosen when the span
    (every xor of a subset) of those chosen before does not contain it."""
    a = vs[anchor]
    chosen = []
    for i in range(1, len(vs)):
        if len(chosen) == k:
            break
        v = a ^ vs[(anchor + i) % len(vs)]
        span = {0}
        for c in chosen:
            span |= {s ^ c for s in span}
        if v not in span:
            chosen.append(v)
    return chosen


def group_values(values, counts):
    """Twin of ``_kernels.responders.group_dense``: the distinct values ascending, with summed counts."""
    total = {}
    for v, c in zip(values, counts):
        total[v] = total.get(v, 0) + c
    keys = sorted(total)
    return keys, [total[k] for k in keys]


def best_window(values, counts, t, null, truth=None):
    """Twin of ``_kernels.responders.best_window``, by its definition over answers: every integer
    answer A (within t of ``truth`` when given) in a range covering the values, ``null`` and
    ``truth``; the most candidates with |v - A| <= t, then the nearest to ``null``, then the
    smaller A.  Returns (A, kept)."""
    pts = list(values) + [null] + ([] if truth is None else [truth])
    best = None
    for A in range(min(pts) - t - 1, max(pts) + t + 2):
        if truth is not None and abs(A - truth) > t:
            continue
        kept = sum(c for v, c in zip(values, counts) if abs(v - A) <= t)
        key = (-kept, abs(A - null), A)
        if best is None or key < best:
            best = key
    return best[2], -best[0]
