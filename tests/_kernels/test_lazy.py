"""finitelearn._kernels.lazy against its plain twins in tests/naive.py.

Programs come from finitelearn.lazy's compiler (every leaf kind, with and without
coordinate flips), run by each kernel and by its twin, which reads the same encoding
one point at a time: on every small cube (d = 1..7, across the one-word boundary d = 6)
and on hypothesis-drawn rules.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finitelearn as fl
from finitelearn._kernels import lazy as LK
from finitelearn.lazy import program_of
from tests import naive
from tests.lazy_rules import hashed_bit, rule

DS = [1, 2, 3, 5, 6, 7]


def _kbuf(prog, widx):
    nlow = 1 << min(prog.d, 6)
    kb = np.zeros((len(prog.kernels), max(len(widx), 1)), dtype=np.uint64)
    for r, (fn, xm) in enumerate(prog.kernels):
        LK.kernel_words(fn, widx, len(widx), np.int64(xm), nlow, kb[r])
    return kb


def _check_program(prog, widx):
    n = len(widx)
    kb = _kbuf(prog, widx)
    regs = np.zeros((prog.code.shape[0], max(n, 1)), dtype=np.uint64)
    LK.eval_block(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n, regs)
    twin = naive.eval_block(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n)
    assert [[int(v) for v in row[:n]] for row in regs] == twin
    low = np.uint64((1 << (1 << min(prog.d, 6))) - 1) if prog.d < 6 else np.uint64(2**64 - 1)
    assert LK.count_words(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n, low) == \
        naive.count_block(prog.code, prog.up, prog.ip, prog.tabs, kb, widx, n, low)
    idx = np.array([(int(w) << 6) | j for w in widx for j in (0, 1, 2 ** min(prog.d, 6) - 1)], dtype=np.int64)
    out = np.zeros(idx.shape[0], dtype=np.uint8)
    kbi = _kbuf(prog, (idx >> 6).astype(np.uint64))
    LK.bits_at(prog.code, prog.up, prog.ip, prog.tabs, kbi, idx, idx.shape[0], out)
    assert out.tolist() == naive.bits_at(prog.code, prog.up, prog.ip, prog.tabs, kbi, idx, idx.shape[0])


def _every_leaf(d):
    yield fl.parity(d, range(d), lazy=True)
    yield fl.dictator(d, d - 1, lazy=True)
    yield fl.conjunction(d, {0, d - 1}, lazy=True)
    yield fl.disjunction(d, {0, d - 1}, lazy=True)
    yield fl.constant(d, 1, lazy=True)
    yield fl.threshold(d, [3, -1, 2, 5, -4, 1, 2][:d], 1, lazy=True)
    yield fl.lazy.as_lazy(fl.parity(d, {0}) ^ fl.conjunction(d, range(d)))
    yield fl.BooleanFunction.from_kernel(d, hashed_bit)


@pytest.mark.parametrize("d", DS)
def test_every_leaf_and_every_flip_against_the_twin(d):
    nwords = max(1, (1 << d) >> 6)
    widx = np.arange(nwords, dtype=np.uint64)
    for f in _every_leaf(d):
        for m in sorted({0, 1, (1 << d) - 1, 1 << (d - 1)}):
            g = f.flipped(m) if m else f
            _check_program(program_of(g), widx)
            _check_program(program_of(~g ^ (g & f) | f), widx)


@pytest.mark.parametrize("d", [7, 9])
def test_count_range_on_every_subcube_of_words_against_the_twin(d):
    prog = program_of(fl.threshold(d, list(range(-3, d - 3)), 2, lazy=True) ^ fl.parity(d, {0, d - 1}, lazy=True))
    high = d - 6
    for free in range(1 << high):
        fixed = ((1 << high) - 1) & ~free
        n = 1 << bin(free).count("1")
        for lo, hi in [(0, n), (n // 2, n), (0, 1)]:
            got = LK.count_range(prog.code, prog.up, prog.ip, prog.tabs, lo, hi, np.uint64(free), np.uint64(fixed),
                                 np.uint64(2**64 - 1))
            assert got == naive.count_range(prog.code, prog.up, prog.ip, prog.tabs, lo, hi, free, fixed, 2**64 - 1)


def test_deposit_and_subcube_words_every_mask_below_2_to_the_6():
    for mask in range(64):
        for k in range(1 << bin(mask).count("1")):
            assert int(LK.deposit(k, np.uint64(mask))) == naive.deposit(k, mask)
        n = 1 << bin(mask).count("1")
        out = np.zeros(n, dtype=np.uint64)
        LK.subcube_words(0, n, np.uint64(mask), np.uint64(64 * 3 & ~mask), out)
        assert out.tolist() == naive.subcube_words(0, n, mask, 64 * 3 & ~mask)


def test_kernel_words_against_the_twin():
    widx = np.arange(4, dtype=np.uint64)
    for xm in (0, 1, 63, 200):
        out = np.zeros(4, dtype=np.uint64)
        LK.kernel_words(hashed_bit, widx, 4, np.int64(xm), 64, out)
        assert out.tolist() == naive.kernel_words(hashed_bit, widx, 4, xm, 64)


@settings(max_examples=40)
@given(st.integers(1, 8).flatmap(lambda d: rule(d)))
def test_random_rules_against_the_twin(pair):
    f, _ = pair
    g = fl.lazy.as_lazy(f)
    widx = np.arange(max(1, (1 << g.d) >> 6), dtype=np.uint64)
    _check_program(program_of(g), widx)
