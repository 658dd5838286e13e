"""The Walsh-Hadamard kernel (private).

``wht_inplace(a)`` overwrites a length-2^d int16, int32, int64 or float64 array with its
unnormalised Walsh-Hadamard transform  A[S] = sum_x a[x] (-1)^{popcount(S & x)};
``signed_spectrum(table, dtype)`` transforms the +-1 table 1 - 2 t of a uint8 truth table
t without writing it (the sign is applied as the first pass reads t).  Callers validate
(length a power of two, dtype) and pick the integer dtype from a proven bound with
:func:`narrowest_int` (|A| and every partial transform are at most max|a| * 2^d).
Its plain, obviously correct twin is ``tests/naive.py``'s ``wht`` (the definition).

How the fast kernel is laid out (measured on the 2-core AMD EPYC this project runs on;
see ``scripts/bench.py``)
-----------------------------------------------------------------------------------------
The transform is a product of d commuting stages, one per bit of the index; stage h = 2^i
replaces (a[j], a[j+h]) by (a[j] + a[j+h], a[j] - a[j+h]).  A textbook loop makes d
passes over memory with scalar arithmetic.  Here:

* Sub-blocks of 2^12 elements (32 KiB, L1) get every stage h < 2^12: the first five
  (h < 32) in one pass that reads the input, 32 entries at a time in eight vector
  registers of four (``_five_in_registers``, LLVM IR written with numba's ``intrinsic``:
  the two in-lane stages by shuffles, the three others between registers, the base case
  FFHT writes in AVX assembly); then radix-8 butterflies over contiguous rows of 32, in
  place.  Measured in cache (d = 13..21, in place), 0.06-0.07 ns per entry and stage,
  FFHT's speed; the scalar first stages it replaced (bits 0-1, then bit 2, through two
  scratch buffers) ran 1.25-1.45x slower.
* Blocks of 2^18 elements (2 MiB, L2 + L3) then get the stages 2^12 <= h < 2^18 as
  radix-8 sweeps while the block is still in cache.
* The stages h >= 2^18 are radix-8 sweeps, eight contiguous streams each (radix 16 was
  slower here, and so were gathered column tiles), in levels of three bits counted from
  the top (d, d - 3, ... down to 18), depth first as in FFHT's recursion: a block of
  2^(b+3) elements takes its sweep as soon as its last block of 2^b is done, while most
  of it is still in cache.  Only the top level's sweep then reads the array from memory
  when it is larger than the L3: at d = 24, blocks of 2^21 (16 MiB) sweep in cache and
  one sweep runs over the whole array (the array leaves memory twice; a breadth-first
  order, every stage from 18 up over the whole array, needed three: 7% slower in place,
  16% out of place, measured; 16-17% in place at d = 25, 26).
* All index arithmetic is unsigned (numba then emits no negative-index wraparound, which
  otherwise blocks vectorisation), and in-place segment starts are read from a small
  array (seq[i] == i): LLVM then checks aliasing per segment instead of hoisting one
  check over the whole loop nest, which fails whenever there is more than one segment
  and silently falls back to scalar code.

Two schedules share the tiles (``_tile``) and the sweeps (``_sweeps``): serial, depth
first (``_blocked_serial``), and threaded, level by level (``_blocked_threaded``);
:func:`blocked` picks one.  Single-threaded by default; ``threads=`` > 1 is opt-in
(blocks, or sub-blocks below one block, to threads; then each level's sweep over the
whole array, in chunks), with the same arithmetic per element.

Arithmetic is plain + and - (numba widens int16/int32 operands to int64 in registers and
stores back into the array's dtype, exact within the caller's bound), no fastmath.
Each (input dtype, output dtype) pair compiles separately, on first use.
"""

from __future__ import annotations

import numba
import numpy as np
from llvmlite import ir
from numba import njit, prange, types, uint64
from numba.extending import intrinsic, overload

from ..exact import narrowest_int  # (pure Python, in exact.py so that callers need not import numba)

__all__ = ["blocked", "int64_extremes", "signed_spectrum", "textbook", "wht_copy", "wht_inplace"]

# Tuning, measured at d = 20..26 on this machine (see scripts/bench.py).
_SUB_BITS = 12  # sub-blocks of 2^12 elements = 32 KiB (int64/float64): L1
_BLOCK_BITS = 18  # blocks of 2^18 elements = 2 MiB: L2 + L3
_COMPACT_BITS = 12  # up to 2^12 elements the textbook loop is used: it compiles in under a second,
# the blocked kernel in 5-13 s per dtype (the demo, d <= 12, then never compiles it), and at
# 2^12 elements the difference is 21 vs 3 us per transform (measured)
_CHUNK_BITS = 16  # the sweeps from 2^18 up work in chunks of at most 2^16 elements
_COPY_FIRST_BYTES = (1 << 25, 1 << 27)  # wht_copy of 32 MiB to 128 MiB copies, then transforms in
# place (measured faster there, slower at 16 and at 256 MiB: see wht_copy)


@njit(inline="always")
def _bfly2(src, s, sh, dst, t, th, m):
    """Radix-2 butterfly on m elements: streams src[s + k*sh + j] -> dst[t + k*th + j]."""
    s1 = s + sh
    t1 = t + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        dst[t + j] = x0 + x1
        dst[t1 + j] = x0 - x1


@njit(inline="always")
def _bfly4(src, s, sh, dst, t, th, m):
    """Two stages at once on four streams (see _bfly2)."""
    s1 = s + sh
    s2 = s1 + sh
    s3 = s2 + sh
    t1 = t + th
    t2 = t1 + th
    t3 = t2 + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        x2 = src[s2 + j]
        x3 = src[s3 + j]
        y0 = x0 + x1
        y1 = x0 - x1
        y2 = x2 + x3
        y3 = x2 - x3
        dst[t + j] = y0 + y2
        dst[t1 + j] = y1 + y3
        dst[t2 + j] = y0 - y2
        dst[t3 + j] = y1 - y3


@njit(inline="always")
def _bfly8(src, s, sh, dst, t, th, m):
    """Three stages at once on eight streams (see _bfly2)."""
    s1 = s + sh
    s2 = s1 + sh
    s3 = s2 + sh
    s4 = s3 + sh
    s5 = s4 + sh
    s6 = s5 + sh
    s7 = s6 + sh
    t1 = t + th
    t2 = t1 + th
    t3 = t2 + th
    t4 = t3 + th
    t5 = t4 + th
    t6 = t5 + th
    t7 = t6 + th
    for j in range(m):
        x0 = src[s + j]
        x1 = src[s1 + j]
        x2 = src[s2 + j]
        x3 = src[s3 + j]
        x4 = src[s4 + j]
        x5 = src[s5 + j]
        x6 = src[s6 + j]
        x7 = src[s7 + j]
        y0 = x0 + x1
        y1 = x0 - x1
        y2 = x2 + x3
        y3 = x2 - x3
        y4 = x4 + x5
        y5 = x4 - x5
        y6 = x6 + x7
        y7 = x6 - x7
        z0 = y0 + y2
        z1 = y1 + y3
        z2 = y0 - y2
        z3 = y1 - y3
        z4 = y4 + y6
        z5 = y5 + y7
        z6 = y4 - y6
        z7 = y5 - y7
        dst[t + j] = z0 + z4
        dst[t1 + j] = z1 + z5
        dst[t2 + j] = z2 + z6
        dst[t3 + j] = z3 + z7
        dst[t4 + j] = z0 - z4
        dst[t5 + j] = z1 - z5
        dst[t6 + j] = z2 - z6
        dst[t7 + j] = z3 - z7


@njit(inline="always")
def _bfly(radix, src, s, sh, dst, t, th, m):
    if radix == 8:
        _bfly8(src, s, sh, dst, t, th, m)
    elif radix == 4:
        _bfly4(src, s, sh, dst, t, th, m)
    else:
        _bfly2(src, s, sh, dst, t, th, m)


@njit(inline="always")
def _radix(bits_left):
    if bits_left >= 3:
        return 8
    if bits_left == 2:
        return 4
    return 2


@njit(inline="always")
def _log2_radix(radix):
    if radix == 8:
        return 3
    if radix == 4:
        return 2
    return 1


def _entry(src, i):
    """src[i]; for a uint8 truth table (entries 0/1) the +-1 value 1 - 2 src[i] instead.

    The first pass reads its input through this in its plain form (:func:`_first5`, what
    runs with ``NUMBA_DISABLE_JIT=1``), so that the transform of a Boolean function's
    table needs no separate +-1 table (one pass over memory less); compiled,
    :func:`_five_in_registers` reads the uint8 table the same way.
    """
    v = src[i]
    return 1 - 2 * int(v) if src.dtype == np.uint8 else v


def _first5(src, s, a, t):
    """Stages h = 1, 2, 4, 8, 16 of the 32 entries src[s : s + 32] (read through
    :func:`_entry`), written to a[t : t + 32]; src may be a (then s == t).

    This plain form is what runs with ``NUMBA_DISABLE_JIT=1``; compiled, the overload below
    runs the same butterflies on eight registers of four entries (:func:`_five_in_registers`).
    """
    x = [_entry(src, s + i) for i in range(32)]
    h = 1
    while h < 32:
        for j in range(32):
            if j & h == 0:
                x[j], x[j + h] = x[j] + x[j + h], x[j] - x[j + h]
        h *= 2
    for i in range(32):
        a[t + i] = x[i]


def _vector_type(context, dtype):
    return ir.VectorType(context.get_value_type(dtype), 4)


def _shuffle(builder, x, y, mask):
    return builder.shuffle_vector(x, y, ir.Constant(ir.VectorType(ir.IntType(32), 4), mask))


@intrinsic
def _five_in_registers(typingctx, src, s, a, t):
    """LLVM for :func:`_first5`: the 32 entries as eight vectors of four, v[k] = entries
    4k .. 4k + 3.  Stages h = 1 and 2 pair lanes within a vector (a shuffle, an add, a
    subtract and a blend each: lane j gets x_j + x_{j^h} or x_{j^h} - x_j by its bit h),
    stages h = 4, 8, 16 pair whole vectors v[k], v[k + h/4].  A uint8 src (a truth
    table) is widened and read as 1 - 2 x.  No shuffle crosses more than four entries, so
    LLVM keeps all of it in registers (AVX2 here: one ymm per vector for 64-bit entries).
    """
    if not (isinstance(src, types.Array) and isinstance(a, types.Array)
            and (src.dtype == a.dtype or src.dtype == types.uint8)):
        return None
    sig = types.void(src, s, a, t)

    def codegen(context, builder, signature, args):
        src_ty, _, a_ty, _ = signature.args
        dtype = a_ty.dtype
        vt = _vector_type(context, dtype)
        is_float = isinstance(dtype, types.Float)
        add = builder.fadd if is_float else builder.add
        sub = builder.fsub if is_float else builder.sub
        width = context.get_abi_sizeof(context.get_value_type(dtype))
        signed = src_ty.dtype == types.uint8 and dtype != types.uint8
        src_arr = context.make_array(src_ty)(context, builder, args[0])
        a_arr = context.make_array(a_ty)(context, builder, args[2])
        src_base = builder.gep(src_arr.data, [args[1]])
        a_base = builder.gep(a_arr.data, [args[3]])
        i64 = ir.IntType(64)
        v = []
        for k in range(8):
            at = builder.gep(src_base, [ir.Constant(i64, 4 * k)])
            if signed:  # 1 - 2 x of the widened 0/1 entries
                x = builder.load(builder.bitcast(at, ir.VectorType(ir.IntType(8), 4).as_pointer()), align=1)
                x = builder.uitofp(x, vt) if is_float else builder.zext(x, vt)
                one = ir.Constant(vt, [ir.Constant(vt.element, 1.0 if is_float else 1)] * 4)
                x = sub(one, add(x, x))
            else:
                x = builder.load(builder.bitcast(at, vt.as_pointer()), align=width)
            v.append(x)
        for swap, blend in (([1, 0, 3, 2], [0, 5, 2, 7]), ([2, 3, 0, 1], [0, 1, 6, 7])):  # h = 1, 2
            for k in range(8):
                y = _shuffle(builder, v[k], v[k], swap)
                v[k] = _shuffle(builder, add(v[k], y), sub(y, v[k]), blend)
        for h in (1, 2, 4):  # h = 4, 8, 16: vectors k and k + h
            for k in range(8):
                if k & h == 0:
                    v[k], v[k + h] = add(v[k], v[k + h]), sub(v[k], v[k + h])
        for k in range(8):
            at = builder.gep(a_base, [ir.Constant(i64, 4 * k)])
            builder.store(v[k], builder.bitcast(at, vt.as_pointer()), align=width)
        return context.get_dummy_value()

    return sig, codegen


@overload(_first5, inline="always")
def _first5_typed(src, s, a, t):
    def in_registers(src, s, a, t):
        _five_in_registers(src, s, a, t)
    return in_registers


@njit(inline="always")
def _rows(radix, src, sb, dst, db, m, nrows, hr, seq):
    """One radix sweep over rows of m elements: butterflies between rows r, r+hr, ...,
    r+(radix-1)hr.

    Row r is src[sb + r*m : sb + (r+1)*m] and dst[db + r*m : ...]; the hr rows of a group
    form one contiguous run.  Every caller sweeps in place (src is dst): group starts go
    through ``seq`` (seq[i] == i) so that LLVM sees them as opaque and checks aliasing per
    group (see the module docstring).
    """
    span = hr * uint64(radix)
    ngroups = nrows // span
    run = hr * m
    for i in range(ngroups):
        g = seq[i] * span
        _bfly(radix, src, sb + g * m, run, dst, db + g * m, run, run)


@njit(inline="always")
def _sub_block(src, a, base, bits, seq):
    """Every stage h < 2^bits: src[base : base + 2^bits] -> a[base : ...] (bits >= 6).

    The first pass (:func:`_first5`) reads src and writes a, stages h < 32 in registers,
    32 entries at a time; then radix sweeps in place over rows of 32.  src may be a
    itself (in place); otherwise the copy costs nothing extra, since the first pass
    reads src anyway.
    """
    n = uint64(1) << uint64(bits)
    step = uint64(32)
    for g in range(n >> uint64(5)):
        at = base + uint64(g) * step
        _first5(src, at, a, at)
    rows = n >> uint64(5)  # rows of 32 entries from here on
    # The run length is read from seq (seq[32] == 32): with a literal, LLVM unrolls the
    # run completely and the unrolled code stays scalar (3.5x slower, measured on runs of
    # 8); with an opaque length it keeps the vectorised loop.
    run = seq[32]
    done = 0
    hr = uint64(1)
    while 5 + done < bits:
        radix = _radix(bits - 5 - done)
        _rows(radix, a, base, a, base, run, rows, hr, seq)
        hr *= uint64(radix)
        done += _log2_radix(radix)


@njit(inline="always")
def _sweeps(a, base, size_bits, p, top, chunk_bits, seq):
    """The stages p <= bit < top of a[base : base + 2^size_bits], in place: radix sweeps
    (radix 8 while three stages are left), the independent runs cut into chunks of at
    most 2^chunk_bits elements (the units of parallel work).  Chunk starts go through
    ``seq`` (seq[i] == i) so that LLVM checks aliasing per run.
    """
    size = uint64(1) << uint64(size_bits)
    while p < top:
        radix = _radix(top - p)
        h = uint64(1) << uint64(p)
        span = h * uint64(radix)
        chunk = min(h, uint64(1) << uint64(chunk_bits))
        nch = h // chunk
        for k in prange((size // span) * nch):
            j = seq[k]
            off = base + (j // nch) * span + (j % nch) * chunk
            _bfly(radix, a, off, h, a, off, h, chunk)
        p += _log2_radix(radix)


@njit(cache=True)
def _tile(src, a, base, tile_bits, b1, seq):
    """Every stage below tile_bits of the tile a[base : base + 2^tile_bits], read from src:
    each sub-block of 2^b1 elements gets the stages below b1 (in L1), then the tile its
    own stages b1 <= bit < tile_bits in place, while it is in cache (L2).

    A function of its own (one call per tile, 2^18 elements at the shipped tuning) that
    both schedules share: inlined into each, it doubled their compile time.
    """
    for sb in range(uint64(1) << uint64(tile_bits - b1)):
        start = base + (uint64(sb) << uint64(b1))
        if b1 == _SUB_BITS:
            # a compile-time constant: LLVM then resolves every radix and run length
            # of the sub-block (measured 0.50 vs 0.88 ns per element in cache)
            _sub_block(src, a, start, _SUB_BITS, seq)
        else:  # smaller arrays, and the tests' shrunken tunings
            _sub_block(src, a, start, b1, seq)
    q = b1
    while q < tile_bits:
        radix = _radix(tile_bits - q)
        h = uint64(1) << uint64(q)
        _rows(radix, a, base, a, base, h, uint64(1) << uint64(tile_bits - q), uint64(1), seq)
        q += _log2_radix(radix)


@njit(inline="always")
def _level(k, d, tile_bits):
    """The k-th level above the tiles, counted from the top: bit d - 3k, or tile_bits once
    that is reached.  Level k's blocks of 2^level(k) elements take the stages
    level(k+1) <= bit < level(k) in one sweep, radix 8 for all but the lowest level
    (whose blocks are the smallest, so its smaller radix works in cache)."""
    return max(tile_bits, d - 3 * k)


@njit(inline="always")
def _plan(a, sub_bits, block_bits, chunk_bits, threaded):
    """What both schedules need: d, b1 (sub-block bits), tile_bits, the number of levels
    above the tiles, and seq (seq[i] == i, long enough for every index read).

    A tile is a block of 2^b0 elements; ``threaded`` with a single block makes every
    sub-block a tile instead, so that there is work to share.
    """
    n = uint64(a.shape[0])
    d = 0
    m = n
    while m > uint64(1):  # n = 2^d: d halvings reach 1
        m >>= uint64(1)
        d += 1
    b1 = min(d, sub_bits)
    b0 = min(d, max(block_bits, b1))
    nseq = max(uint64(1) << uint64(b1), n >> uint64(min(b1, chunk_bits)))
    seq = np.empty(nseq, np.uint64)
    for i in range(nseq):
        seq[i] = i
    tile_bits = b0
    if threaded and (n >> uint64(b0)) < uint64(2):
        tile_bits = b1
    top = 0
    while _level(top, d, tile_bits) > tile_bits:
        top += 1
    return d, b1, tile_bits, top, seq


@njit(cache=True)
def _blocked_serial(src, a, sub_bits, block_bits, chunk_bits):
    """The blocked transform of src into a (same length 2^d, d >= sub_bits >= 6),
    on one thread; a may be src (in place) or a distinct array of the same dtype.

    1. Tiles (:func:`_tile`) get every stage below tile_bits.
    2. The stages from tile_bits up, in levels of three (:func:`_level`, top-aligned:
       bits d, d - 3, ..., down to tile_bits): a block of level k takes its sweep
       (:func:`_sweeps`) over the 8 (or fewer) blocks of level k + 1 it is made of, depth
       first, like FFHT's recursion: as soon as its last tile is done, while most of it is
       still in cache, so that only the top level's blocks (more than the L3) sweep from
       memory.
    """
    d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, False)
    for tile in range(uint64(a.shape[0]) >> uint64(tile_bits)):
        _tile(src, a, uint64(tile) << uint64(tile_bits), tile_bits, b1, seq)
        done = uint64(tile) + uint64(1)  # tiles done; a block is complete when its last one is
        for k in range(top - 1, -1, -1):  # the lowest level first
            hi = _level(k, d, tile_bits)
            per = uint64(1) << uint64(hi - tile_bits)  # tiles per block of this level
            if done % per != uint64(0):
                break  # the higher levels' blocks are not complete either
            _sweeps(a, (done - per) << uint64(tile_bits), hi, _level(k + 1, d, tile_bits), hi, chunk_bits, seq)


@njit(parallel=True, cache=True)
def _blocked_threaded(src, a, sub_bits, block_bits, chunk_bits):
    """:func:`_blocked_serial` on numba's threads: every tile first (tiles to threads),
    then each level's sweep over the whole array, the lowest first (its chunks to
    threads).  The same butterflies in the same order for every element as the serial
    form, whatever the number of threads: the result does not depend on them.
    """
    d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, True)
    for tile in prange(uint64(a.shape[0]) >> uint64(tile_bits)):
        _tile(src, a, uint64(tile) << uint64(tile_bits), tile_bits, b1, seq)
    for k in range(top - 1, -1, -1):
        _sweeps(a, uint64(0), d, _level(k + 1, d, tile_bits), _level(k, d, tile_bits), chunk_bits, seq)


def blocked(src: np.ndarray, a: np.ndarray, sub_bits: int = _SUB_BITS, block_bits: int = _BLOCK_BITS,
            chunk_bits: int = _CHUNK_BITS, threads: int = 1) -> None:
    """The blocked kernel: the transform of ``src`` written into ``a`` (``a`` may be ``src``).

    Same length 2^d with d >= ``sub_bits`` >= 6, same dtype (int64 or float64),
    contiguous; the caller validates.  ``sub_bits``, ``block_bits`` and ``chunk_bits``
    (>= 0) are the tuning: the shipped one by default; tests shrink it to reach every
    path at small d.
    ``threads`` > 1 runs the same schedule on that many numba threads (capped at numba's
    maximum) when there are at least 2^sub_bits elements; the result is the same.
    """
    if threads > 1 and a.shape[0] >= (1 << sub_bits):
        previous = numba.get_num_threads()
        numba.set_num_threads(min(threads, numba.config.NUMBA_NUM_THREADS))  # type: ignore[attr-defined]  # numba.config sets its options at import, from the environment
        try:
            _blocked_threaded(src, a, sub_bits, block_bits, chunk_bits)
        finally:
            numba.set_num_threads(previous)
    else:
        _blocked_serial(src, a, sub_bits, block_bits, chunk_bits)


@njit(cache=True)
def textbook(a):
    """The textbook in-place loop (d passes, radix 2), for arrays of at most 2^12 elements."""
    n = a.shape[0]
    h = 1
    while h < n:
        for start in range(0, n, 2 * h):
            for j in range(start, start + h):
                u = a[j]
                v = a[j + h]
                a[j] = u + v
                a[j + h] = u - v
        h *= 2


def wht_inplace(a: np.ndarray, threads: int = 1) -> None:
    """Transform ``a`` in place (int16, int32, int64 or float64, contiguous, length 2^d, d >= 0).

    The caller proves that no entry of the result (nor of any partial transform, which is
    bounded by the same max|a| * 2^d) overflows the dtype.  ``threads`` > 1 (opt-in) runs
    the blocked kernel on that many numba threads (capped at numba's maximum) for d >= 13;
    the result is the same as with one thread.  On the 2-core machine this project runs
    on, 2 threads took d = 24 from 28 ms to 17 ms with the other core partly busy
    (scripts/bench.py --threads 2).
    """
    if a.shape[0] <= (1 << _COMPACT_BITS):
        textbook(a)
    else:
        blocked(a, a, threads=threads)


def wht_copy(values: np.ndarray, threads: int = 1) -> np.ndarray:
    """The transform of ``values`` as a new array; ``values`` is left unchanged.

    Same contract as :func:`wht_inplace` (the caller validates; ``threads`` >= 1).  Above
    2^12 entries the copy rides on the first pass (which reads the input anyway), so it
    saves one pass over memory.  Measured on 4 December (three interleaved A/B runs,
    float64, int64 and int32, one thread), that fused pass was 3-16% faster than a copy and
    then the transform in place at 16 MiB and 4-12% faster at 256 MiB, but 1-22% slower
    from 32 to 128 MiB (``_COPY_FIRST_BYTES``: d = 22..24 for 8-byte entries, 23..25 for
    int32; int16, 24..26, not measured), where this function therefore copies first on one
    thread.  An earlier measurement on a quiet machine had found the fused pass 1.13-1.43x
    faster at every d from 18 to 23 (float64, int64); the two disagree at d = 22 and 23 and
    the later one is what is shipped.  A hypothesis, not tested: a fresh output the size
    of the L3 (32 MiB here) or more must be read before the fused pass writes it, while
    ``np.copy``'s large memcpy writes past the cache; it does not explain 256 MiB.
    """
    if values.shape[0] <= (1 << _COMPACT_BITS):
        out = values.copy()
        textbook(out)
        return out
    if threads == 1 and _COPY_FIRST_BYTES[0] <= values.nbytes <= _COPY_FIRST_BYTES[1]:
        out = values.copy()
        blocked(out, out)
        return out
    out = np.empty_like(values)
    blocked(values, out, threads=threads)
    return out


def signed_spectrum(table: np.ndarray, dtype: type, threads: int = 1) -> np.ndarray:
    """The transform of the +-1 table 1 - 2 ``table`` of a uint8 0/1 table, in ``dtype``.

    The integer spectrum 2^d fhat of a Boolean function, |entries| <= 2^d: the caller picks
    ``dtype`` with :func:`narrowest_int` (2^d).  Above 2^12 entries the blocked kernel
    reads the uint8 table itself in its first pass (no +-1 table is written: at d = 24 a
    16 MiB read instead of a 64 MiB write and read).
    """
    n = table.shape[0]
    if n <= (1 << _COMPACT_BITS):
        out = np.subtract(1, 2 * table.astype(dtype), dtype=dtype)
        textbook(out)
        return out
    out = np.empty(n, dtype=dtype)
    blocked(table, out, threads=threads)
    return out


@njit(cache=True)
def int64_extremes(a):
    """(min, max) of a non-empty int64 array in one pass, without a temporary.

    For the caller's overflow bound: max|a| is max(hi, -lo) unless lo is the int64
    minimum (whose negation overflows).
    """
    lo = a[0]
    hi = a[0]
    for i in range(a.shape[0]):
        v = a[i]
        lo = min(lo, v)
        hi = max(hi, v)
    return lo, hi
