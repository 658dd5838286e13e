"""Section 3.2: the attack families, and the infimum (3.1) for students that are *not*
strongly robust, against a brute force over the extreme points of each family.

(3.1) is inf over nu in P of P_nu(T = S | confident) = nu(agree and confident) / nu(confident),
a ratio of two linear functions of nu: on a polytope its infimum (over the members with
nu(confident) > 0) is attained at a vertex.  The vertices, enumerated here without the
library's families:

* l_p neighbourhood {nu : supp(nu) within delta of supp(mu)}: the point masses on the points
  within delta (distances by brute force over all pairs: on the cube l_1 = l_0 = Hamming,
  l_2 = sqrt(Hamming), l_inf = [x != y]; on a grid the exact squared distance);
* Radon-Nikodym ball {nu : dnu/dmu in [c, 1/c]}: nu = r mu with every r_x at c or 1/c except at
  most one, which is then fixed by sum r_x mu(x) = 1 (kept when it lies in [c, 1/c]);
* pushforward Gamma # mu and the fast-gradient family {Gamma # mu : Gamma(x) = x + delta g/||g||}:
  one member, computed here point by point (for the fast gradient with g = (3, 4),
  ||g|| = 5, on the grid of step 1/4 of [-1,1]^2, so x + delta g/||g|| is a grid point
  before the clamp to the box).

Checked: every teacher (with U) and every student that is not strongly robust on {0,1}^2
(K = 2), three data generators, six attacks; on the 3 x 3 grid of [-1,1]^2 every student
against 4 fixed teachers (seed 0); the fast-gradient family for a linear student at every grid point.
Also: "it can also depend on the student S": two linear students with the same labels on
supp(mu) give different fast-gradient families.  Where the formula needs it, S is read as
its score (g = w for a linear student): a label-valued S has gradient 0 wherever it is
differentiable, so g/||g|| needs the student's score, which the paper leaves implicit.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

import finitelearn as fl

from .report import REFUTED, VERIFIED, Report, failed_facts

MAX_D = 2
GRID_TEACHERS = 4
CAP_REASON = ("every teacher 3^(2^d) x every student 2^(2^d) x mus x attacks: d = 2 is 81 x 16 x 3 x 7; "
              "d = 3 would be 6561 x 256 x ...")


def _ratio(nu: dict, agree: np.ndarray, conf: np.ndarray) -> Fraction | None:
    c = sum((w for x, w in nu.items() if conf[x]), Fraction(0))
    if c == 0:
        return None
    return sum((w for x, w in nu.items() if conf[x] and agree[x]), Fraction(0)) / c


def brute_infimum(vertices: list[dict], agree: np.ndarray, conf: np.ndarray) -> Fraction | None:
    """min over the vertices with nu(confident) > 0 of P_nu(T = S | confident) (None if none)."""
    vals = [v for v in (_ratio(nu, agree, conf) for nu in vertices) if v is not None]
    return min(vals) if vals else None


def rn_vertices(mu: dict, c: Fraction) -> list[dict]:
    """The vertices of {r mu : r_x in [c, 1/c], sum r_x mu(x) = 1}."""
    pts = sorted(mu)
    out = []
    for j in [None] + pts:
        rest = [x for x in pts if x != j]
        for bounds in itertools.product((c, 1 / c), repeat=len(rest)):
            r = dict(zip(rest, bounds))
            s = sum(r[x] * mu[x] for x in rest)
            if j is None:
                if s != 1:
                    continue
            else:
                rj = (1 - s) / mu[j]
                if not c <= rj <= 1 / c:
                    continue
                r[j] = rj
            out.append({x: r[x] * mu[x] for x in pts})
    return out


def _mu_dict(weights: list[int]) -> dict:
    t = sum(weights)
    return {x: Fraction(w, t) for x, w in enumerate(weights) if w}


def _cube_cases():
    d, n = 2, 4
    ham = [[bin(x ^ y).count("1") for y in range(n)] for x in range(n)]
    mus = [[1, 1, 1, 1], [1, 0, 0, 0], [1, 2, 3, 4]]
    attacks = [  # (attack, vertices(mu dict) -> list of dict)
        (fl.LpNeighbourhood(0, p=1), lambda m: _near(m, n, lambda x, y: ham[x][y] <= 0)),
        (fl.LpNeighbourhood(1, p=1), lambda m: _near(m, n, lambda x, y: ham[x][y] <= 1)),
        (fl.LpNeighbourhood(1, p=2), lambda m: _near(m, n, lambda x, y: ham[x][y] <= 1)),     # sqrt(h) <= 1
        (fl.LpNeighbourhood(1, p=float("inf")), lambda m: _near(m, n, lambda x, y: True)),  # [x != y] <= 1
        (fl.RadonNikodymBall(Fraction(1, 2)), lambda m: rn_vertices(m, Fraction(1, 2))),
        (fl.Pushforward(lambda x: (1 - x[0],) + tuple(x[1:])),
         lambda m: [{x ^ 1: w for x, w in m.items()}]),
    ]
    return d, n, mus, attacks


def _near(mu: dict, n: int, close) -> list[dict]:
    return [{y: Fraction(1)} for y in range(n) if any(close(x, y) for x in mu)]


def check(d_max: int = 2) -> list[Report]:
    facts = {"cube: fl.robustness = brute force over vertices": True,
             "grid: fl.robustness = brute force over vertices": True}
    first_diff = None
    count = 0
    d, n, mus, attacks = _cube_cases()
    labels = [0, 1, fl.UNCERTAIN]
    values_seen = set()
    for t in itertools.product(labels, repeat=n):
        T = fl.Teacher.from_table(list(t), n_classes=2)
        conf = np.array(t) != fl.UNCERTAIN
        for s in itertools.product((0, 1), repeat=n):
            agree = np.array(s) == np.array(t)
            if (agree | ~conf).all():
                continue                                   # strongly robust: def_3_1_implies_3_2
            S = fl.Student.from_table(list(s))
            for w in mus:
                mu = fl.from_weights(w) if w != [1, 1, 1, 1] else fl.uniform(d)
                md = _mu_dict(w)
                for A, vertices in attacks:
                    r = fl.robustness(S, T, A, mu)
                    want = brute_infimum(vertices(md), agree, conf)
                    got = r.value if r.defined else None
                    count += 1
                    values_seen.add(got)
                    if got != want:
                        facts["cube: fl.robustness = brute force over vertices"] = False
                        first_diff = first_diff or (t, s, w, repr(A), got, want)
    # a grid: 3 x 3 of [-1,1]^2, 4 fixed teachers (seed 0), every student not strongly robust
    G = fl.Grid.square(3)
    pts = [G.point(k) for k in range(G.size)]
    rng = np.random.default_rng(0)
    mu_w = [0, 0, 0, 0, 2, 1, 0, 1, 0]                    # centre, (1,0), (0,1)
    md = _mu_dict(mu_w)
    mu = fl.Distribution.point_masses(G, [k for k, w in enumerate(mu_w) if w],
                                      [Fraction(w, 4) for w in mu_w if w])

    def d2(x, y):
        return sum((a - b) ** 2 for a, b in zip(pts[x], pts[y]))

    grid_attacks = [(fl.LpNeighbourhood(1, p=2), lambda m: _near(m, G.size, lambda x, y: d2(x, y) <= 1)),
                    (fl.LpNeighbourhood(Fraction(3, 2), p=2),
                     lambda m: _near(m, G.size, lambda x, y: d2(x, y) <= Fraction(9, 4))),
                    (fl.RadonNikodymBall(Fraction(1, 2)), lambda m: rn_vertices(m, Fraction(1, 2)))]
    for _ in range(GRID_TEACHERS):
        t = rng.integers(-1, 2, size=G.size).tolist()
        T = fl.Teacher.from_table(t, domain=G, n_classes=2)
        conf = np.array(t) != fl.UNCERTAIN
        for s in itertools.product((0, 1), repeat=G.size):
            agree = np.array(s) == np.array(t)
            if (agree | ~conf).all():
                continue
            S = fl.Student.from_table(list(s), domain=G)
            for A, vertices in grid_attacks:
                r = fl.robustness(S, T, A, mu)
                want = brute_infimum(vertices(md), agree, conf)
                count += 1
                if (r.value if r.defined else None) != want:
                    facts["grid: fl.robustness = brute force over vertices"] = False
                    first_diff = first_diff or (t, s, "grid", repr(A), r.value if r.defined else None, want)
    holds = all(facts.values())
    shown = sorted(v for v in values_seen if v is not None)
    inf_rec = Report(
        title="Def 3.2: the infimum (3.1) for students that are not strongly robust",
        claim='"inf_{nu in P} P_{x~nu}(T(x) = S(x) | x in U_k Omega_{C_k}) > 1 - eps" (3.1), for the l_p attack '
              '"P = {nu : for all x in supp(nu), exists x\' in supp(mu), ||x - x\'||_p <= delta}" and the '
              'Radon-Nikodym attack "P = {nu : dnu/dmu in [c, 1/c]}"',
        reference="Def. 3.2, (3.1), Sec. 3.2", verdict=VERIFIED if holds else REFUTED,
        checked=("every teacher (with U) and every student that is not strongly robust on {0,1}^2, 3 mus, 6 "
                 "attacks; the 3x3 grid of [-1,1]^2: every such student against 4 fixed teachers (seed 0), 3 attacks"),
        evidence=(f"{count:,} infima computed by fl.robustness equal the brute force over the extreme points "
                  f"({len(shown)} distinct values on the cube, from {shown[0]} to {shown[-1]}; undefined exactly when no vertex charges "
                  f"the confident region)") if holds else failed_facts(facts) + f"; first: {first_diff}",
        independent_reference=("a ratio of linear functions is minimised at a vertex: point masses on the points "
                               "within delta (distances by brute force over pairs), and the vertices r_x in "
                               "{c, 1/c} (one free) of the Radon-Nikodym polytope, enumerated in the check"),
        count=count, d_min=2, d_max=2, scope="cube d=2, grid 3x3", details={"facts": facts})
    return [inf_rec, _fast_gradient()]


def _fast_gradient() -> Report:
    G = fl.Grid.square(9)                                  # step 1/4
    pts = [G.point(k) for k in range(G.size)]
    w = (Fraction(3), Fraction(4))                         # ||w||_2 = 5
    facts = {"Gamma = x + delta g/||g|| (clamped), every grid point": True,
             "sign method: Gamma = x + delta sign(g)": True,
             "infimum = brute force": True, "family depends on S": False}
    count = 0
    T = fl.Teacher.from_callable(G, lambda x: 1 if x[1] > x[0] / 2 else 0 if x[1] < x[0] / 2 else fl.UNCERTAIN)
    conf = T.table != fl.UNCERTAIN
    for b in (Fraction(0), Fraction(1, 2)):
        S = fl.LinearStudent(G, w, b)
        agree = S.table == T.table
        for delta in (Fraction(5, 4), Fraction(5, 2)):
            shift = [delta * g / 5 for g in w]
            for norm, sh in ((2, shift), (float("inf"), [delta, delta])):
                A = fl.FastGradient(delta, norm=norm)
                for k in range(G.size):
                    y = tuple(min(Fraction(1), max(Fraction(-1), a + s)) for a, s in zip(pts[k], sh))
                    member = A.family(fl.Distribution.point_masses(G, [k]), S).members[0]
                    ok = member == fl.Distribution.point_masses(G, [y])
                    key = "Gamma = x + delta g/||g|| (clamped), every grid point" if norm == 2 else \
                        "sign method: Gamma = x + delta sign(g)"
                    facts[key] &= ok
                    count += 1
                mu = fl.Distribution.point_masses(G, [(0, 0), (Fraction(-1, 2), Fraction(1, 4))])
                nu = {}
                for x in ((Fraction(0), Fraction(0)), (Fraction(-1, 2), Fraction(1, 4))):
                    y = tuple(min(Fraction(1), max(Fraction(-1), a + s)) for a, s in zip(x, sh))
                    kk = G.index(y)
                    nu[kk] = nu.get(kk, Fraction(0)) + Fraction(1, 2)
                r = fl.robustness(S, T, A, mu)
                facts["infimum = brute force"] &= (r.value if r.defined else None) == brute_infimum([nu], agree, conf)
    # two students, same labels on supp(mu) = {(0,0)}, different gradients: different families
    mu0 = fl.Distribution.point_masses(G, [(0, 0)])
    S1, S2 = fl.LinearStudent(G, (3, 4)), fl.LinearStudent(G, (4, 3))
    fam1 = fl.FastGradient(Fraction(5, 4)).family(mu0, S1).members[0]
    fam2 = fl.FastGradient(Fraction(5, 4)).family(mu0, S2).members[0]
    facts["family depends on S"] = S1((0, 0)) == S2((0, 0)) and fam1 != fam2
    holds = all(facts.values())
    return Report(
        title="Sec. 3.2: the fast-gradient family Gamma # mu",
        claim='"As a third example, it can also depend on the student S, such as the fast gradient method: '
              'P = {nu = Gamma # mu : Gamma(x) = x + delta g/||g||, g = dS(x)/dx}."',
        reference="Sec. 3.2", verdict=VERIFIED if holds else REFUTED,
        checked=("fl.FastGradient on the 9x9 grid of [-1,1]^2: Gamma at every grid point for two linear students "
                 "(g = (3,4)), delta = 5/4 and 5/2, the l_2 step and the sign step; the infimum (3.1) for a "
                 "two-point mu; two students with equal labels on supp(mu)"),
        evidence=(f"{count} points: Gamma(x) = clamp(x + delta (3,4)/5) (resp. x + delta sign(g)) exactly as written; "
                  f"infimum = the single member's conditional probability; S = [3x_1 + 4x_2 >= 0] and "
                  f"[4x_1 + 3x_2 >= 0] agree on supp(mu) yet give different families (the family depends on S, not "
                  f"only on its labels on supp(mu)). g is the gradient of the student's score: a label-valued S has "
                  f"dS/dx = 0 wherever it is differentiable") if holds else failed_facts(facts),
        independent_reference="x + delta g/||g|| computed here in Fractions (||(3,4)|| = 5 is rational, so the step "
                              "lands on the grid) and clamped to the box by hand; the member's conditional "
                              "probability summed by hand",
        count=count, scope="grid 9x9", details={"facts": facts})
