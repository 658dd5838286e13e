"""Example 4.1: the rounded integer model is strongly robust, the least-squares model not.

Uses ``fl.paper.example_4_1`` (the paper's students trained as in the paper: 1000 + 1000
points uniform in [0,1]^100, seed 0) and checks, exactly:

1. the sparse fit (4.7) rounds to (-2, 2), and the rounded model y = -2 x_1 + 2 x_100 is
   strongly robust on the whole of [0,1]^100 (Definition 3.1; the teacher says +1 iff
   x_1 <= x_100, the student +1 iff y >= 0): a symbolic proof, twice -- sympy's linear
   real arithmetic finds no x in [0,1]^100 where they differ
   (``symbolic_strongly_robust``), and independently sympy verifies the identity
   y = 2 (x_100 - x_1), so sign(y) >= 0 <=> x_1 <= x_100 for every real x;
2. the dense least-squares model (4.6) is not: an explicit adversarial example of the
   paper's construction (x_hat_1 = x_1, x_hat_100 = x_100, x_hat_i = x_i + eps sign(alpha_i)
   for a test point with x_1 > x_100), recomputed with Fractions: it lies in [0,1]^100, the
   teacher's label is unchanged and the student's flips;
3. the paper's conditions for a robust linear model (alpha_1 < 0, alpha_100 = -alpha_1,
   alpha_i = 0 otherwise) are sufficient (symbolically, for several alpha_1) and each
   violated one breaks robustness.

Errata found (verdict ``erratum``):
* the flip condition "eps > alpha^T x / sum_{i=2..99} |alpha_i|" has the wrong sign in the
  paper's own case x_1 > x_100 (there alpha^T x < 0, so every eps > 0 satisfies it); it must
  be eps > |alpha^T x| / sum |alpha_i|.  Witness: half that eps satisfies the paper's
  inequality and does not flip the student;
* the sparse model's adversarial example "x_1 = 1, x_100 = 1.01" lies outside [0,1]^100,
  where the example assumes x_i in [0,1]; an exact one inside is (x_1, x_100) = (67/68, 1)
  (``disagreement_witness``).
"""

from __future__ import annotations

from fractions import Fraction

import sympy


from .report import Report, verdict_of

CLAIM = "Ex. 4.1: rounded model strongly robust on [0,1]^100, least squares not"
REFERENCE = "Ex. 4.1, (4.6)-(4.8)"


def _sign(q: Fraction) -> int:
    return (q > 0) - (q < 0)


def check(d_max: int | None = None, seed: int = 0) -> Report:
    from finitelearn.paper import example_4_1 as E   # public module (issue 6)

    D = E.D
    facts: dict[str, bool] = {}
    X, y = E.sample(1000, seed=seed)
    dense = E.fit_dense(X, y)
    sparse = E.fit_sparse(X, y)
    rounded = E.round_coefficients(sparse)
    facts["sparse fit rounds to (-2, 2)"] = rounded == [-2, 2]
    full = [rounded[0]] + [0] * (D - 2) + [rounded[1]]
    facts["rounded model: sympy LRA finds no disagreement in [0,1]^100"] = E.symbolic_strongly_robust(full)
    xs = sympy.symbols(f"x1:{D + 1}", real=True)
    yhat = sum(c * x for c, x in zip(full, xs))
    facts["rounded model: y = 2 (x_100 - x_1) identically"] = sympy.expand(yhat - 2 * (xs[-1] - xs[0])) == 0
    # the robust family and its violations
    facts["alpha_1 < 0, alpha_100 = -alpha_1, others 0 => robust"] = all(
        E.symbolic_strongly_robust([-a] + [0] * (D - 2) + [a]) for a in (1, 3, Fraction(1, 7)))
    facts["each violated condition => not robust"] = not any(
        E.is_strongly_robust_on_box(v) for v in ([-2] + [0] * (D - 2) + [Fraction(201, 100)],
                                          [2] + [0] * (D - 2) + [-2],
                                          [-2, Fraction(1, 1000)] + [0] * (D - 3) + [2]))
    facts["dense model: not strongly robust (exact witness)"] = not E.is_strongly_robust_on_box(dense)

    # the paper's construction, exactly, on fresh test points with x_1 > x_100
    alpha = [Fraction(float(a)) for a in dense]
    mid = alpha[1:-1]
    total = sum(abs(a) for a in mid)
    Xt, yt = E.sample(200, seed=seed + 1)
    example = None
    sign_witness = None
    for row, label in zip(Xt, yt):
        if label != -1:
            continue
        x = [Fraction(float(v)) for v in row]
        v = sum(a * q for a, q in zip(alpha, x))
        if v >= 0:
            continue                                      # misclassified: not attacked
        need = -v / total                                 # = |alpha^T x| / sum |alpha_i|
        if sign_witness is None:
            half = need / 2                               # paper's test: half > v / total holds
            xh = [x[0]] + [q + half * _sign(a) for q, a in zip(x[1:-1], mid)] + [x[-1]]
            vh = sum(a * q for a, q in zip(alpha, xh))
            if half > v / total and vh < 0:
                sign_witness = (half, v / total)
        eps = need + Fraction(1, 10**9)
        xh = [x[0]] + [q + eps * _sign(a) for q, a in zip(x[1:-1], mid)] + [x[-1]]
        if all(0 <= q <= 1 for q in xh):
            vh = sum(a * q for a, q in zip(alpha, xh))
            example = (x, xh, v, vh, eps)
            break
    facts["paper's construction: adversarial example inside [0,1]^100"] = (
        example is not None and example[3] >= 0 and example[1][0] > example[1][-1])
    facts["paper's eps bound has the wrong sign (witness)"] = sign_witness is not None
    # the sparse model: the paper's witness is outside the cube, an exact one inside
    w = E.disagreement_witness(list(E.PAPER_SPARSE_COEFFICIENTS))
    px1, px100 = E.PAPER_WITNESS
    facts["paper's (1, 1.01) is outside [0,1]"] = not (0 <= px100 <= 1)
    facts["sparse (4.8) model: exact witness inside [0,1]^2"] = (
        w is not None and all(0 <= q <= 1 for q in w.point) and w.teacher_label != w.student_label)

    holds = all(facts.values())
    if holds:
        x, xh, v, vh, eps = example
        witness = (
            f"rounded (-2,2): sympy proves S = T on all of [0,1]^100; dense least squares: test point "
            f"x_1={float(x[0]):.4f} > x_100={float(x[-1]):.4f}, alpha^T x={float(v):.4f}, paper's x_hat with "
            f"eps={float(eps):.4f} stays in [0,1]^100, alpha^T x_hat={float(vh):.2e} >= 0 (flipped, teacher "
            f"unchanged). Errata: flip needs eps > |alpha^T x|/sum|alpha_i| (eps={float(sign_witness[0]):.4f} "
            f"> {float(sign_witness[1]):.4f} per paper, no flip); (1, 1.01) lies outside [0,1]^100, "
            f"inside witness ({w.point[0]}, {w.point[-1]})")
    else:
        witness = "FAILED: " + ", ".join(k for k, v in facts.items() if not v)
    details = {"facts": facts, "sparse": [float(a) for a in sparse], "rounded": rounded}
    if example is not None:
        details["adversarial_example"] = {"x": [str(q) for q in example[0]], "x_hat": [str(q) for q in example[1]],
                                          "eps": str(example[4])}
    return Report(claim=CLAIM, reference=REFERENCE, d_min=None, d_max=None, checked=len(Xt) + 7,
                  verdict=verdict_of(holds, False), witness=witness, scope="[0,1]^100, seed 0",
                  details=details)
