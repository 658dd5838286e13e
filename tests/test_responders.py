"""Responders: each answer rule against plain enumeration of the admissible answers.

Expected answers are found by trying every integer answer in a range that covers all the
values, the truth and the null value, and keeping those the rule's definition prefers.
"""

from __future__ import annotations

import numpy as np
import pytest
from tests import naive
from hypothesis import given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn.responders import (
    ADVERSARIAL_RESPONDERS,
    RESPONDERS,
    max_consistent_answer,
    normalize_responder,
    null_answer,
    respond,
    to_units,
)

SETTINGS = settings(deadline=None, max_examples=200)

values_st = st.lists(st.integers(-30, 30), min_size=1, max_size=8)


def kept(values, counts, A, t):
    return sum(c for v, c in zip(values, counts) if abs(v - A) <= t)


def answer_range(values, null, t, truth=None):
    pts = list(values) + [null] + ([truth] if truth is not None else [])
    return range(min(pts) - t - 1, max(pts) + t + 2)


@SETTINGS
@given(values_st, st.integers(0, 6), st.integers(-40, 40), st.data())
def test_max_consistent_is_the_best_window_nearest_to_null(values, t, null, data):
    counts = data.draw(st.lists(st.integers(1, 3), min_size=len(values), max_size=len(values)))
    use_truth = data.draw(st.sampled_from(["none", "a value", "any"]))
    # a fixed teacher's value is a candidate's in every oracle; the function is defined for any truth
    truth = {"none": None, "a value": data.draw(st.sampled_from(values)),
             "any": data.draw(st.integers(-40, 40))}[use_truth]
    answers = [A for A in answer_range(values, null, t, truth) if truth is None or abs(A - truth) <= t]
    best = max(kept(values, counts, A, t) for A in answers)
    best_answers = [A for A in answers if kept(values, counts, A, t) == best]
    # tie-break of the docstring: nearest to the null value, the smaller answer on equal distances
    want = min(best_answers, key=lambda A: (abs(A - null), A))
    got, n = max_consistent_answer(np.array(values, dtype=np.int64), np.array(counts), t, null, truth)
    assert (got, n) == (want, best)
    assert respond("max_consistent", np.array(values, dtype=np.int64), np.array(counts), truth, null, t, None) == (want, 1)


@pytest.mark.parametrize("n", [1, 50, 5000])  # the Python-int loop, numpy, the kernel
def test_max_consistent_with_a_truth_no_candidate_holds(n):
    """truth = 9 with candidates at 10, 11, ...: the window [9, 11] holds truth and the candidates
    10, 11 (t = 1), and the answers within 1 of 9 keeping both are 10 only; no window starting at a
    candidate holds truth (it used to return kept = -1)."""
    values = np.arange(10, 10 + n, dtype=np.int64)
    want_kept = min(n, 2)
    got = max_consistent_answer(values, np.ones(n, dtype=np.int64), 1, 0, 9)
    assert got == ((9 if n == 1 else 10), want_kept)
    if n <= 50:
        assert got == naive.best_window(values.tolist(), [1] * n, 1, 0, 9)


@pytest.mark.parametrize("n", [5, 500, 3000])  # the Python-int loop, numpy, the kernel (> 2048 values)
def test_max_consistent_with_a_truth_in_a_gap_keeps_nobody(n):
    """Candidates at 0, 10, 20, ... and truth = 5 (t = 1, null = 0): every answer within 1 of the
    truth lies in [4, 6], at distance >= 4 from every candidate, so the best keeps none and is the
    point of [4, 6] nearest to the null value, 4.  The windows not holding the truth (the one
    from 0 holds a candidate, and comes first) must not count: scored 0 they would tie with the
    truth's window and answer 1, more than t from the truth."""
    values = np.arange(0, 10 * n, 10, dtype=np.int64)
    got = max_consistent_answer(values, np.ones(n, dtype=np.int64), 1, 0, 5)
    assert got == (4, 0)
    if n == 5:
        assert got == naive.best_window(values.tolist(), [1] * n, 1, 0, 5)


@pytest.mark.parametrize("n", [100, 3000])  # numpy, the kernel (> 2048 values)
@pytest.mark.parametrize("dtype", [np.int64, np.uint64, object])
def test_max_consistent_near_two_to_the_62_does_not_wrap(n, dtype):
    """Values 2^62 + i (i < n) with t = 2^61: one window [v, v + 2^62] holds all n, and the
    admissible answers [v_max - t, v_min + t] start at 2^61 + n - 1, the point nearest to the
    null value 0.  A window end v + 2t passes 2^63: in int64 it wrapped and nobody was kept."""
    values = np.array([2**62 + i for i in range(n)], dtype=dtype)
    assert max_consistent_answer(values, np.ones(n, dtype=np.int64), 2**61, 0) == (2**61 + n - 1, n)


@pytest.mark.parametrize("dtype", [np.int64, np.uint64])
def test_null_answer_far_from_a_value_near_two_to_the_63(dtype):
    """One candidate at 2^63 - 1, null -2^60, t = 1: the candidate is far from the null value,
    so the answer is it moved 1 towards null.  Its distance 2^63 - 1 + 2^60 wrapped negative in
    int64, which read as "within t": the null value was answered."""
    v = 2**63 - 1
    assert null_answer(np.array([v], dtype=dtype), None, -(2**60), 1) == v - 1


@pytest.mark.parametrize("n", [5, 100, 3000])
def test_max_consistent_with_a_truth_above_every_candidate(n):
    """Candidates 0 .. n - 1, truth n + 10, t = 1, null 0: every answer within 1 of the truth is at
    distance >= 10 from every candidate, so none is kept, and the answer nearest to null is
    n + 9 (the truth's start lies past the last value: the insertion at the end)."""
    values = np.arange(n, dtype=np.int64)
    assert max_consistent_answer(values, np.ones(n, dtype=np.int64), 1, 0, n + 10) == (n + 9, 0)


def test_max_consistent_on_dense_negative_values():
    """3000 consecutive values -5000 .. -2001 (the kernel's dense grouping, lo < 0), t = 1, null 0:
    every window [v, v + 2] holds 3, the nearest to null starts at -2003, its admissible interval
    is the point -2002.  The same through exact ints (the sorting route)."""
    values = np.arange(-5000, -2000, dtype=np.int64)
    ones = np.ones(3000, dtype=np.int64)
    assert max_consistent_answer(values, ones, 1, 0) == (-2002, 3) == max_consistent_answer(values.astype(object), ones, 1, 0)


def test_max_consistent_on_values_spread_far_apart():
    """3000 values 2^40 apart (a range 2^40 times their number: sorted, not counted into a dense
    array of 3000 * 2^40 counters), t = 2^38: each window [v, v + 2^39] holds one value.  With
    one count each the first (nearest to null 0) wins, answered at 0; with 5 at 7 * 2^40 that
    one wins, answered at its admissible point nearest to 0, 7 * 2^40 - 2^38."""
    values = np.arange(3000, dtype=np.int64) << 40
    t = 1 << 38
    counts = np.ones(3000, dtype=np.int64)
    assert max_consistent_answer(values, counts, t, 0) == (0, 1)
    counts[7] = 5
    assert max_consistent_answer(values, counts, t, 0) == (7 * 2**40 - t, 5)
    # below zero: the range's length is hi - lo, not hi + lo (which is negative here)
    assert max_consistent_answer(values - (2999 << 40), np.ones(3000, dtype=np.int64), t, 0) == (0, 1)


@pytest.mark.parametrize("call, arg", [
    (lambda: max_consistent_answer([0, 5, 10], [1, 1], 1, 0), "counts"),      # zip would drop a value
    (lambda: max_consistent_answer([[0, 5]], [[1, 1]], 1, 0), "counts"),
    (lambda: max_consistent_answer([], [], 1, 0), "values"),                  # no candidate, no truth
    (lambda: max_consistent_answer(np.arange(3000), np.full(3000, -1), 1, 0), "counts"),  # not to the kernels
    (lambda: null_answer([], None, 0, 1), "values"),
    (lambda: null_answer([[3]], None, 0, 1), "values"),
])
def test_responders_refuse_what_has_no_answer(call, arg):
    with pytest.raises(fl.InvalidArgument, match=f"^{arg}="):
        call()
    # with a truth and no candidate both are defined: the admissible point nearest to null
    assert max_consistent_answer([], [], 1, 0, 5) == (4, 0) and null_answer([], 5, 0, 1) == 4


def test_max_consistent_counts_the_largest_value_on_the_kernel_route():
    """3000 values (the kernel's grouping of a dense range): one at 0, 2999 at 100, t = 1, null 0:
    the window at 100 keeps 2999, answered at 99 (its admissible [99, 101] nearest to 0); a
    grouping that dropped the largest value would keep the one at 0.  Against the definition."""
    values = np.array([0] + [100] * 2999, dtype=np.int64)
    got = max_consistent_answer(values, np.ones(3000, dtype=np.int64), 1, 0)
    assert got == (99, 2999) == naive.best_window([0, 100], [1, 2999], 1, 0)


@pytest.mark.parametrize("n", [100, 3000])
def test_max_consistent_near_minus_two_to_the_63_does_not_wrap(n):
    """Values -2^63 + 5 + i (i < n), t = 10, null 2^10: a window [v, v + 20] holds 21 values, the
    one nearest to the null value is the last (from v_max - 20), answered at v_max - t.  The
    distances null - (v + t) pass 2^63: the values' negative extreme alone (t and null are small)
    must send them to exact ints."""
    values = np.array([-2**63 + 5 + i for i in range(n)], dtype=np.int64)
    v_max = -2**63 + 5 + n - 1
    assert max_consistent_answer(values, np.ones(n, dtype=np.int64), 10, 2**10) == (v_max - 10, 21)


@pytest.mark.parametrize("n", [100, 3000])
def test_max_consistent_on_int32_values_with_a_tolerance_beyond_int32(n):
    """int32 values 0, 1000, ... with t = 2^40: every answer in [v_max - t, v_min + t] keeps all,
    and the null value 0 is one of them (numpy would refuse t for int32, or wrap v + 2t)."""
    values = np.arange(n, dtype=np.int32) * 1000
    assert max_consistent_answer(values, np.ones(n, dtype=np.int64), 2**40, 0) == (0, n)


@SETTINGS
@given(values_st, st.integers(0, 6), st.integers(-40, 40), st.booleans())
def test_null_answer_is_the_admissible_answer_nearest_to_null(values, t, null, fixed):
    if fixed:
        truth = values[0]
        admissible = [A for A in answer_range(values, null, t, truth) if abs(A - truth) <= t]
        got = null_answer(None, truth, null, t)
    else:
        admissible = [A for A in answer_range(values, null, t) if any(abs(A - v) <= t for v in values)]
        got = null_answer(np.array(values, dtype=np.int64), None, null, t)
    assert got in admissible
    assert abs(got - null) == min(abs(A - null) for A in admissible)


def test_truthful_and_noisy():
    assert respond("truthful", None, None, 17, 3, 4, None) == (17, 1)
    rng = np.random.default_rng(0)
    G = fl.responders.NOISE_GRID
    answers = []
    for _ in range(400):
        num, scale = respond("noisy", None, None, 17, 3, 4, rng)
        assert scale == G and abs(num - 17 * scale) <= 4 * scale
        answers.append(num)
    # NOISE_GRID's documented rule: k uniform in -G..G from the generator, answer v + alpha k / G
    ks = np.random.default_rng(0).integers(-G, G + 1, size=400)
    assert answers == [17 * G + int(k) * 4 for k in ks]
    # the law: uniform on [v - alpha, v + alpha], mean v, variance alpha^2 / 3 (to 5 standard errors)
    z = (np.array(answers, dtype=float) / G - 17) / 4
    assert abs(z.mean()) < 5 * np.sqrt(1 / 3 / 400) and abs(z.var() - 1 / 3) < 0.1


def test_to_units_int64_below_2_to_the_60_exact_ints_from_there():
    """The documented threshold: limit * b below 2^60 -> int64; at 2^60 and above -> exact ints."""
    below = to_units(np.array([5, 7]), 3, (2**60 - 1) // 3)  # limit * b = 2^60 - 1 (divisible by 3)
    assert below.dtype == np.int64 and below.tolist() == [15, 21]
    at = to_units(np.array([5, 7]), 2**30, 2**30)  # limit * b = 2^60
    assert at.dtype == object and at.tolist() == [5 * 2**30, 7 * 2**30]
    big = to_units(np.array([2**40, 3], dtype=np.int64), 2**40, 2**41)
    assert big.dtype == object and big.tolist() == [2**80, 3 * 2**40]  # exact, no int64 wrap-around


def test_normalize_responder_options_are_keyword_only():
    with pytest.raises(TypeError):
        normalize_responder("null", True)


SPELLINGS = ["max_consistent", "Max_Consistent", "max-consistent", " MAX consistent ", "null", " Null",
             "truthful", "noisy", "liar", "max__consistent", "", 3, None]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_one_normal_form_for_the_oracle_and_the_scaling_experiment(spelling):
    """The adaptive oracle and run_scaling accept exactly the same spellings, and read them alike."""
    def oracle():
        return fl.StatisticalQueryOracle(fl.paper_teachers(2), fl.uniform(2), "1/8", spelling).responder

    def scaling():
        return fl.run_scaling([2], "1/8", ["candidate-testing"], responder=spelling, progress=False)[0].responder

    outcomes = []
    for run in (oracle, scaling):
        try:
            outcomes.append(("ok", run()))
        except (fl.InvalidArgument, fl.InvalidType) as exc:
            outcomes.append((type(exc).__name__, str(exc).split(" is not allowed")[0].split(" has type")[0]))
    assert outcomes[0] == outcomes[1]
    if isinstance(spelling, str) and spelling.strip().lower().replace("-", " ").split() in (["null"], ["max", "consistent"]):
        assert outcomes[0][0] == "ok" and outcomes[0][1] in ADVERSARIAL_RESPONDERS
    # a fixed teacher accepts every responder's normal spelling as well
    if outcomes[0][0] == "ok":
        T = fl.parity(2, 1)
        assert fl.StatisticalQueryOracle(T, fl.uniform(2), "1/8", spelling).responder == outcomes[0][1]


def test_normalize_responder_rules():
    assert [normalize_responder(r) for r in RESPONDERS] == list(RESPONDERS)
    assert normalize_responder("Max-Consistent") == "max_consistent"
    with pytest.raises(fl.InvalidArgument, match="adaptive game"):
        normalize_responder("truthful", adversarial=True)
    with pytest.raises(fl.InvalidArgument, match="responder='max consistent!'"):
        normalize_responder("max consistent!")
    with pytest.raises(fl.InvalidType, match="responder=3"):
        normalize_responder(3)


# The tie-break pinned on hand-made cases (the enumeration above checks it on random ones):
# (values, t, null, truth) -> (answer, kept).  Each case has several best windows or several
# best answers, so "the farthest" or "the first window" or "an end of the interval" differ.
TIES = [
    # windows {0, 2} and {10, 12} both keep 2 (answers 1 and 11); null 6 is 5 from both:
    # the first window in sorted order, the smaller answer
    (([0, 2, 10, 12], 1, 6, None), (1, 2)),
    # the same windows, null 8: the second window's interval [11, 11] is nearer than [1, 1]
    (([0, 2, 10, 12], 1, 8, None), (11, 2)),
    # best answers [1, 1] and [11, 11]; null 0 and 20 pick the near one, not the far one
    (([0, 2, 10, 12], 1, 0, None), (1, 2)),
    (([0, 2, 10, 12], 1, 20, None), (11, 2)),
    # windows {0, 2} (answer 1), {2, 3} (answers 2..3), {3, 5} (4) keep 2 each; null 2 lies in
    # the second's interval: distance 0 beats the first window's distance 1
    (([0, 2, 3, 5], 1, 2, None), (2, 2)),
    # the null value itself keeps as many as any answer: it is answered
    (([0, 4, 8], 2, 6, None), (6, 2)),
    # every answer in [2, 4] keeps all three; null 9 -> the end nearest to it, 4
    (([2, 3, 4], 2, 9, None), (4, 3)),
    (([2, 3, 4], 2, -9, None), (2, 3)),
    # a fixed teacher at 10: only windows holding 10 count, and the answer stays within t of it
    (([0, 2, 10, 12], 1, 0, 10), (11, 2)),
    (([0, 2, 10, 12], 3, 0, 10), (9, 2)),
]


@pytest.mark.parametrize("args, want", TIES)
def test_max_consistent_tie_break_nearest_to_null(args, want):
    values, t, null, truth = args
    got = max_consistent_answer(np.array(values, dtype=np.int64), np.ones(len(values), dtype=np.int64),
                                t, null, truth)
    assert got == want
    assert kept(values, [1] * len(values), got[0], t) == want[1]


def _brute_max_consistent(values, counts, t, null, truth):
    """The most candidates one answer keeps, and the kept-most answer nearest to null (the
    smaller on equal distances), by trying every answer where the kept set can change (each
    v +- t, truth +- t) and null itself: kept(A) is constant between those points."""
    pts = {null} | {v - t for v in values} | {v + t for v in values}
    if truth is not None:
        pts |= {truth - t, truth + t}
    answers = [A for A in pts if truth is None or abs(A - truth) <= t]
    best = max(kept(values, counts, A, t) for A in answers)
    return min((A for A in answers if kept(values, counts, A, t) == best), key=lambda A: (abs(A - null), A)), best


@settings(deadline=None, max_examples=60)
@given(st.integers(25, 70), st.sampled_from([1, 7, 100_003, 2**70]), st.integers(0, 6), st.integers(-40, 40),
       st.data())
def test_max_consistent_on_many_candidates_against_brute_force(n, spread, t, null, data):
    """More than _SMALL values take the grouped (bincount or sorted) numpy route: the same
    answers as the brute force, for values a few apart (bincount), spread out (sorted), and
    beyond int64 (object arrays), with counts 1 or more, with and without a fixed teacher."""
    base = 2**70 if spread == 2**70 else 0
    step = 1 if spread == 2**70 else spread
    values = [base + step * x for x in data.draw(st.lists(st.integers(-30, 30), min_size=n, max_size=n))]
    least = data.draw(st.sampled_from([1, 2, None]))  # counts all 1, some above 1, all above 1
    counts = [1] * n if least is None else data.draw(st.lists(st.integers(least, 3), min_size=n, max_size=n))
    truth = data.draw(st.sampled_from(values)) if data.draw(st.booleans()) else None
    null = base + null * step + data.draw(st.integers(-t, t))
    arr = np.array(values, dtype=object if base else np.int64)
    want = _brute_max_consistent(values, counts, t, null, truth)
    assert max_consistent_answer(arr, np.array(counts), t, null, truth) == want


def test_null_answer_does_not_wrap_in_int64():
    """|v - null| = 2^64 - 3 wraps to -3 in int64 (within t = 3 of nothing in truth): the answer
    is the admissible one nearest to null, v - t, not null."""
    v, null, t = 2**63 - 1, -(2**63) + 2, 3
    assert null_answer(np.array([v], dtype=np.int64), None, null, t) == v - t


def test_null_answer_converts_from_max_abs_2_to_the_61():
    """The exact route starts at max(|null|, t) = 2^61: there v - null = -2^63 for
    v = -2^63 + 2^61, whose int64 absolute value is -2^63 (within any t): the answer must be
    v + t, the admissible value nearest to null, not null."""
    v, null, t = -(2**63) + 2**61, 2**61, 1
    assert null_answer(np.array([v], dtype=np.int64), None, null, t) == v + t


@pytest.mark.parametrize("values, counts, t, null, truth", [
    # only the window at the truth 0 is valid and keeps 1: a window missing the truth (at -10,
    # 30 copies) must not tie with it, even though its interval is as near to null
    ([0] + [-10] * 30, [1] * 31, 1, -5, 0),
    # values all negative and a few apart (the bincount route): hi + lo + 1 < 0
    (list(range(-60, -30)), [1] * 30, 2, -40, None),
    (list(range(-60, -30)), [2] * 30, 2, -40, -45),
    # the window [0, 2t] = [0, 12] holds the truth 11 (and 30 copies of 0): it is the best
    ([0] * 30 + [11], [1] * 31, 6, 20, 11),
    # the window [0, 12] misses the truth 15: the 30 copies of 0 cannot be kept with it
    ([0] * 30 + [15], [1] * 31, 6, 0, 15),
])
def test_max_consistent_on_many_candidates_edge_cases(values, counts, t, null, truth):
    want = _brute_max_consistent(values, counts, t, null, truth)
    assert max_consistent_answer(np.array(values, dtype=np.int64), np.array(counts), t, null, truth) == want
