#!/usr/bin/env python
"""Benchmarks: finitelearn's Walsh-Hadamard transform against its peers, exact agreement
against reading the tables, and the adaptive SQ game.

    python scripts/bench.py [--d-min 10 --d-max 24] [--big] [--repeats N]
                            [--json bench.json] [--threads N]

Every figure is a median over repeats measured in this run, with the peers interleaved
repeat by repeat, in a new (seeded) order every repeat (so a burst of load from another
process hits all of them alike, and none always runs first or after the same one).
Numba kernels are warmed before timing: compilation is never measured.  Nothing here
asserts a time; the script prints tables and writes the same numbers to a JSON file.

Sections
--------
wht        ``walsh_hadamard`` (the public function: validation + copy + kernel; when
           ``finitelearn.fourier`` is missing, ``_kernels.wht.wht_inplace`` on a copy) on float64
           and int64 input, against: sympy's ``fwht`` (small d only; its list input is
           built outside the timing), a plain numpy butterfly (copy + one vectorised
           numpy pass per stage), pyfwht's CPU backend (selected explicitly:
           ``Backend.CPU``; float64 for float64 rows, its int32 path for int64 rows since
           it has no int64 transform), and boofun's numba transform
           ``boofun.core.optimizations.fast_walsh_hadamard_numba`` (float64, normalised),
           and, given ``--ffht LIB``, FFHT's ``fht_double`` (C with AVX, the fastest
           published CPU transform; built by the user, see ``load_ffht``).
           Every peer's time includes the copy of its input, as ours does; FFHT in place
           on a ready buffer is also timed, as the anchor of the memory-floor goal.  The memory
           floor is two passes of read + write over the array, i.e. twice the time of an
           ``np.copyto`` between two arrays of the same byte size.
agreement  ``agreement_probability(f, g, uniform(d))`` for two parities, d = 20..28,
           against reading both bit-packed tables once (``np.sum`` over each packed
           uint64 array).
engine     the agreement of two lazy parities (``lazy=True``, evaluated 64 points a word,
           never tabulated) at d = 30..34: points per second per core in this process
           (one thread) and on a two-worker ``LocalCluster`` (``dask_engine``, processes),
           their ratio, the cluster's per-task overhead (trivial tasks), and the peak
           resident memory of each process at d = 36 (issue 14).
one-query  ``max_eliminations`` (CP-SAT, issue 11) for the class (4.3) at d = 4, 5, 6, both answer
           models, with the status reached within the time limit.
sq-game    the candidate-testing student against the ``null`` responder in the adaptive
           game (the class (4.3) of parities, no fixed teacher) at d = 12, 14, 16, 20:
           queries/second, by the oracle's closed form and (d <= 16) by one WHT per query
           (see ``bench_sq_game``).
startup    ``import finitelearn`` in fresh interpreters (and which heavy modules it
           imported), ``finitelearn demo`` with an empty numba cache (a fresh install's
           first run) and again warm.
scaling    ``finitelearn scaling --d-min 2 --d-max 16`` with the default students, warm.
example-4.2  ``finitelearn example 4.2 --epochs 10`` (opt-in: minutes), wall/user/system.

The run ends with the goals table of issue 13 (met / NOT met / not run, with the ratio
to the target), also in the JSON under ``goals``.  The wht section also has
``spectrum`` rows: ``integer_spectrum`` of a random Boolean function against pyfwht's
int32 transform of its +-1 table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import random
import sys
import time
from typing import Any, Callable

import numpy as np

# ---------------------------------------------------------------------------------------
# machine and environment


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_available() -> int | None:
    """Bytes the kernel says are available (MemAvailable), or None if unknown."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def machine_info(threads: int) -> dict[str, Any]:
    import numba

    info: dict[str, Any] = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "numba": numba.__version__,
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "threads": threads,
        "numba_threads": numba.get_num_threads(),
        "mem_available_bytes": mem_available(),
        "load_average_at_start": load_average(),
        "env": {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS") if k in os.environ},
    }
    try:
        import finitelearn

        info["finitelearn"] = getattr(finitelearn, "__version__", "unknown")
    except Exception as exc:  # the script must still say what it could not import
        info["finitelearn"] = f"import failed: {exc!r}"
    return info


# ---------------------------------------------------------------------------------------
# timing


def interleaved_medians(funcs: dict[str, Callable[[], Any]], repeats: int,
                        min_batch_s: float = 0.02) -> dict[str, dict[str, Any]]:
    """Time each function ``repeats`` times, round-robin (in a new order each round); median and min in seconds.

    Two calls first (a last warm-up, then one whose time sets the batch: a fast function
    is called ``batch`` times per timing so that each timing lasts about ``min_batch_s``,
    and the time per call is the batch time divided by ``batch``; a first call's own
    costs, such as mapping fresh memory, would give it a smaller batch, and each timing
    then carries more of the cache its predecessor left dirty).  The garbage collector
    is off while timing.  A function that raises is dropped from later rounds and
    reported with its error.
    """
    times: dict[str, list[float]] = {name: [] for name in funcs}
    errors: dict[str, str] = {}
    batch: dict[str, int] = {}
    for name, fn in funcs.items():
        try:
            fn()
            t0 = time.perf_counter()
            fn()
            t1 = time.perf_counter() - t0
        except Exception as exc:  # recorded, never silently swallowed
            errors[name] = f"{type(exc).__name__}: {exc}"
            continue
        batch[name] = max(1, min(10_000, int(min_batch_s / max(t1, 1e-7))))
    gc.collect()
    gc.disable()
    try:
        names = list(funcs)
        order = random.Random(len(names))
        for _ in range(repeats):
            # a new order every repeat (seeded), so that no function always runs first, or
            # always after the same one (which leaves the cache full of its dirty lines)
            order.shuffle(names)
            for name in names:
                fn = funcs[name]
                if name in errors:
                    continue
                k = batch[name]
                t0 = time.perf_counter()
                try:
                    for _ in range(k):
                        fn()
                except Exception as exc:
                    errors[name] = f"{type(exc).__name__}: {exc}"
                    continue
                times[name].append((time.perf_counter() - t0) / k)
    finally:
        gc.enable()
    out: dict[str, dict[str, Any]] = {}
    for name in funcs:
        if name in errors:
            out[name] = {"error": errors[name]}
        else:
            ts = times[name]
            out[name] = {"median_s": statistics.median(ts), "min_s": min(ts), "repeats": len(ts),
                         "calls_per_timing": batch[name]}
    return out


def repeats_for(d: int, requested: int | None) -> int:
    if requested is not None:
        return requested
    if d <= 20:
        return 9
    if d <= 24:
        return 5
    return 3


def fmt_time(t: float | None) -> str:
    if t is None:
        return "-"
    if t < 1e-3:
        return f"{t * 1e6:.1f}us"
    if t < 1:
        return f"{t * 1e3:.2f}ms"
    return f"{t:.2f}s"


# ---------------------------------------------------------------------------------------
# peers (each loader returns (callable or None, status string))


def load_ours() -> tuple[Callable[[np.ndarray], np.ndarray], str]:
    try:
        from finitelearn.fourier import walsh_hadamard

        return walsh_hadamard, "finitelearn.walsh_hadamard (public: validate + copy + kernel)"
    except ImportError:
        from finitelearn._kernels import wht

        def on_copy(values: np.ndarray) -> np.ndarray:
            out = values.copy()
            wht.wht_inplace(out)
            return out

        return on_copy, "finitelearn._kernels.wht.wht_inplace on a copy (finitelearn.fourier missing)"


def numpy_butterfly(values: np.ndarray) -> np.ndarray:
    """The plain numpy transform: a copy, then one vectorised pass per stage."""
    a = values.copy()
    h = 1
    n = a.shape[0]
    while h < n:
        v = a.reshape(-1, 2, h)
        u = v[:, 0, :].copy()
        v[:, 0, :] += v[:, 1, :]
        np.subtract(u, v[:, 1, :], out=v[:, 1, :])
        h *= 2
    return a


def load_sympy() -> tuple[Callable | None, str]:
    try:
        from sympy.discrete.transforms import fwht

        import sympy

        return fwht, f"sympy {sympy.__version__}: sympy.discrete.transforms.fwht (list in, list out)"
    except Exception as exc:
        return None, f"unavailable: {exc!r}"


def load_pyfwht() -> tuple[Any, str]:
    """pyfwht with its CPU backend selected explicitly (a GPU build would pick CUDA)."""
    try:
        import pyfwht
    except Exception as exc:  # an sdist that failed to build, or a broken extension
        return None, f"unavailable: import failed: {exc!r} (pip install pyfwht, or the 'bench' extra)"
    try:
        cpu = pyfwht.Backend.CPU
        probe = np.array([1.0, 2.0, 3.0, 4.0])
        pyfwht.transform(probe, backend=cpu)
        if probe.tolist() != [10.0, -2.0, -4.0, 0.0]:
            return None, f"unavailable: CPU backend gave {probe.tolist()} on [1, 2, 3, 4]"
    except Exception as exc:
        return None, f"unavailable: CPU backend failed: {exc!r}"
    version = getattr(pyfwht, "__version__", "unknown")
    return pyfwht, f"pyfwht {version}: pyfwht.transform(copy, backend=Backend.CPU) (float64; int32 for int64 rows)"


def load_ffht(path: str | None) -> tuple[Callable | None, str]:
    """FFHT's ``fht_double`` (in place) from a shared library the user built, via ctypes.

    FFHT (github.com/FALCONN-LIB/FFHT) is the issue's anchor, the fastest published CPU
    transform; it is not on PyPI.  Build it once from its sources with
    ``gcc -O3 -march=native -std=c99 -fPIC -shared fht.c fast_copy.c -o libffht.so`` and
    pass ``--ffht path/to/libffht.so``.  It is checked on a probe before it is timed.
    """
    if path is None:
        return None, "not measured (--ffht LIB: a libffht.so built from FFHT's fht.c, see load_ffht)"
    import ctypes

    try:
        lib = ctypes.CDLL(path)
        fht = lib.fht_double
    except (OSError, AttributeError) as exc:
        return None, f"unavailable: {exc!r}"
    fht.argtypes = [ctypes.c_void_p, ctypes.c_int]
    fht.restype = ctypes.c_int

    def transform(values: np.ndarray) -> np.ndarray:
        """In place; values is a contiguous float64 array of length 2^d."""
        if fht(values.ctypes.data, values.shape[0].bit_length() - 1) != 0:
            raise RuntimeError("fht_double refused its input")
        return values

    probe = np.arange(1.0, 65.0)
    if not np.array_equal(transform(probe.copy()), numpy_butterfly(probe)):
        return None, "unavailable: fht_double disagrees with the butterfly on 1..64"
    return transform, f"FFHT {path}: fht_double on a copy (x.copy(), as pyfwht gets; float64 rows only)"


def load_boofun() -> tuple[Callable | None, str]:
    try:
        import boofun
        from boofun.core.optimizations import fast_walsh_hadamard_numba
    except Exception as exc:
        return None, f"unavailable: {exc!r} (pip install boofun, or the 'bench' extra)"
    version = getattr(boofun, "__version__", "unknown")
    return fast_walsh_hadamard_numba, (
        f"boofun {version}: boofun.core.optimizations.fast_walsh_hadamard_numba "
        "(numba, float64 copy in, normalised by 2^d)")


# ---------------------------------------------------------------------------------------
# section 1: the transform


def memory_floor(nbytes: int, repeats: int) -> float:
    """Two passes of read + write over nbytes: twice a large np.copyto of that size."""
    src = np.ones(nbytes // 8, dtype=np.float64)
    dst = np.empty_like(src)
    np.copyto(dst, src)  # fault the pages in
    t = interleaved_medians({"copy": lambda: np.copyto(dst, src)}, max(repeats, 5))["copy"]["median_s"]
    del src, dst
    return 2 * t


def fresh_floor(values: np.ndarray, src: np.ndarray, dst: np.ndarray) -> None:
    """The floor of a transform that returns a new array: one copy of ``values`` into a
    newly allocated array (its pages faulted in and zeroed by the kernel, as every peer's
    output and ours are) and one more pass of read + write (np.copyto between two ready
    arrays of the same size)."""
    np.copyto(np.empty_like(values), values)
    np.copyto(dst, src)


def bench_wht(ds: list[int], repeats: int | None, sympy_max: int, seed: int, threads: int = 1,
              ffht_lib: str | None = None) -> dict[str, Any]:
    ours, ours_name = load_ours()
    try:
        from finitelearn._kernels.wht import wht_copy

        def kernel_on_copy(values: np.ndarray) -> np.ndarray:
            return wht_copy(values, threads=threads)

        kernel_name = ("finitelearn._kernels.wht.wht_copy (ours without the public checks; the copy rides on the first "
                       f"pass), threads={threads}")
    except ImportError:
        from finitelearn._kernels.wht import wht_inplace

        def kernel_on_copy(values: np.ndarray) -> np.ndarray:
            out = values.copy()
            wht_inplace(out)
            return out

        kernel_name = "finitelearn._kernels.wht.wht_inplace on a copy (ours without the public checks)"

    sym, sym_status = load_sympy()
    pyf, pyf_status = load_pyfwht()
    boo, boo_status = load_boofun()
    ffht, ffht_status = load_ffht(ffht_lib)
    try:
        from finitelearn._kernels.wht import wht_inplace as ours_inplace
    except ImportError:
        ours_inplace = None
    peers = {"sympy": sym_status, "numpy": "numpy butterfly: copy + one vectorised pass per stage",
             "pyfwht": pyf_status, "boofun": boo_status, "ffht": ffht_status}
    print(f"\n== Walsh-Hadamard transform: ours = {ours_name}")
    for name, status in peers.items():
        print(f"   {name:7s} {status}")
    print(f"   kernel  {kernel_name}")
    print(f"   floor   2 x np.copyto of the same byte size (two passes of read + write)")
    print("   new     the floor of a function that returns a new array: np.copyto into a new np.empty_like (its pages "
          "faulted in) + one np.copyto; fresh_floor_s in the JSON, ours / it printed")
    if ours_inplace is not None:
        print("   in pl.  ours (wht_inplace) in place on a ready buffer of zeros, as FFHT's anchor: ours_inplace in the "
              "JSON, its /floor printed")
    if ffht is not None:
        print("   anchor  FFHT in place on a ready buffer (no copy, no allocation): ffht_inplace in the JSON, "
              "its /floor printed; not a peer (it does less than every peer)")

    # warm every JIT and cache once, at a small size (compilation is never timed)
    for dtype in (np.float64, np.int64):
        w = np.arange(1 << 12, dtype=dtype)
        ours(w)
        ours(np.arange(1 << 16, dtype=dtype))
    if boo is not None:
        boo(np.arange(1 << 12, dtype=np.float64))
    if pyf is not None:
        pyf.transform(np.arange(1 << 12, dtype=np.float64), backend=pyf.Backend.CPU)
        pyf.transform(np.arange(1 << 12, dtype=np.int32), backend=pyf.Backend.CPU)

    try:
        from finitelearn import BooleanFunction, integer_spectrum
    except ImportError:  # an older finitelearn: no spectrum rows
        integer_spectrum = None
    if integer_spectrum is not None:
        integer_spectrum(BooleanFunction.from_truth_table(np.zeros(1 << 16, dtype=np.uint8)))

    rng = np.random.default_rng(seed)
    rows = []
    header = (f"{'d':>3} {'dtype':8} {'ours':>9} {'kernel':>9} {'floor':>9} {'/floor':>6} | {'numpy':>9} {'x':>6} | "
              f"{'pyfwht':>9} {'x':>5} | {'boofun':>9} {'x':>5} | {'sympy':>9} {'x':>7}"
              + f" | {'/new':>5} {'in pl./floor':>12}"
              + (f" | {'ffht':>9} {'x':>5} {'anchor/floor':>12}" if ffht is not None else ""))
    print(header)
    print("-" * len(header))
    for d in ds:
        n = 1 << d
        reps = repeats_for(d, repeats)
        floor = memory_floor(n * 8, reps)
        for dtype in (np.float64, np.int64, "spectrum"):
            if dtype == "spectrum":
                # the exact spectrum of a random Boolean f: ours reads its uint8 table
                # (integer_spectrum, int32 at d <= 30); pyfwht gets the +-1 int32 table
                # ready-made (its conversion is not timed: in its favour)
                if integer_spectrum is None:
                    continue
                table = rng.integers(0, 2, size=n, dtype=np.uint8)
                f = BooleanFunction.from_truth_table(table)
                x = (1 - 2 * table.astype(np.int64))
                funcs = {"ours": lambda: integer_spectrum(f), "kernel": lambda: integer_spectrum(f),
                         "numpy": lambda: numpy_butterfly(x)}
                if pyf is not None:
                    x32 = x.astype(np.int32)
                    funcs["pyfwht"] = lambda: pyf.transform(x32.copy(), backend=pyf.Backend.CPU)
            elif dtype == np.int64:
                # |a| < 2^30 and d <= 32 keep the int64 result exact (public bound)
                x = rng.integers(-(2**20), 2**20, size=n).astype(np.int64)
            else:
                x = rng.standard_normal(n)
            if dtype != "spectrum":
                funcs = {
                    "ours": lambda: ours(x),
                    "kernel": lambda: kernel_on_copy(x),
                    "numpy": lambda: numpy_butterfly(x),
                }
                if pyf is not None:
                    if dtype == np.float64:
                        funcs["pyfwht"] = lambda: pyf.transform(x.copy(), backend=pyf.Backend.CPU)
                    else:
                        x32 = x.astype(np.int32)
                        funcs["pyfwht"] = lambda: pyf.transform(x32.copy(), backend=pyf.Backend.CPU)
            if boo is not None and dtype == np.float64:
                funcs["boofun"] = lambda: boo(x)
            if ffht is not None and dtype == np.float64:
                # zeros: the transform of zeros is zeros, so the buffer can be transformed again and
                # again with the same work (a +-1 buffer grows about 2^(d/2) per call and reaches
                # inf after some 100 calls at d = 20); float add and subtract cost the same on any
                # normal value or zero (no subnormals arise)
                ready = np.zeros_like(x)
                funcs["ffht"] = lambda: ffht(x.copy())
                funcs["ffht_inplace"] = lambda: ffht(ready)
            if dtype == np.float64:
                pair = (np.ones_like(x), np.empty_like(x))
                np.copyto(pair[1], pair[0])  # its pages faulted in once
                funcs["fresh_floor"] = lambda: fresh_floor(x, *pair)
                if ours_inplace is not None:
                    zeros = np.zeros_like(x)  # zeros for the reason given for FFHT's anchor
                    funcs["ours_inplace"] = lambda: ours_inplace(zeros)
            if sym is not None and d <= sympy_max:
                as_list = x.tolist()
                funcs["sympy"] = lambda: sym(as_list)
            res = interleaved_medians(funcs, reps)
            t_ours = res["ours"].get("median_s")
            row: dict[str, Any] = {"d": d, "dtype": "spectrum" if dtype == "spectrum" else np.dtype(dtype).name,
                                   "repeats": reps,
                                   "floor_s": floor, "times": res}
            # the floor of a float64/int64 row; a spectrum moves 4 bytes per entry (int32), half of it
            row_floor = floor / 2 if dtype == "spectrum" else floor
            row["floor_s"] = row_floor
            row["ratio_to_floor"] = t_ours / row_floor if t_ours else None
            row["speedup"] = {name: r["median_s"] / t_ours for name, r in res.items()
                              if name not in ("ours", "kernel", "ffht_inplace", "ours_inplace", "fresh_floor")
                              and "median_s" in r and t_ours}
            for anchor in ("ffht_inplace", "ours_inplace"):
                if anchor in res and "median_s" in res[anchor]:
                    row[f"{anchor}_to_floor"] = res[anchor]["median_s"] / row_floor
            if "fresh_floor" in res and "median_s" in res["fresh_floor"] and t_ours:
                row["fresh_floor_s"] = res["fresh_floor"]["median_s"]
                row["ratio_to_fresh_floor"] = t_ours / row["fresh_floor_s"]
            rows.append(row)

            def cell(name: str, width: int) -> str:
                r = res.get(name)
                if r is None:
                    return f"{'-':>9} {'':>{width}}"
                if "error" in r:
                    return f"{'error':>9} {'':>{width}}"
                return f"{fmt_time(r['median_s']):>9} {row['speedup'][name]:>{width}.1f}"

            print(f"{d:>3} {row['dtype']:8} {fmt_time(t_ours):>9} {fmt_time(res['kernel'].get('median_s')):>9} "
                  f"{fmt_time(row_floor):>9} "
                  f"{row['ratio_to_floor']:>6.2f} | {cell('numpy', 6)} | {cell('pyfwht', 5)} | "
                  f"{cell('boofun', 5)} | {cell('sympy', 7)}"
                  + f" | {row.get('ratio_to_fresh_floor', float('nan')):>5.2f} "
                    f"{row.get('ours_inplace_to_floor', float('nan')):>12.2f}"
                  + (f" | {cell('ffht', 5)} {row.get('ffht_inplace_to_floor', float('nan')):>12.2f}"
                     if ffht is not None else ""), flush=True)
            for name, r in res.items():
                if "error" in r:
                    print(f"    {name}: {r['error']}")
    print("   x = peer time / our time (above 1: we are faster); /floor = our time / memory floor")
    print("   spectrum = fl.integer_spectrum(f) of a random Boolean f (uint8 table in, int32 out); pyfwht: its int32 "
          "transform of the +-1 table; floor: half the float64 floor (4-byte entries)")
    return {"ours": ours_name, "kernel": kernel_name, "peers": peers, "rows": rows}


# ---------------------------------------------------------------------------------------
# section 2: exact agreement


def bench_agreement(ds: list[int], repeats: int | None) -> dict[str, Any]:
    print("\n== Exact agreement P_{x~U}(f(x) = g(x)) of two parities vs reading both packed tables once")
    try:
        from finitelearn import agreement_probability, parity, uniform
    except ImportError as exc:
        msg = f"skipped: finitelearn.agreement_probability / parity / uniform missing ({exc})"
        print("   " + msg)
        return {"skipped": msg}
    print("   read = np.sum over each bit-packed uint64 table (f.packed, g.packed), one after the other")
    header = f"{'d':>3} {'agreement':>10} {'read both':>10} {'ratio':>6} {'build 1 table':>14}  value"
    print(header)
    print("-" * len(header))
    rows = []
    # warm the kernels at a small size
    agreement_probability(parity(12, {0, 1}), parity(12, {1, 2}), uniform(12))
    for d in ds:
        t0 = time.perf_counter()
        f = parity(d, {0, d // 2, d - 1})
        t_build = time.perf_counter() - t0
        g = parity(d, {1, d // 2})
        D = uniform(d)
        fp, gp = f.packed, g.packed
        reps = max(repeats_for(d, repeats), 7)
        value = agreement_probability(f, g, D)
        res = interleaved_medians({
            "agreement": lambda: agreement_probability(f, g, D),
            "read": lambda: (np.sum(fp), np.sum(gp)),
        }, reps)
        t_a, t_r = res["agreement"]["median_s"], res["read"]["median_s"]
        rows.append({"d": d, "times": res, "ratio_to_read": t_a / t_r, "build_one_table_s": t_build,
                     "value": str(value), "packed_bytes_each": int(fp.nbytes)})
        print(f"{d:>3} {fmt_time(t_a):>10} {fmt_time(t_r):>10} {t_a / t_r:>6.2f} {fmt_time(t_build):>14}  {value}",
              flush=True)
        del f, g, fp, gp
    return {"read": "np.sum(f.packed), np.sum(g.packed)", "rows": rows}


# ---------------------------------------------------------------------------------------
# section 3: the adaptive SQ game


def bench_sq_game(ds: list[int], budget: int = 4096, tolerance: str = "1/8", wht_max: int = 16) -> dict[str, Any]:
    """Candidate-testing student vs the ``null`` responder, adaptive mode (no fixed teacher).

    The class is the paper's (4.3), {f_S : 1 in S}: 2^(d-1) candidates, and the whole game
    is 2^(d-1) - 1 feature queries, each checked against every candidate still possible.
    Two routes of the same oracle:

    - ``closed form``: the oracle recognises a parity feature and answers all candidates by
      E[f_S' f_S] (1/2 or 1/4), O(|version space|) per query; the whole game is timed;
    - ``WHT``: ``fast_paths=False``, one Walsh-Hadamard transform of the query's table per
      query (O(d 2^d)); at most ``budget`` queries are timed and the whole game extrapolated.
      ``wht share`` is the time of the bare transforms over the time of those queries.
    """
    print(f"\n== Adaptive SQ game: candidate testing vs the null responder, alpha = {tolerance}, class (4.3)")
    try:
        from finitelearn import StatisticalQueryOracle, paper_teachers, uniform, walsh_hadamard
        from finitelearn.learners import CandidateTesting
    except ImportError as exc:
        msg = f"skipped: finitelearn.oracles / learners.CandidateTesting missing ({exc})"
        print("   " + msg)
        return {"skipped": msg}
    header = (f"{'d':>3} {'route':>12} {'queries':>8} {'time':>9} {'queries/s':>10} {'whole game':>11} "
              f"{'wht share':>9}  stopped")
    print(header)
    print("-" * len(header))
    # warm up (JIT kernels of the oracle, both routes) at a small d
    for fast in (True, False):
        CandidateTesting().learn(StatisticalQueryOracle(paper_teachers(6), uniform(6), tolerance, "null",
                                                        fast_paths=fast))
    rows = []
    for d in ds:
        whole = 2 ** (d - 1) - 1
        for route, fast, cap in (("closed form", True, None), ("WHT", False, budget)):
            if not fast and d > wht_max:
                continue
            oracle = StatisticalQueryOracle(paper_teachers(d), uniform(d), tolerance, "null", fast_paths=fast)
            t0 = time.perf_counter()
            result = CandidateTesting().learn(oracle, budget=cap)
            elapsed = time.perf_counter() - t0
            q = oracle.queries
            rate = q / elapsed
            share = None
            if not fast:
                a = np.random.default_rng(d).integers(-1, 2, size=1 << d).astype(np.int64)
                t1 = time.perf_counter()
                for _ in range(50):
                    walsh_hadamard(a)
                share = (time.perf_counter() - t1) / 50 * q / elapsed
            row = {"d": d, "route": route, "queries": q, "seconds": elapsed, "queries_per_s": rate,
                   "whole_game_seconds": whole / rate, "measured_whole_game": q == whole,
                   "wht_share": share, "version_space_size": oracle.version_space_size, "stopped": result.stopped}
            rows.append(row)
            game = fmt_time(whole / rate) + ("" if q == whole else " (est.)")
            print(f"{d:>3} {route:>12} {q:>8} {fmt_time(elapsed):>9} {rate:>10.0f} {game:>11} "
                  f"{'' if share is None else f'{share:.0%}':>9}  {result.stopped}", flush=True)
    return {"student": "candidate-testing", "responder": "null", "tolerance": tolerance, "class": "paper_teachers(d)",
            "wht_budget": budget, "rows": rows}


# ---------------------------------------------------------------------------------------
# section 4: whole commands in fresh processes (startup, demo, scaling, Example 4.2)


def _run_child(args: list[str], env_extra: dict[str, str] | None = None, timeout: float = 1800) -> dict[str, Any]:
    """Wall time of one child process (this interpreter, this finitelearn), its exit code and last line."""
    import subprocess

    env = dict(os.environ)
    env.update(env_extra or {})
    t0 = time.perf_counter()
    try:
        cp = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - t0, "returncode": None, "last": f"timed out after {timeout:g} s"}
    lines = [ln for ln in (cp.stdout + cp.stderr).strip().splitlines() if ln.strip()]
    return {"seconds": time.perf_counter() - t0, "returncode": cp.returncode, "last": lines[-1] if lines else "",
            "stdout": cp.stdout[-4000:]}


def bench_startup(repeats: int = 5) -> dict[str, Any]:
    """``import finitelearn`` (best of ``repeats`` fresh interpreters, measured inside the child), the
    heavy optional modules it must not import, and ``finitelearn demo`` on a fresh install (an empty
    numba cache: every kernel it calls is compiled in the run) and warm (that cache filled), three of each."""
    import tempfile

    print("\n== Startup: import finitelearn, finitelearn demo (fresh install = empty NUMBA_CACHE_DIR)")
    probe = ("import sys, time; t = time.perf_counter(); import finitelearn; t = time.perf_counter() - t; "
             "heavy = [m for m in ('matplotlib', 'sympy', 'networkx', 'torch') if m in sys.modules]; "
             "print(repr((t, heavy)))")
    times, heavy = [], None
    for _ in range(repeats):
        r = _run_child(["-c", probe])
        if r["returncode"] == 0:
            t, heavy = eval(r["last"])
            times.append(t)
    out: dict[str, Any] = {"import_s": min(times) if times else None, "import_times": times, "heavy_imported": heavy}
    print(f"   import finitelearn: {fmt_time(out['import_s'])} (best of {len(times)}); heavy modules imported: {heavy}")
    # three fresh installs (each an empty numba cache), each followed by a warm run; the medians count
    runs: dict[str, list[float]] = {"fresh": [], "warm": []}
    for label in ("fresh", "warm"):
        out[f"demo_{label}_ok"] = True
    for i in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            cache = os.path.join(tmp, "numba-cache")
            for label in ("fresh", "warm"):
                r = _run_child(["-m", "finitelearn.cli", "demo", "--out", os.path.join(tmp, "demo"), "--no-progress"],
                               {"NUMBA_CACHE_DIR": cache})
                runs[label].append(r["seconds"])
                out[f"demo_{label}_ok"] = out[f"demo_{label}_ok"] and r["returncode"] == 0
                print(f"   finitelearn demo ({label}, install {i + 1} of 3): {fmt_time(r['seconds'])}"
                      + ("" if r["returncode"] == 0 else f"  FAILED: {r['last']}"), flush=True)
    for label in ("fresh", "warm"):
        out[f"demo_{label}_s"] = statistics.median(runs[label])
        out[f"demo_{label}_runs"] = runs[label]
        print(f"   finitelearn demo ({label}): median {fmt_time(out[f'demo_{label}_s'])}")
    return out


def bench_scaling(d_max: int = 16) -> dict[str, Any]:
    """``finitelearn scaling --d-min 2 --d-max D`` with the default students, in a fresh process (warm numba
    cache: a warm-up run at d <= 14 first, untimed, compiles what a first run would)."""
    import tempfile

    print(f"\n== finitelearn scaling --d-min 2 --d-max {d_max} (default students, warm cache)")
    with tempfile.TemporaryDirectory() as tmp:
        _run_child(["-m", "finitelearn.cli", "scaling", "--d-min", "13", "--d-max", "15", "--students",
                    "random-features,candidate-testing,greedy", "--budget", "3", "--out", os.path.join(tmp, "warm"),
                    "--no-progress", "--no-plot"])
        r = _run_child(["-m", "finitelearn.cli", "scaling", "--d-min", "2", "--d-max", str(d_max), "--out",
                        os.path.join(tmp, "run"), "--no-progress"])
        per_student: dict[str, float] = {}
        try:
            with open(os.path.join(tmp, "run", "scaling.json")) as fh:
                data = json.load(fh)
            for rec in data["records"] if isinstance(data, dict) else data:
                per_student[rec["student"]] = per_student.get(rec["student"], 0.0) + float(rec.get("seconds", 0.0))
        except (OSError, ValueError, KeyError):
            pass
    print(f"   {fmt_time(r['seconds'])}" + ("" if r["returncode"] == 0 else f"  FAILED: {r['last']}"))
    if per_student:
        print("   per student (records' seconds): " + ", ".join(f"{k} {v:.1f}s" for k, v in per_student.items()))
    return {"d_max": d_max, "seconds": r["seconds"], "ok": r["returncode"] == 0, "per_student_s": per_student}


def bench_example_4_2(epochs: int = 10) -> dict[str, Any]:
    """``finitelearn example 4.2 --epochs N`` in a fresh process: wall time and the child's CPU times."""
    import resource
    import tempfile

    print(f"\n== finitelearn example 4.2 --epochs {epochs}")
    load_before = load_average()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as tmp:
        r = _run_child(["-m", "finitelearn.cli", "example", "4.2", "--epochs", str(epochs), "--out", tmp], timeout=3600)
        try:
            with open(os.path.join(tmp, "example_4_2.json")) as fh:
                data = json.load(fh)
            accuracies = {name: [s["final_test_accuracy"], s["final_adversarial_accuracy"]]
                          for name, s in data["students"].items()}
            parallel = data.get("parallel")
        except (OSError, ValueError, KeyError):
            accuracies, parallel = {}, None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_after = load_average()
    # RUSAGE_CHILDREN counts the grandchildren too (the students' worker processes)
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    print(f"   {fmt_time(r['seconds'])} wall, {user:.1f} s user, {system:.1f} s system; load average "
          f"{load_before} before, {load_after} after"
          + ("" if r["returncode"] == 0 else f"  FAILED: {r['last']}"))
    if accuracies:
        print("   final test / adversarial accuracy: "
              + ", ".join(f"{k} {v[0]:.3f} / {v[1]:.3f}" for k, v in accuracies.items()))
    return {"epochs": epochs, "seconds": r["seconds"], "user_s": user, "system_s": system, "ok": r["returncode"] == 0,
            "last_line": r["last"], "load_before": load_before, "load_after": load_after,
            "parallel": parallel, "final_accuracies": accuracies}


# ---------------------------------------------------------------------------------------


def _goal(goal: str, measured: float | None, target: float, higher_is_better: bool, unit: str = "") -> dict[str, Any]:
    """One line of the goals table: met when measured beats target; ratio = how far (>= 1 means met)."""
    if measured is None:
        return {"goal": goal, "measured": None, "target": target, "ratio": None, "met": None, "unit": unit}
    ratio = measured / target if higher_is_better else target / measured
    return {"goal": goal, "measured": round(measured, 4), "target": target, "ratio": round(ratio, 3),
            "met": ratio >= 1.0, "unit": unit}


# ---------------------------------------------------------------------------------------
# section: the engine (issue 14)


def _peak_rss_bytes() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def bench_engine(ds: list[int], workers: int, repeats: int, peak_d: int) -> dict[str, Any]:
    print("\n== Engine: agreement of two lazy parities, in this process (1 thread) and on a "
          f"{workers}-worker LocalCluster")
    try:
        import finitelearn as fl
        from finitelearn.engine import range_sum
    except ImportError as exc:
        msg = f"skipped: finitelearn.lazy / engine missing ({exc})"
        print("   " + msg)
        return {"skipped": msg}
    try:
        import distributed  # noqa: F401
    except ImportError:
        msg = "skipped: dask/distributed not installed (pip install -e '.[dask]')"
        print("   " + msg)
        return {"skipped": msg}

    def pair(d: int) -> tuple[Any, Any]:
        return fl.parity(d, {0, d - 1}, lazy=True), fl.parity(d, {1, d - 2}, lazy=True)

    local = fl.local_engine(threads=1)
    f, g = pair(12)
    fl.agreement_probability(f, g, fl.uniform(12), engine=local)  # warm the kernels
    t0 = time.perf_counter()
    eng = fl.dask_engine(workers=workers, threads_per_worker=1)
    started = time.perf_counter() - t0
    rows: list[dict[str, Any]] = []
    out: dict[str, Any] = {"workers": workers, "cluster_start_s": started, "rows": rows}
    try:
        fl.agreement_probability(f, g, fl.uniform(12), engine=eng)  # warm (compile) on the workers
        header = (f"{'d':>3} {'in-process':>11} {'pts/s/core':>11} {'cluster':>9} {'pts/s/core':>11} "
                  f"{'ratio':>6} {'tasks':>6}  value")
        print(header)
        print("-" * len(header))
        for d in ds:
            f, g = pair(d)
            D = fl.uniform(d)
            values = {}

            def run_local() -> None:
                values["local"] = fl.agreement_probability(f, g, D, engine=local)

            def run_cluster() -> None:
                values["cluster"] = fl.agreement_probability(f, g, D, engine=eng)

            res = interleaved_medians({"local": run_local, "cluster": run_cluster}, repeats)
            assert values["local"] == values["cluster"]
            tl, tc = res["local"]["median_s"], res["cluster"]["median_s"]
            n = 1 << d
            nwords = n >> 6
            tasks = len(range(0, nwords, eng.chunk_size(nwords, None)))
            row = {"d": d, "points": n, "local_s": tl, "cluster_s": tc, "local_points_per_s_per_core": n / tl,
                   "cluster_points_per_s_per_core": n / tc / workers, "ratio": tl / tc, "tasks": tasks,
                   "value": str(values["local"])}
            rows.append(row)
            print(f"{d:>3} {fmt_time(tl):>11} {n / tl:>11.3g} {fmt_time(tc):>9} {n / tc / workers:>11.3g} "
                  f"{tl / tc:>6.2f} {tasks:>6}  {values['local']}", flush=True)
        # the cluster's cost per task: trivial tasks (a closed-form sum), one per chunk
        ntasks = 200
        t0 = time.perf_counter()
        eng.map_reduce(range_sum, (), ntasks, chunk=1)
        per_task = (time.perf_counter() - t0) / ntasks
        out["task_overhead_s"] = per_task
        print(f"   per-task overhead of the cluster: {fmt_time(per_task)} (200 trivial tasks, wall-clock)")
        # in-process: the same d, one chunk vs the default chunks
        d = ds[0]
        f, g = pair(d)
        D = fl.uniform(d)
        one = fl.local_engine(chunk=1 << 40)
        res = interleaved_medians({"default": lambda: fl.agreement_probability(f, g, D, engine=local),
                                   "one chunk": lambda: fl.agreement_probability(f, g, D, engine=one)}, repeats)
        out["local_chunk_overhead"] = res["default"]["median_s"] / res["one chunk"]["median_s"] - 1
        print(f"   in-process chunking overhead at d = {d}: {100 * out['local_chunk_overhead']:+.1f}% "
              "(default chunks vs one chunk)")
        # peak memory of every process at d = peak_d
        f, g = pair(peak_d)
        t0 = time.perf_counter()
        v = fl.agreement_probability(f, g, fl.uniform(peak_d), engine=eng)
        tc = time.perf_counter() - t0
        worker_peaks = eng.client.run(_peak_rss_bytes)
        t0 = time.perf_counter()
        assert fl.agreement_probability(f, g, fl.uniform(peak_d), engine=local) == v
        tl = time.perf_counter() - t0
        out["peak"] = {"d": peak_d, "cluster_s": tc, "local_s": tl, "value": str(v),
                       "worker_peak_rss_bytes": worker_peaks, "client_peak_rss_bytes": _peak_rss_bytes()}
        print(f"   d = {peak_d}: cluster {fmt_time(tc)}, in-process {fmt_time(tl)}; peak resident memory: "
              + ", ".join(f"worker {i} {b / 2**20:.0f} MiB" for i, b in enumerate(worker_peaks.values()))
              + f", this process {_peak_rss_bytes() / 2**20:.0f} MiB")
    finally:
        eng.close()
    return out


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals of issue 13 ("Done means"), judged on this run's medians; printed and kept in the JSON.

    ``ratio`` >= 1 means met (measured over target for a speed-up, target over measured for a time).
    A line whose section did not run is printed as "not run".
    """
    wht_rows = {(r["d"], r["dtype"]): r for r in results.get("wht", {}).get("rows", [])}

    def speedup(d: int, dtype: str, peer: str) -> float | None:
        r = wht_rows.get((d, dtype))
        return None if r is None else r["speedup"].get(peer)

    out = [
        _goal("exact integer spectrum (integer_spectrum) at d = 24 >= 2x faster than pyfwht's int32 transform",
              speedup(24, "spectrum", "pyfwht"), 2.0, True, "x"),
        _goal("float64 walsh_hadamard at d = 24 >= 2.5x faster than pyfwht's CPU backend",
              speedup(24, "float64", "pyfwht"), 2.5, True, "x"),
        _goal("float64 walsh_hadamard at d = 24 within 1.4x the two-pass memory floor",
              None if (24, "float64") not in wht_rows else wht_rows[(24, "float64")]["ratio_to_floor"], 1.4, False, "x floor"),
        # the two readings of that line an out-of-place function can be held to (the floor copies
        # between ready arrays; a new output array is paged in and zeroed by the OS on first touch)
        _goal("[restated] the float64 kernel in place (wht_inplace, ready buffer) at d = 24 within 1.4x the two-pass floor",
              (wht_rows.get((24, "float64")) or {}).get("ours_inplace_to_floor"), 1.4, False, "x floor"),
        _goal("[restated] float64 walsh_hadamard at d = 24 within 1.4x the new-array floor (a copy into a new array "
              "+ one ready copy)", (wht_rows.get((24, "float64")) or {}).get("ratio_to_fresh_floor"), 1.4, False,
              "x new-array floor"),
    ]
    ds = [d for d in range(20, 27) if (d, "float64") in wht_rows]
    if ds:
        worst = min((x for d in ds for dt in ("float64", "spectrum") for x in
                     [v for v in (wht_rows.get((d, dt)) or {"speedup": {}})["speedup"].values()]), default=None)
        span = f"d = {ds[0]}..{ds[-1]}" + ("" if ds == list(range(20, 27)) else " (not all of 20..26 measured)")
        out.append(_goal(f"no peer faster than us at any d in 20..26 (float64 and exact-spectrum rows; {span}): "
                         "slowest peer / our time", worst, 1.0, True, "x"))
    else:
        out.append(_goal("no peer faster than us at any d in 20..26", None, 1.0, True))
    game = [r for r in results.get("sq_game", {}).get("rows", []) if r["d"] == 20 and r["route"] == "closed form"]
    out.append(_goal("candidate-testing game at d = 20 (2^19 - 1 queries) under 60 s",
                     game[0]["whole_game_seconds"] if game else None, 60.0, False, "s"))
    sc = results.get("scaling")
    out.append(_goal("finitelearn scaling --d-min 2 --d-max 16, default students, under 60 s",
                     sc["seconds"] if sc and sc.get("ok") and sc.get("d_max") == 16 else None, 60.0, False, "s"))
    st = results.get("startup", {})
    out.append(_goal("finitelearn demo under 5 s after a fresh install (first run, median of 3)",
                     st.get("demo_fresh_s") if st.get("demo_fresh_ok") else None, 5.0, False, "s"))
    out.append(_goal("import finitelearn under 0.3 s", st.get("import_s"), 0.3, False, "s"))
    ex = results.get("example_4_2")
    out.append(_goal("finitelearn example 4.2 --epochs 10 under 3 minutes",
                     ex["seconds"] if ex and ex.get("ok") and ex.get("epochs") == 10 else None, 180.0, False, "s"))
    for row in results.get("agreement", {}).get("rows", []):
        if row["d"] == 28:
            out.append(_goal("exact agreement at d = 28 within 1.5x of reading both packed tables",
                             row["ratio_to_read"], 1.5, False, "x read"))
    engine = results.get("engine", {})
    for row in engine.get("rows", []):
        if row["d"] == max(r["d"] for r in engine["rows"]):
            out.append(_goal(f"in-process lazy kernel >= 1e9 points/s/core (parity-like, d = {row['d']}) [issue 14]",
                             row["local_points_per_s_per_core"], 1e9, True, "points/s"))
        if row["d"] == 34:
            out.append(_goal(f"{engine['workers']}-worker cluster >= 1.6x one in-process thread at d = 34 [issue 14]",
                             row["ratio"], 1.6, True, "x"))
    if "peak" in engine:
        peaks = list(engine["peak"]["worker_peak_rss_bytes"].values()) + [engine["peak"]["client_peak_rss_bytes"]]
        out.append(_goal(f"no process above 1 GiB at d = {engine['peak']['d']} [issue 14]",
                         max(peaks) / 2**20, 1024.0, False, "MiB"))
    print("\n== Goals (issues 13 and 14, this run; ratio >= 1 means met)")
    for g in out:
        verdict = {True: "met    ", False: "NOT met", None: "not run"}[g["met"]]
        shown = "-" if g["measured"] is None else f"{g['measured']:g} {g['unit']}".strip()
        ratio = "" if g["ratio"] is None else f"  ratio {g['ratio']:.2f}"
        print(f"   {verdict}  {g['goal']}: {shown} (target {g['target']:g}){ratio}")
    return out


def bench_one_query(ds: list[int], tolerance: str = "1/8", time_limit: float = 120.0) -> dict[str, Any]:
    """The exact one-query maximum (CP-SAT, reduced model, two workers) for the class (4.3), per answer model.

    One solve per cell (a solver run is not repeatable to the millisecond: the figure is
    the wall time of one solve, with the status it reached within ``time_limit``).
    """
    import finitelearn as fl

    print(f"\none-query maximum, class (4.3), uniform, alpha = {tolerance}, time limit {time_limit:g} s")
    rows = []
    for d in ds:
        for answer, req in (("null", True), ("null", False), ("max_consistent", True)):
            r = fl.max_eliminations(fl.paper_teachers(d), fl.uniform(d), tolerance, answer=answer,
                                    require_consistent=req, time_limit=time_limit)
            rows.append({"d": d, "answer": answer, "require_consistent": req, "status": r.status,
                         "lower": r.lower, "upper": r.upper, "seconds": r.seconds})
            print(f"  d = {d}  {answer:>14} consistent={req!s:5}  {r.status:8} [{r.lower}, {r.upper}]  {r.seconds:8.2f} s")
    return {"tolerance": tolerance, "time_limit": time_limit, "rows": rows}


# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--d-min", type=int, default=10)
    ap.add_argument("--d-max", type=int, default=24)
    ap.add_argument("--big", action="store_true", help="add d = 26, 28 to the transform where memory allows")
    ap.add_argument("--repeats", type=int, default=None, help="repeats per figure (default: 9 / 5 / 3 by size)")
    ap.add_argument("--json", default="bench.json", help="where to write the figures (default: bench.json)")
    ap.add_argument("--threads", type=int, default=1,
                    help="threads for the kernel column (wht_copy(threads=N), opt-in parallel path) and numba; "
                         "default 1. The public walsh_hadamard and the peers stay as they are")
    ap.add_argument("--ffht", default=None, metavar="LIB",
                    help="a libffht.so built from FFHT's sources: measured as a float64 peer (see load_ffht)")
    ap.add_argument("--sympy-max", type=int, default=12, help="largest d for sympy's fwht (slow)")
    ap.add_argument("--agree-min", type=int, default=20)
    ap.add_argument("--agree-max", type=int, default=28)
    ap.add_argument("--sq-d", type=int, nargs="*", default=[12, 14, 16, 20])
    ap.add_argument("--sq-wht-max", type=int, default=16, help="largest d of the game's one-WHT-per-query route")
    ap.add_argument("--scaling-d-max", type=int, default=16)
    ap.add_argument("--epochs", type=int, default=10, help="epochs of the example-4.2 section")
    ap.add_argument("--sq-budget", type=int, default=4096)
    ap.add_argument("--one-query-d", type=int, nargs="*", default=[4, 5, 6])
    ap.add_argument("--one-query-time-limit", type=float, default=120.0)
    ap.add_argument("--engine-d", type=int, nargs="*", default=[30, 31, 32, 33, 34])
    ap.add_argument("--engine-workers", type=int, default=2)
    ap.add_argument("--engine-peak-d", type=int, default=36)
    ap.add_argument("--sections", nargs="*",
                    default=["wht", "agreement", "sq-game", "one-query", "startup", "scaling", "engine"],
                    choices=["wht", "agreement", "sq-game", "one-query", "startup", "scaling", "example-4.2", "engine"],
                    help="default: all but example-4.2 (5-11 minutes on two cores)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import numba

    if args.threads < 1 or args.threads > numba.config.NUMBA_NUM_THREADS:
        ap.error(f"--threads must be in 1..{numba.config.NUMBA_NUM_THREADS}")
    numba.set_num_threads(args.threads)

    info = machine_info(args.threads)
    print(f"finitelearn bench: {info['cpu']}, {info['cpu_count']} cpus, numpy {info['numpy']}, "
          f"numba {info['numba']}, python {info['python']}, threads {args.threads}, "
          f"load average {info['load_average_at_start']}")
    results: dict[str, Any] = {"machine": info, "args": vars(args)}

    if "wht" in args.sections:
        ds = list(range(args.d_min, args.d_max + 1))
        skipped_big = []
        if args.big:
            avail = mem_available()
            for d in (26, 28):
                if d <= args.d_max:
                    continue
                # input, our copy, a peer's copy and numpy's temporaries: ~6 arrays of 8 * 2^d
                need = 6 * 8 * (1 << d)
                if avail is None or need < 0.8 * avail:
                    ds.append(d)
                else:
                    skipped_big.append({"d": d, "need_bytes": need, "available_bytes": avail})
                    print(f"(skipping d = {d}: needs about {need / 2**30:.1f} GiB, "
                          f"{avail / 2**30:.1f} GiB available)")
        results["wht"] = bench_wht(ds, args.repeats, args.sympy_max, args.seed, args.threads, args.ffht)
        results["wht"]["skipped_sizes"] = skipped_big
    if "agreement" in args.sections:
        results["agreement"] = bench_agreement(list(range(args.agree_min, args.agree_max + 1)), args.repeats)
    if "sq-game" in args.sections:
        results["sq_game"] = bench_sq_game(args.sq_d, args.sq_budget, wht_max=args.sq_wht_max)
    if "one-query" in args.sections:
        results["one_query"] = bench_one_query(args.one_query_d, time_limit=args.one_query_time_limit)
    if "startup" in args.sections:
        results["startup"] = bench_startup()
    if "scaling" in args.sections:
        results["scaling"] = bench_scaling(args.scaling_d_max)
    if "example-4.2" in args.sections:
        results["example_4_2"] = bench_example_4_2(args.epochs)

    if "engine" in args.sections:
        results["engine"] = bench_engine(args.engine_d, args.engine_workers, args.repeats or 3, args.engine_peak_d)

    results["goals"] = goals(results)
    info["load_average_at_end"] = load_average()
    with open(args.json, "w") as fh:
        json.dump(results, fh, indent=1, default=str)
    print(f"\nwrote {args.json} (load average at end: {info['load_average_at_end']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
