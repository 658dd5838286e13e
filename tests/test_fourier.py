import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, strategies as st
from sympy.discrete.transforms import fwht as sympy_fwht

import finitelearn as fl
from finitelearn.strategies import boolean_functions
from tests import naive


@pytest.mark.parametrize("d", [1, 2, 3])
def test_exact_coefficients_of_every_function(d):
    for t in naive.all_tables(d):
        f = fl.BooleanFunction.from_truth_table(t)
        got = fl.fourier_coefficients(f, exact=True)
        assert list(got) == naive.fourier(t)
        assert fl.fourier_coefficients(f).tolist() == [float(c) for c in got]


@given(boolean_functions(min_d=4, max_d=10))
def test_spectrum_against_sympy_fwht(f):
    # sympy's fwht (Hadamard ordering) is an independent implementation
    F = [1 - 2 * int(b) for b in f.truth_table]
    assert fl.integer_spectrum(f).tolist() == [int(v) for v in sympy_fwht(F)]


@given(boolean_functions(max_d=10))
def test_parseval(f):
    c = fl.fourier_coefficients(f, exact=True)
    assert sum(x * x for x in c) == 1
    w = fl.spectral_weights(f)
    assert sum(w) == 1
    # weight of degree k = sum of fhat(S)^2 over |S| = k, fhat from a plain butterfly
    spec = naive.wht_butterfly(naive.signed_table(f.truth_table.tolist()))
    n = 2**f.d
    assert list(c) == [Fraction(v, n) for v in spec]
    assert list(w) == [sum(Fraction(spec[s] ** 2, n * n) for s in range(n) if bin(s).count("1") == k)
                       for k in range(f.d + 1)]


@given(boolean_functions(max_d=7))
def test_influence_by_definition_and_spectral_sum(f):
    # Inf_i(f) = P_x(f(x) != f(x xor e_i)) by the definition, and = sum_{S containing i}
    # fhat(S)^2 (O'Donnell Thm 2.20) with fhat summed by the definition: both in plain Python
    t = f.truth_table.tolist()
    c = naive.fourier(t)
    n = 2**f.d
    for i in range(f.d):
        by_definition = Fraction(sum(t[x] != t[x ^ (1 << i)] for x in range(n)), n)
        assert fl.influence(f, i) == by_definition == sum(c[s] ** 2 for s in range(n) if s >> i & 1)
    assert fl.total_influence(f) == sum(bin(s).count("1") * c[s] ** 2 for s in range(n))
    assert fl.influences(f) == [naive.influence(t, f.d, i) for i in range(f.d)]


@pytest.mark.parametrize("d", [1, 3, 5, 7, 9])
def test_majority_closed_forms(d):
    # Inf_i(Maj_d) = C(d-1, (d-1)/2) / 2^(d-1)
    expect = Fraction(math.comb(d - 1, (d - 1) // 2), 2 ** (d - 1))
    assert fl.influences(fl.majority(d)) == [expect] * d
    assert fl.total_influence(fl.majority(d)) == d * expect
    # fhat({i}) of majority equals its influence (monotone function)
    c = fl.fourier_coefficients(fl.majority(d), exact=True)
    assert all(c[1 << i] == expect for i in range(d))


@given(boolean_functions(max_d=4), st.fractions(-1, 1, max_denominator=10))
def test_noise_stability_against_pair_sum(f, rho):
    assert fl.noise_stability(f, rho) == naive.noise_stability(f.truth_table.tolist(), f.d, rho)


def test_noise_stability_endpoints_and_float_rho():
    f = fl.majority(5)
    assert fl.noise_stability(f, 1) == 1
    # Stab_0 = E[F]^2 (x and y independent), E[F] summed here: 0 for the balanced majority
    assert fl.noise_stability(f, 0) == Fraction(sum(1 - 2 * b for b in f.truth_table.tolist()), 32) ** 2 == 0
    g = fl.BooleanFunction.from_truth_table([0, 0, 0, 1, 0, 1, 1, 1] * 2 + [1] * 16)   # unbalanced
    assert fl.noise_stability(g, 0) == Fraction(sum(1 - 2 * b for b in g.truth_table.tolist()), 32) ** 2 \
        == Fraction(1, 4)
    assert fl.noise_stability(g, -1) == naive.noise_stability(g.truth_table.tolist(), 5, -1)
    assert fl.noise_stability(f, 0.5) == naive.noise_stability(f.truth_table.tolist(), 5, Fraction(1, 2))  # 0.5 is exact


@given(boolean_functions(max_d=8))
def test_degree_against_naive(f):
    c = naive.fourier(f.truth_table.tolist()) if f.d <= 6 else naive.wht_butterfly(naive.signed_table(f.truth_table.tolist()))
    assert fl.degree(f) == max(bin(s).count("1") for s in range(2**f.d) if c[s] != 0)


def test_parity_spectrum_is_a_single_spike():
    d = 12
    for S in [{0}, {0, 5, 11}, set(range(d))]:
        spec = fl.integer_spectrum(fl.parity(d, S))
        mask = sum(1 << i for i in S)
        assert spec[mask] == 2**d and np.count_nonzero(spec) == 1


def test_walsh_hadamard_public():
    a = np.arange(16, dtype=np.int64)
    out = fl.walsh_hadamard(a)
    assert out.tolist() == naive.wht(a.tolist())
    assert a.tolist() == list(range(16))  # input untouched
    assert fl.walsh_hadamard(out).tolist() == (16 * a).tolist()
    x = np.linspace(-1, 1, 32)
    assert np.allclose(fl.walsh_hadamard(fl.walsh_hadamard(x)) / 32, x)
    assert fl.walsh_hadamard(np.array([7], dtype=np.int64)).tolist() == [7]
    big = np.full(4, 2**61, dtype=np.int64)
    with pytest.raises(fl.InvalidArgument, match="values"):
        fl.walsh_hadamard(big)  # 2^61 * 4 overflows int64
    ok = np.full(4, 2**60 - 1, dtype=np.int64)
    assert fl.walsh_hadamard(ok)[0] == 4 * (2**60 - 1)


def test_walsh_hadamard_threads_and_strided_input():
    rng = np.random.default_rng(3)
    a = rng.integers(-50, 50, 2**13).astype(np.int64)
    want = naive.wht_butterfly(a).tolist()
    assert fl.walsh_hadamard(a).tolist() == want
    assert fl.walsh_hadamard(a, threads=2).tolist() == want
    strided = np.repeat(a, 2)[::2]  # a non-contiguous view with the same values
    assert fl.walsh_hadamard(strided).tolist() == want
    with pytest.raises(fl.InvalidArgument, match="threads=0"):
        fl.walsh_hadamard(a, threads=0)
    lo = np.array([np.iinfo(np.int64).min, 0], dtype=np.int64)
    with pytest.raises(fl.InvalidArgument, match="values"):
        fl.walsh_hadamard(lo)


def test_walsh_hadamard_boundaries():
    """The overflow guard reads max|a| from both signs, only for int64, and not at length 1."""
    with pytest.raises(fl.InvalidArgument, match="power of two"):
        fl.walsh_hadamard(np.zeros(0, dtype=np.int64))  # length 0 is no 2^d
    with pytest.raises(fl.InvalidArgument, match="power of two"):
        fl.walsh_hadamard(np.zeros(6, dtype=np.int64))
    neg = np.array([-(2**61), 0, 0, 0], dtype=np.int64)  # |a| * 4 = 2^63: the negative side overflows
    with pytest.raises(fl.InvalidArgument, match="max\\|a\\| = 2305843009213693952"):
        fl.walsh_hadamard(neg)
    ok = np.array([-(2**61) + 1, 2**61 - 1, 0, 0], dtype=np.int64)
    assert fl.walsh_hadamard(ok).tolist() == naive.wht(ok.tolist())
    # a length-1 transform is the identity: no sum, nothing to overflow
    one = np.array([np.iinfo(np.int64).min], dtype=np.int64)
    assert fl.walsh_hadamard(one).tolist() == [np.iinfo(np.int64).min]
    # floats are not bounded (they are approximate by nature)
    huge = np.array([1e300, -1e300, 1e300, 1e300])
    assert fl.walsh_hadamard(huge).tolist() == naive.wht(huge.tolist()) == [2e300, 2e300, -2e300, 2e300]


def test_noise_stability_rho_is_in_minus_one_one():
    f = fl.majority(3)
    assert fl.noise_stability(f, -1) == naive.noise_stability(f.truth_table.tolist(), 3, -1) == -1
    for rho in ("-3/2", -2, "3/2", 2):
        with pytest.raises(fl.InvalidArgument, match="rho="):
            fl.noise_stability(f, rho)


# -- the memory guards, pinned at their boundaries (FINITELEARN_MEMORY_LIMIT caps what is available)
def test_walsh_hadamard_needs_the_result_and_for_a_strided_input_a_copy(monkeypatch):
    """A contiguous int64 input of n entries needs 8n bytes more (the result), a strided one
    16n (the result and a contiguous copy): allowed at exactly that, refused one byte short."""
    n = 1 << 10
    x = np.arange(n, dtype=np.int64) % 7 - 3
    strided = np.repeat(x, 2)[::2]
    assert not strided.flags.c_contiguous and np.array_equal(strided, x)
    want = np.array(naive.wht_butterfly(x))
    for values, need in ((x, 8 * n), (strided, 16 * n)):
        monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need))
        assert np.array_equal(fl.walsh_hadamard(values), want)
        monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need - 1))
        with pytest.raises(fl.TooLarge, match="values is too large"):
            fl.walsh_hadamard(values)


def test_the_spectrum_and_coefficient_guards_are_pinned(monkeypatch):
    """integer_spectrum: 2 + itemsize bytes a point (the byte and packed tables, the spectrum in
    the narrowest type its bound 2^d allows: int16 at d = 10); fourier_coefficients: 18 bytes a
    point, and with exact=True 120 bytes a Fraction."""
    d = 10
    f = fl.BooleanFunction.from_truth_table([int(c) for c in format(0x5A3C, "016b")] * 64)  # d = 10, not a parity
    n = 1 << d
    want = naive.fourier(f.truth_table.tolist())
    assert n < 2**15 and fl.integer_spectrum(f).dtype == np.int16   # |f^(S)| * 2^d <= 2^10 fits int16
    cases = [(lambda: fl.integer_spectrum(f).tolist() == [c * n for c in want], (2 + 2) * n, "f.d=10"),
             (lambda: fl.fourier_coefficients(f).tolist() == [float(c) for c in want], 18 * n, "f.d=10"),
             (lambda: list(fl.fourier_coefficients(f, exact=True)) == want, 120 * n, "120 bytes")]
    for call, need, words in cases:
        monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need))
        assert call()
        monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str(need - 1))
        with pytest.raises(fl.TooLarge, match=words):
            call()


def test_walsh_hadamard_refuses_a_two_dimensional_array():
    with pytest.raises(fl.InvalidArgument, match="one-dimensional"):
        fl.walsh_hadamard(np.zeros((4, 4), dtype=np.int64))
    with pytest.raises(fl.InvalidArgument, match="one-dimensional"):
        fl.walsh_hadamard(np.zeros((), dtype=np.int64))


def test_walsh_hadamard_is_single_threaded_unless_asked(monkeypatch):
    """threads > 1 is opt-in (the docstring): the kernel is called with threads=1 by default."""
    from finitelearn._kernels import wht as W

    seen = []
    real = W.wht_copy
    monkeypatch.setattr(W, "wht_copy", lambda values, threads: seen.append(threads) or real(values, threads=threads))
    x = np.arange(1 << 13, dtype=np.int64)  # above 2^12 points: the kernel (below, numpy: no threads)
    fl.walsh_hadamard(x)
    fl.walsh_hadamard(x, threads=2)
    fl.walsh_hadamard(np.arange(1 << 12, dtype=np.float64))  # floats: always the kernel
    assert seen == [1, 2, 1]


@given(boolean_functions(min_d=2, max_d=5), st.data())
def test_influence_under_a_distribution_by_definition(f, data):
    """Inf_i under D = P_{x ~ D}(f(x) != f(x xor e_i)), summed over D's weights in plain
    Python, for a tabulated f (the route without a distribution is the uniform one)."""
    d, n = f.d, 1 << f.d
    w = data.draw(st.lists(st.integers(0, 5), min_size=n, max_size=n).filter(any))
    D = fl.from_weights(w)
    t = f.truth_table.tolist()
    want = [Fraction(sum(w[x] for x in range(n) if t[x] != t[x ^ (1 << i)]), sum(w)) for i in range(d)]
    assert [fl.influence(f, i, distribution=D) for i in range(d)] == want
    assert fl.total_influence(f, distribution=D) == sum(want)


def test_a_lazy_function_s_influences_are_counted_without_its_table(monkeypatch):
    """A lazy f is counted chunk by chunk (the docstring of influence), so its influences
    come even where its table does not fit: parity on {0, 1, 19} of 20 bits has influence 1
    in each of its 3 coordinates and 0 elsewhere."""
    d = 20
    f = fl.parity(d, {0, 1, 19}, lazy=True)
    monkeypatch.setenv("FINITELEARN_MEMORY_LIMIT", str((1 << d) // 8 - 1))
    with pytest.raises(fl.TooLarge):
        fl.parity(d, {0, 1, 19}, lazy=True).packed
    assert fl.total_influence(f) == 3
    assert [fl.influence(f, i) for i in (0, 1, 2, 19)] == [1, 1, 0, 1]


def test_spectrum_dtype_covers_d_0_to_62():
    """The docstring's range, both ends: d = 0 (one point, |2^0 fhat| <= 1) up to d = 62."""
    assert fl.fourier.spectrum_dtype(0) == np.int16
    assert fl.fourier.spectrum_dtype(62) == np.int64
    for bad in (-1, 63):
        with pytest.raises(fl.InvalidArgument):
            fl.fourier.spectrum_dtype(bad)


def test_the_arguments_by_name_and_the_options_keyword_only():
    """The signatures: f, i and S may be named; distribution and engine are keyword-only."""
    f, U = fl.majority(3), fl.uniform(3)
    # Inf_0(Maj_3) = P(x1 != x2) = 1/2; fhat({0}) = 1/2 (O'Donnell, Example 1.4)
    assert fl.influence(f=f, i=0, distribution=U) == Fraction(1, 2)
    assert fl.total_influence(f=f, distribution=U) == Fraction(3, 2)
    assert fl.fourier_coefficient(f=f, S={0}, distribution=U) == Fraction(1, 2)
    for call in (lambda: fl.influence(f, 0, U), lambda: fl.total_influence(f, U),
                 lambda: fl.fourier_coefficient(f, {0}, U)):
        with pytest.raises(TypeError):
            call()


@pytest.mark.parametrize("d", [2, 12])
def test_walsh_hadamard_int64_past_the_float64_bound_is_exact(d):
    """int64 entries 2^(54-d) (one of them + 1) on 2^d points: coefficient 0 is 2^54 + 1 and
    coefficient 1 is 1, both exactly (by the definition: the entries' sum, and their sum with the
    signs (-1)^(x_0), where the equal entries cancel).  max|a| * 2^d passes 2^53, so numpy's float64
    route would round 2^54 + 1; the transform must stay in integers."""
    n = 1 << d
    a = np.full(n, 1 << (54 - d), dtype=np.int64)
    a[0] += 1
    got = fl.walsh_hadamard(a)
    assert got.dtype == np.int64 and int(got[0]) == 2**54 + 1 and int(got[1]) == 1


@pytest.mark.parametrize("d", [2, 12])
def test_walsh_hadamard_int64_between_the_float64_bounds_is_exact(d):
    """Entries 2^(54-d) - 1 (one of them 1 less) on 2^d points: max|a| * 2^d = 2^54 - 2^d lies
    between 2^53 and 2^54, and coefficient 0, the entries' sum 2^54 - 2^d - 1, is odd and above
    2^53, so float64 cannot hold it: the transform must stay in integers (coefficient 1, the
    signed sum, is -1: the equal entries cancel)."""
    n = 1 << d
    a = np.full(n, (1 << (54 - d)) - 1, dtype=np.int64)
    a[0] -= 1
    got = fl.walsh_hadamard(a)
    assert got.dtype == np.int64 and int(got[0]) == 2**54 - n - 1 and int(got[1]) == -1


@pytest.mark.parametrize("d", [13, 14])
def test_integer_spectrum_past_the_numpy_route_against_the_butterfly(d):
    """Above 2^12 points integer_spectrum is the blocked kernel reading the uint8 truth table
    itself (the +-1 value 1 - 2 t formed in its first pass, int16 at these d): a random function
    against the plain butterfly on its +-1 table."""
    rng = np.random.default_rng(d)
    table = rng.integers(0, 2, size=1 << d).tolist()
    f = fl.BooleanFunction.from_truth_table(table)
    spec = fl.integer_spectrum(f)
    assert spec.dtype == np.int16
    assert spec.tolist() == [int(v) for v in naive.wht_butterfly(naive.signed_table(table))]


def test_the_kernels_plain_entry_reads_a_truth_table_as_plus_minus_one():
    """_kernels.wht._entry, the plain form of the first pass's read (what runs with
    NUMBA_DISABLE_JIT=1; compiled, its overload does the same): a uint8 0/1 entry t becomes
    1 - 2 t, any other entry is read as it is."""
    from finitelearn._kernels import wht as W

    t = np.array([0, 1], dtype=np.uint8)
    assert [int(W._entry(t, i)) for i in (0, 1)] == [1, -1]
    v = np.array([5, -7], dtype=np.int64)
    assert [int(W._entry(v, i)) for i in (0, 1)] == [5, -7]
