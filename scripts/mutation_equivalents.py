"""The surviving mutants of scripts/mutation.py that are equivalent, each with the reason.

A rule names a module (relative to finitelearn/), the line a mutant changes and the line it
becomes (both stripped, as in cosmic-ray's diff; ``None`` for any mutant of that line), and
why no test can tell them apart: the program computes the same values for every input its
callers can pass.  A survivor matching
no rule is reported as NOT EXPLAINED; the goal is none.
"""

from __future__ import annotations


_1D = ("the array is one-dimensional (the kernel's contract, every caller passing a 1-D array, or by "
       "construction where noted in ONE_D), so shape[-1] is shape[0]")

_DISPATCH = ("the choice between the textbook loop and the blocked kernel: both compute the exact transform "
             "(each bound to the definition on every length in tests/_kernels/test_wht.py, the blocked one from "
             "d = 6 = its smallest sub-block, which is what it gets at 64 elements); only the speed differs")

_TUNING = ("a default of the blocked kernel's tuning (sizes of sub-blocks, blocks, chunks): the schedule "
           "changes, the transform does not (every tuning in tests/_kernels/test_wht.py::TUNINGS, down to "
           "(6, 6, 6), is bound to the definition); a mutant keeps the default >= 6 where it must be")

_EVEN = ("max|a| * 2^d with 2^d >= 2 (the check runs for n > 1) is even, so it is never 2^63 - 1 (odd): "
         "'> 2^63 - 1', '>= 2^63 - 1' and '> 2^63 - 2' hold for the same products (_INT64_MAX is used only there)")

_DISJOINT = "no number is both < 0 and > 1, so the exclusive or of the two masks is their or"

_BRANCH = ("which uncovered element the exact cover search branches on: every cover contains a set covering "
           "any one of them, so the search stays complete (the fewest-sets element is only faster)")

_ROUTE = ("which route counts the agreement when neither function is lazy: the engine's chunked count of "
          "as_lazy(h) ^ as_lazy(T) or the kernels on the tables; both are exact over every distribution "
          "(the engine route is compared with the table route in tests/test_lazy.py and tests/test_dask.py, the "
          "table route with enumeration in tests/test_agreement.py, and a lazy function on either side must "
          "take the engine route: test_one_lazy_function_is_never_tabulated), only the speed differs")

_FIRST_WINDOW = ("an initial value of best_window's running best, replaced by the first window whatever it is: "
                 "every window's count is >= -1 > -2 = best_cnt's start, and best_window runs on > 2048 values "
                 "(_KERNEL_MIN), so there is a first window")
_NEVER_BEST = ("windows not holding the truth never give the answer: the caller puts the truth among v "
               "(_start_at_truth), so the window starting at it holds it and counts >= 0, and a window "
               "scored -1, -2 or -3 never beats it (only a larger count, or an equal count at a smaller "
               "distance, replaces the best; distances are >= 0); among the windows holding the truth the "
               "order is unchanged")
_R = "_kernels/responders.py"

_BELOW_VALID = ("the mark of windows that miss the truth only has to be below every valid window's count, which "
                "is >= 0: the window starting at the truth (_start_at_truth puts it among the values) holds it")
_RROUTE = ("which route computes the max-consistent answer or groups the values (the kernels, numpy, sorting): "
           "all exact and with the same answer and count (each bound to the definition in tests/test_responders.py "
           "and tests/_kernels/test_responders.py); only the speed and the memory differ, within the guards")
_SHORTCUT = ("the shortcut \"every value is within t of the answer, nobody is ruled out\" taken less often, or "
             "on exact values only: the general mask |v scale - answer| <= t scale that runs instead is exact (int64 "
             "at scale 1 below 2^61, exact Python ints otherwise), and it keeps everyone exactly where the shortcut "
             "would; a mutant that took the shortcut wrongly would rule out nobody and is killed, not listed here")
_HALF = ("n = 2^d with d <= 62: n / 2 is exact in float64 and becomes the same int64 as n // 2")
# (module, line before, line after or None for any, why)
RULES: list[tuple[str, str, str | None, str]] = [
    ("_kernels/greedy.py", "if count[c] == 0 or p < first[c]:", "if count[c] <= 0 or p < first[c]:",
     "count[c] counts hits, >= 0: <= 0 is == 0"),
    *[("_kernels/greedy.py", b, b.replace("== 0", "<= 0"), "counts are >= 0 (hits, and the members not hit): "
       "<= 0 is == 0") for b in ("if rest == 0:", "if count[c] == 0:", "if count[ci] == 0:")],
    ("_kernels/greedy.py", "while i < n and found < out.shape[0]:", "while i != n and found < out.shape[0]:",
     "i starts at 1 <= n (the version space is never empty) and grows by one: it stops at n either way"),
    ("_kernels/greedy.py", "if count[c] == 0 or p < first[c]:", "if count[c] == 0 or p <= first[c]:",
     "p == first[c] only if one member were hit twice, and the span's entries are distinct (independent "
     "directions: the kernel's contract, which the student's GF(2) basis keeps), so a ^ span[J] differ"),
    ("_kernels/greedy.py", "dist = max(max(lo - null, null - hi), 0)", "dist = max(max(lo - null, null - hi), -1)",
     "only the choice among windows of the largest count changes (a window holding the null value strictly "
     "inside is preferred): simulate_removed returns only the number ruled out, and every answer of a "
     "largest window keeps exactly best_cnt members"),
    ("_kernels/greedy.py", "s[x | h] = s[x] ^ si", "s[x ^ h] = s[x] ^ si", "x < h = 2^i: x | h is x ^ h"),
    ("_kernels/greedy.py", "if dist < bdist or (dist == bdist and first[c] < first[best_c]):",
     "if dist < bdist or (dist <= bdist and first[c] < first[best_c]):",
     "dist < bdist already satisfies the first clause, so <= in the second adds only =="),
    *[("_kernels/greedy.py", b, b.replace("r != 0", "r > 0"),
       "r is an xor of masks (>= 0) and pivots (>= 0), never negative: > 0 is != 0")
      for b in ("while r != 0 and p >= 0:", "if r != 0:")],
    ("_kernels/greedy.py", "while r != 0 and p >= 0:", "while r != -1 and p >= 0:",
     "r is never -1 (>= 0); once r is 0 the remaining steps see no set bit and change nothing: the same r "
     "and pivot afterwards"),
    ("_kernels/greedy.py", "if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):",
     "if cnt > best_cnt or (cnt == best_cnt and dist >= best_dist):",
     "only the choice among windows of the largest count changes: simulate_removed returns only the number "
     "ruled out, and every answer of a largest window keeps exactly best_cnt members"),
    *[("_kernels/greedy.py", "if hits[j] > best:", f"if hits[j] {op} best:",
       "a pruning bound: a translate's strong hits bound the members any adversary's answer rules out (the "
       "docstring's 'no adversary rules out more'), so simulating also those with hits <= best changes "
       "nothing (a candidate replaces the best only when it rules out strictly more); only the time differs")
      for op in (">=", "!=")],
    *[("_kernels/greedy.py", "first = np.full(m, -1, np.int64)", f"first = np.full(m, {e}, np.int64)",
       "first[c]'s initial value is never read: the first hit of a group writes it (count[c] == 0), and the "
       "null value's group c = n has no hits (coefficients are never 0) and is read only when rest == 0, "
       "where it is empty") for e in ("~1", "1")],
    ("_kernels/greedy.py", "best_cnt = -1", "best_cnt = - 2",
     "the running best's start is replaced by the first window, which counts >= 1 (it holds its start)"),
    ("_kernels/greedy.py", "best_dist = 0", "best_dist = -1",
     "the first window beats the start best_cnt = -1 on its count, and writes best_dist before any "
     "comparison reads it"),
    ("_kernels/greedy.py", "if count[ci] == 0:", "if count[ci] == -1:",
     "windows also start at empty slots: such a window holds at most as many members as the window starting "
     "at its lowest member (<= best_cnt), and one of the largest count keeps exactly best_cnt members "
     "whatever its answer: the number ruled out, the only result, is the same"),
    ("_kernels/greedy.py", "cnt = 0", "cnt = 1",
     "every window's count is one more: the same comparisons between windows, the same answer; the count "
     "itself is not returned"),
    ("_kernels/greedy.py", "pivot = np.zeros(64, np.int64)  # pivot[p]: a reduced basis vector whose leading bit is p, or 0",
     "pivot = np.zeros( 65, np.int64)  # pivot[p]: a reduced basis vector whose leading bit is p, or 0",
     "one more slot, never read or written (bits run 63..0)"),
    *[("_kernels/greedy.py", "best_src = -1", f"best_src = {e}",
       "the source's start is returned only with pattern -1, which the caller reads as 'no query' and ignores; "
       "any candidate that rules out someone overwrites it") for e in ("+1", "not 1", "- 0")],
    ("_kernels/greedy.py", "c = 0", "c = 1",
     "every translate's strong-hit count one more: the same order (argsort of -hits) and a looser pruning "
     "bound (hits + 1 > best), which only simulates more candidates that cannot win"),
    ("_kernels/greedy.py", "c += 1", "c += 2",
     "strong-hit counts doubled: the same order (argsort of -hits) and a looser pruning bound (2 hits > "
     "best), which only simulates more candidates that cannot win"),
    ("_kernels/greedy.py", "y[x | h] = y[x] ^ yi", "y[x ^ h] = y[x] ^ yi", "x < h = 2^i: x | h is x ^ h"),
    ("_kernels/greedy.py", "if dist > t:", "if dist >= t:",
     "at dist == t the value moved t towards the null value is the null value itself, the answer either way"),
    *[("_kernels/greedy.py", "best_p = -1", f"best_p = {e}",
       "'no candidate' only has to be negative: the caller reads `p < 0`, and any candidate overwrites it")
      for e in ("~1", "- 2")],
    ("_kernels/greedy.py", "order = np.argsort(-hits, kind=\"mergesort\")  # stable: ties by position",
     "order = np.argsort(~hits, kind=\"mergesort\")  # stable: ties by position",
     "~hits is -hits - 1: the same order, ties kept by position (a stable sort)"),
    *[("_kernels/greedy.py", "first = np.full(m, -1, np.int64)", f"first = np.full(m, {e}, np.int64)",
       "first[c]'s initial value is never read: the first hit of a group writes it (count[c] == 0), and the "
       "null value's group c = n has no hits (coefficients are never 0) and is read only when rest == 0, "
       "where it is empty") for e in ("not 1", "- 2")],
    ("_kernels/greedy.py", "best_src = -1", "best_src = 1",
     "the source's start is returned only with pattern -1, which the caller reads as 'no query' and ignores; "
     "any candidate that rules out someone overwrites it"),
    ("_kernels/greedy.py", "m = 2 * n + 1", "m = 2 * n + 2",
     "one extra slot c = 2n + 1, never written (c = coefficient + n <= 2n) and skipped by every loop as empty"),
    ("_kernels/greedy.py", "best_c = -1", "best_c = - 2", "any negative start reads as 'no group yet' (best_c < 0)"),
    ("_kernels/greedy.py", "best_dist = 0", "best_dist = 1",
     "the first window beats the start best_cnt = -1 on its count, and writes best_dist before any "
     "comparison reads it"),
    ("_kernels/greedy.py", "dist = max(max(lo - null, null - hi), 0)", "dist = max(max(lo - null, null - hi), 1)",
     "only the choice among windows of the largest count changes (windows holding the null value no longer "
     "win ties): simulate_removed returns only the number ruled out, and every answer of a largest window "
     "keeps exactly best_cnt members"),
    ("_kernels/greedy.py", "if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):",
     "if cnt > best_cnt or (cnt > best_cnt and dist < best_dist):",
     "only strictly larger counts replace the best, so the first window of the largest count is kept: only "
     "the choice among windows of the largest count changes, and every answer of one keeps exactly best_cnt "
     "members, the number ruled out being the only result"),
    *[("_kernels/greedy.py", "out = np.empty(min(k, 64), np.int64)", f"out = np.empty(min(k, {e}), np.int64)",
       "at most 62 differences of masks below 2^62 are independent, so at most 62 slots are ever filled and "
       "found reaches min(k, 62) either way") for e in ("65", "63")],
    ("_kernels/greedy.py", "break", "continue",
     "only the window scan's `if vj > top: break` survives this way: the values ascend along the scan, so "
     "once one is past the window's top every later one is too, and continuing adds nothing"),
    ("_kernels/greedy.py", "if rest == 0:", "if rest >= 0:",
     "with rest > 0 the nearest group is the null value's own (count[n] >= rest > 0, distance 0 <= t), so "
     "the answer stays the null value"),
    ("_kernels/greedy.py", "if count[ci] == 0:", "if count[ci] < 0:",
     "windows also start at empty slots: such a window holds at most as many members as the window starting "
     "at its lowest member (<= best_cnt), and one of the largest count keeps exactly best_cnt members "
     "whatever its answer: the number ruled out, the only result, is the same"),
    *[("_kernels/greedy.py", b, a, "only the choice among windows of the largest count changes: the answer min(max(null, lo'), hi) still lies in [last - t, vi + t], where it keeps exactly the window's members, and the distance only breaks ties between windows of equal count; simulate_removed returns only the number ruled out") for b, a in (
        ("lo = last - t", "lo = last + t"),
        ("dist = max(max(lo - null, null - hi), 0)", "dist = max(max(lo + null, null - hi), 0)"),
        ("dist = max(max(lo - null, null - hi), 0)", "dist = max(max(lo - null, null + hi), 0)"))],
    ("_kernels/greedy.py", "while i < n and found < out.shape[0]:", "while i < n and found != out.shape[0]:",
     "found starts at 0 and grows by one, stopping at out.shape[0]: != is <"),
    ("_kernels/greedy.py", "if dist < bdist or (dist == bdist and first[c] < first[best_c]):",
     "if dist < bdist or (dist == bdist and first[c] <= first[best_c]):",
     "two groups never share their first member (a member has one value), so first[c] == first[best_c] "
     "never holds for c != best_c"),
    ("_kernels/greedy.py", "ans = v - t if v > null else v + t", "ans = v - t if v >= null else v + t",
     "v == null only for the null value's group, at distance 0 <= t, which never reaches this line"),
    ("_kernels/greedy.py", "for ci in range(m - 1, -1, -1):", "for ci in range(m - 1, ~1, -1):",
     "the extra window at ci = -1 (count[-1] is the last slot, read again) has an empty inner loop "
     "(range(-1, -1, -1)): it counts no member and never beats a window counting >= 1"),
    ("_kernels/greedy.py", "m = 2 * n + 1", "m = 3 * n + 1",
     "the extra slots c > 2n are never written (coefficients lie in [-n, n], so c = coefficient + n <= 2n) "
     "and every loop over the slots skips the empty ones"),
    ("_kernels/greedy.py", "first = np.full(m, -1, np.int64)", "first = np.full(m, - 0, np.int64)",
     "first[c]'s initial value is never read: the first hit of a group writes it (count[c] == 0), and the "
     "null value's group c = n has no hits (coefficients are never 0) and is read only when rest == 0, "
     "where it is empty"),
    ("_kernels/greedy.py", "best_c = -1", "best_c = ~1", "any negative start reads as 'no group yet' (best_c < 0)"),
    ("_kernels/greedy.py", "if best_c < 0:", "if best_c < -1:",
     "with the start -1 the else branch runs instead for the first present group: it compares the group's "
     "distance with best_c's, |-1 - n| b = (n + 1) b, farther than any group's (at most n b), so the first "
     "present group replaces the start either way"),
    *[("_kernels/greedy.py", "best_cnt = -1", f"best_cnt = {e}",
       "the running best's start is replaced by the first window, which counts >= 1 (it holds its start)")
      for e in ("not 1", "- 0")],
    ("_kernels/greedy.py", "for ci in range(m - 1, -1, -1):", "for ci in range(m - 1, - 2, -1):",
     "the extra window at ci = -1 (count[-1] is the last slot, read again) has an empty inner loop "
     "(range(-1, -1, -1)): it counts no member and never beats a window counting >= 1"),
    ("_kernels/greedy.py", "cnt = 0", "cnt = -1",
     "every window's count is one less: the same comparisons between windows (the first still beats the "
     "start -1, counting >= 0), the same answer; the count itself is not returned"),
    *[("_kernels/greedy.py", "if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):", e,
       "only the choice among windows of the largest count changes: simulate_removed returns only the number "
       "ruled out, and every answer of a largest window keeps exactly best_cnt members (at least its window; "
       "at most best_cnt, since the members within t of an answer lie in a window of width 2t)")
      for e in ("if cnt > best_cnt or (cnt >= best_cnt and dist < best_dist):",
                "if cnt > best_cnt or (cnt == best_cnt and dist == best_dist):",
                "if cnt > best_cnt or (cnt == best_cnt and dist != best_dist):",
                "if cnt > best_cnt or (cnt == best_cnt and dist > best_dist):",
                "if cnt >= best_cnt or (cnt == best_cnt and dist < best_dist):")],
    *[("_kernels/greedy.py", "while r != 0 and p >= 0:", e,
       "a nonzero r always has a set bit at some p >= 0, where the loop breaks (no pivot) or clears it, so r "
       "is never nonzero below bit 0; and once r is 0 the remaining steps see no set bit and change nothing: "
       "the same r and pivot afterwards") for e in (
        "while r >= 0 and p >= 0:", "while r != 0 or p >= 0:", "while r != 0 and p >= -1:")],
    ("_kernels/greedy.py", "pivot = np.zeros(64, np.int64)  # pivot[p]: a reduced basis vector whose leading bit is p, or 0",
     "pivot = np.zeros( 63, np.int64)  # pivot[p]: a reduced basis vector whose leading bit is p, or 0",
     "differences of masks below 2^62 have bits 62 and 63 clear: pivot[62] and pivot[63] are never read or "
     "written"),
    ("_kernels/greedy.py", "out = np.zeros(1 << k, np.int64)", "out = np.zeros( 2 << k, np.int64)",
     "the span is read only at J < 2^k (supports and strong sets of a pattern of k directions); the "
     "entries beyond stay 0 and unread"),
    *[("_kernels/greedy.py", "best_a = np.int64(0)", f"best_a = np.int64({e})",
       "the anchor's start is returned only with pattern -1, which the caller reads as 'no query' and "
       "ignores the anchor; any candidate that rules out someone overwrites it") for e in (" 1", " -1")],
    *[("_kernels/greedy.py", b, b.replace("-1", e),
       "the source only has to be negative for a block translate (the caller reads `src >= 0`), and the "
       "start is returned only with pattern -1, ignored")
      for b in ("best_src = -1", "best, best_p, best_a, best_src = removed, p, translates[j], -1")
      for e in ("~1", "- 2")],
    ("_kernels/greedy.py", "if pivot[p] == 0:", "if pivot[p] <= 0:",
     "pivot[p] is 0 or a reduced difference of two masks (>= 0, below 2^62), never negative: <= 0 is == 0"),
    ("_kernels/greedy.py", "if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):",
     "if cnt > best_cnt or (cnt == best_cnt and dist <= best_dist):",
     "a later window of the same count and distance gives another answer, but simulate_removed returns only "
     "the number ruled out, and every answer of a largest window keeps exactly best_cnt members: at least its "
     "window, and at most best_cnt, since the members within t of any answer lie in a window of width 2t, "
     "which the window starting at its lowest value contains"),
    ("_kernels/greedy.py", "while i < n and found < out.shape[0]:", "while i <= n and found < out.shape[0]:",
     "the extra step i = n takes the difference vs[anchor] ^ vs[anchor] = 0, which is in every span: "
     "nothing is added"),
    ("_kernels/greedy.py", "i = 1", "i = 0",
     "the extra first step i = 0 takes the difference vs[anchor] ^ vs[anchor] = 0, which is in every span: "
     "nothing is added, and the rest of the sequence is the same"),
    ("_kernels/greedy.py", "p = 63", "p = 62",
     "the differences are xors of masks below 2^62 (a cube has d <= 62): bits 62 and 63 are 0, so the "
     "reduction may start at bit 62"),
    ("_kernels/greedy.py", "first = np.full(m, -1, np.int64)", "first = np.full(m, +1, np.int64)",
     "first[c]'s initial value is never read: the first hit of a group writes it (count[c] == 0), and the "
     "null value's group c = n has no hits (coefficients are never 0) and is read only when rest == 0, "
     "where it is empty"),
    ("_kernels/greedy.py", "best_cnt = -1", "best_cnt = ~1",
     "the running best's start is replaced by the first window, which counts >= 1 (it holds its start)"),
    ("_kernels/greedy.py", "best, best_p, best_a, best_src = removed, p, translates[j], -1",
     "best, best_p, best_a, best_src = removed, p, translates[j], ~1",
     "the source of a block translate only has to be negative: the caller reads it as `src >= 0`"),
    (_R, "if cnt > best_cnt or (cnt == best_cnt and dist < best_dist):",
     "if cnt > best_cnt or (cnt >= best_cnt and dist < best_dist):",
     "cnt > best_cnt already satisfies the first clause, so >= in the second adds no case"),
    (_R, "if per[k] != 0:", "if per[k] > 0:",
     "per[k] sums multiplicities, which are >= 0 (the oracle's counts of members per value; the "
     "public max_consistent_answer documents counts as multiplicities): != 0 is > 0"),
    (_R, "while j < n and v[j] <= top:", "while j != n and v[j] <= top:",
     "j starts at 0 and grows by one only while j < n: it never passes n, so j != n is j < n"),
    *[(_R, "best_cnt = np.int64(-2)", f"best_cnt = np.int64({e})", _FIRST_WINDOW + " (below -2 as well)")
      for e in ("- 3", "~2")],
    (_R, "best_cnt = np.int64(-2)", "best_cnt = np.int64(- 1)",
     "a start of -1 is replaced by the first window counting >= 0 instead of by the first window: "
     "windows scored -1 (not holding the truth) never give the answer anyway, and one counting >= 0 "
     "always exists (without a truth every window holds its start, count >= 1; with one, the window "
     "starting at the truth, which the caller puts among v); from there the scan is the same"),
    *[(_R, f"{name} = np.int64(0)", f"{name} = np.int64({e})", _FIRST_WINDOW)
      for name in ("best_dist", "best_lo", "best_hi") for e in (" 1", " -1")],
    *[(_R, "cnt = -1", f"cnt = {e}", _NEVER_BEST) for e in ("- 2", "~1")],
    (_R, "dist = max(max(lo - null, null - hi), 0)", "dist = max(max(lo - null, null - hi), -1)",
     "the distance becomes -1 instead of 0 exactly where lo < null < hi, and a window whose interval "
     "holds the null value (distance <= 0 either way) answers the null value: among the windows of "
     "the largest count the first one holding it (original) and the first one holding it strictly "
     "inside, else the first holding it (mutant), answer the same, and keep the same count"),
    ("agreement.py", "if engine is not None or isinstance(h, LazyFunction) or isinstance(T, LazyFunction):",
     "if engine is None or isinstance(h, LazyFunction) or isinstance(T, LazyFunction):", _ROUTE),
    ("agreement.py", "if engine is not None or isinstance(h, LazyFunction) or isinstance(T, LazyFunction):",
     "if not engine is not None or isinstance(h, LazyFunction) or isinstance(T, LazyFunction):", _ROUTE),
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if not n <= (1 << _COMPACT_BITS):",
     "signed_spectrum is called only above 2^12 entries (fourier.integer_spectrum takes _kernels.small's "
     "route up to 2^12), where the mutant sends the table to the textbook loop instead: " + _DISPATCH),
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if n >= (1 << _COMPACT_BITS):",
     "signed_spectrum is called only above 2^12 entries (fourier.integer_spectrum takes _kernels.small's "
     "route up to 2^12), where the mutant sends the table to the textbook loop instead: " + _DISPATCH),
    ("_kernels/wht.py", "if threads > 1 and a.shape[0] >= (1 << sub_bits):",
     "if threads > 1 and a.shape[0] > (1 << sub_bits):",
     "at exactly 2^sub_bits elements the serial schedule runs instead of the threaded one: the same "
     "schedule, the same butterflies in the same order (the result does not depend on the threads, bound "
     "in test_threads_give_the_same_result); only the speed differs"),
    ("_kernels/wht.py", "if bits_left >= 3:", "if bits_left == 3:",
     "with more than 3 bits left the stages run as radix-2 (or radix-4) stages instead of radix-8 ones: the "
     "same butterflies grouped otherwise, the same transform (each radix bound to the definition by the "
     "shrunken tunings of tests/_kernels/test_wht.py); only the speed differs"),
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if n > (1 << _COMPACT_BITS):",
     "signed_spectrum is called only above 2^12 entries (fourier.integer_spectrum takes _kernels.small's "
     "route up to 2^12), where the mutant sends the table to the textbook loop instead: " + _DISPATCH),
    ("_kernels/wht.py", "if threads > 1 and a.shape[0] >= (1 << sub_bits):",
     "if threads >= 1 and a.shape[0] >= (1 << sub_bits):",
     "one thread runs the threaded form of the same schedule: the same butterflies in the same order (the "
     "result does not depend on the threads, bound in test_threads_give_the_same_result); only the speed "
     "differs"),
    ("_kernels/wht.py", "if bits_left >= 3:", "if bits_left > 3:",
     "at 3 bits left a radix-4 stage and a radix-2 stage run instead of one radix-8 stage: the same "
     "butterflies grouped otherwise, the same transform (each radix bound to the definition by the "
     "shrunken tunings of tests/_kernels/test_wht.py); only the speed differs"),
    ("_kernels/wht.py", "_CHUNK_BITS = 16  # the sweeps from 2^18 up work in chunks of at most 2^16 elements", None,
     _TUNING),
    # the ninth run (the sample extended)
    ("_kernels/wht.py", "_COMPACT_BITS = 12  # up to 2^12 elements the textbook loop is used: it compiles in under a second,",
     None, "the size up to which the textbook loop runs instead of the blocked kernel (NumberReplacer: 11 or 13): "
     "both routes are exact on every length they then get (the blocked one from d = 6, its smallest "
     "sub-block, each bound to the definition in tests/_kernels/test_wht.py); only the speed differs"),
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if n != (1 << _COMPACT_BITS):",
     "signed_spectrum's route: the textbook loop on the +-1 table (exact at any length) everywhere but at "
     "2^12 entries, where the blocked kernel reads the uint8 table itself (exact from d = 6; d = 12 is its "
     "sub-block): both bound to the definition in tests/_kernels/test_wht_narrow.py; only the speed differs"),
    ("_kernels/wht.py", "if bits_left >= 3:", "if bits_left >= 4:",
     "at 3 bits left a radix-2 stage and then a radix-4 stage run instead of one radix-8 stage: the same "
     "butterflies grouped otherwise, the same transform (each radix bound to the definition by the "
     "shrunken tunings of tests/_kernels/test_wht.py); only the speed differs"),
    ("_kernels/wht.py", "while 5 + done < bits:", "while 5 + done != bits:",
     "done grows by log2 of _radix(bits - 5 - done), at most bits - 5 - done, so 5 + done lands on bits exactly "
     "and never passes it"),
    *[("_kernels/wht.py", "and (src.dtype == a.dtype or src.dtype == types.uint8)):",
       f"and (src.dtype == a.dtype or src.dtype {op} types.uint8)):",
       "the intrinsic's typing guard: the mutant accepts other source dtypes too (uint8 still), but every "
       "caller passes a source of the output's dtype or a uint8 table (blocked's contract, checked by the "
       "public functions), on which the guard and the code it admits are unchanged")
      for op in ("<=", ">=")],
    ("_kernels/wht.py", "if k & h == 0:", "if k & h <= 0:", "k & h >= 0 (non-negative ints), so <= 0 is == 0"),
    ("_kernels/wht.py", "while 5 + done < bits:", "while 4 + done < bits:",
     "one more sweep once every stage is done: _radix(0) = 2 and hr = 2^(bits - 5) = rows, so span = 2 rows > "
     "rows and the sweep has no group: nothing is changed"),
    ("_kernels/wht.py", "if threaded and (n >> uint64(b0)) < uint64(2):",
     "if threaded or (n >> uint64(b0)) < uint64(2):",
     "tiles of sub-block size in more cases: the stages between the sub-blocks and the blocks then run as level "
     "sweeps instead of inside the tile, the same butterflies in the same (increasing) order of stages per "
     "element (every tuning, down to tiles = sub-blocks, bound to the definition in tests/_kernels/test_wht.py)"),
    ("_kernels/wht.py", "if radix == 8:", "if radix >= 8:",
     "a radix is 2, 4 or 8 (_radix returns nothing else), so radix >= 8 is radix == 8"),
    # the eighth run (the depth-first schedule)
    ("_kernels/wht.py", "if a.shape[0] <= (1 << _COMPACT_BITS):", None, _DISPATCH),
    ("_kernels/wht.py", "if threads > 1 and a.shape[0] >= (1 << sub_bits):", None,
     "serial or threaded form of the same schedule: the same butterflies in the same order per element "
     "(test_threads_give_the_same_result), and a.shape[0] >= 2^sub_bits is blocked's contract anyway"),
    ("_kernels/wht.py", "def wht_inplace(a: np.ndarray, threads: int = 1) -> None:", None,
     "the default thread count: the result does not depend on threads (test_threads_give_the_same_result)"),
    ("_kernels/wht.py", "break  # the higher levels' blocks are not complete either", None,
     "a higher level's block holds a multiple of a lower one's tiles, so when done % per fails for a lower "
     "level it fails for every higher one: continuing checks them and does nothing"),
    ("_kernels/wht.py", "top += 1", "top += 2",
     "an overshooting level count: the extra levels are clamped to tile_bits (_level's max), so their sweeps "
     "have lo == hi and do nothing"),
    ("_kernels/wht.py", "for k in range(top - 1, -1, -1):  # the lowest level first", None,
     "an extra level k = top: _level(top) = _level(top + 1) = tile_bits, a sweep of no stages"),
    ("_kernels/wht.py", "_BLOCK_BITS = 18  # blocks of 2^18 elements = 2 MiB: L2 + L3", None, _TUNING),
    ("_kernels/wht.py", "_SUB_BITS = 12  # sub-blocks of 2^12 elements = 32 KiB (int64/float64): L1", None, _TUNING),
    *[("fourier.py", "if n <= KS.SMALL and big * n <= 1 << 53:", e,
       "a stricter bound for numpy's float64 route: more inputs go to the integer kernel, exact too (both "
       "bound to the definition); only the speed differs") for e in (
        "if n <= KS.SMALL and big * n <= 1 >> 53:", "if n <= KS.SMALL and big * n <= 0 << 53:",
        "if n <= KS.SMALL and big * n == 1 << 53:", "if n <= KS.SMALL and big * n < 1 << 53:",
        "if n <= KS.SMALL and big * n <= 1 << 52:", "if n == KS.SMALL and big * n <= 1 << 53:",
        "if n < KS.SMALL and big * n <= 1 << 53:")],
    ("fourier.py", "if n > 1 and big * n > _INT64_MAX:", "if n != 1 and big * n > _INT64_MAX:",
     "n is a power of two >= 1 (n == 0 is refused above), so n != 1 is n > 1"),
    ("fourier.py", "if values.dtype == np.int64:", "if values.dtype <= np.int64:",
     "the dtype is int64 or float64 (refused otherwise above); numpy's dtype order is 'casts safely to', "
     "and float64 does not cast safely to int64, so <= holds for int64 alone"),
    ("fourier.py", "if n > 1 and big * n > _INT64_MAX:", "if n > 1 and big * n >= _INT64_MAX:",
     "max|a| * 2^d with 2^d >= 2 is even, never 2^63 - 1 (odd): > and >= hold for the same products"),
    *[("fourier.py", "lo, hi = KS.extremes(values) if n <= KS.SMALL else (int(v) for v in W.int64_extremes(values))",
       e, "which route finds the extremes (numpy or the kernel): the same two numbers; only the speed differs")
      for e in ("lo, hi = KS.extremes(values) if n < KS.SMALL else (int(v) for v in W.int64_extremes(values))",
                "lo, hi = KS.extremes(values) if n > KS.SMALL else (int(v) for v in W.int64_extremes(values))",
                "lo, hi = KS.extremes(values) if not n <= KS.SMALL else (int(v) for v in W.int64_extremes(values))",
                "lo, hi = KS.extremes(values) if n == KS.SMALL else (int(v) for v in W.int64_extremes(values))",
                "lo, hi = KS.extremes(values) if n != KS.SMALL else (int(v) for v in W.int64_extremes(values))",
                "lo, hi = KS.extremes(values) if n >= KS.SMALL else (int(v) for v in W.int64_extremes(values))")],
    *[("fourier.py", "if (1 << f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
       e, "which route computes the spectrum (numpy's float64 Hadamard products or the integer kernel): the "
          "same integers, both bound to the definition; numpy's products are exact at every d (a +-1 table's "
          "partial sums are bounded by 2^d <= 2^53 wherever a table fits in memory); only the speed and the "
          "memory differ")
      for e in ("if (1 << f.d) == KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if (1 << f.d) < KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if (1 << f.d) > KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if not (1 << f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if (1 >> f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if (1 << f.d) != KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if (1 << f.d) >= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if ( 2 << f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start",
                "if ( 0 << f.d) <= KS.SMALL:  # _kernels.small's exact float64 route (|entries| <= 2^12): no numba to start")],
    ("fourier.py", "if distribution is None and engine is None and not isinstance(f, LazyFunction):",
     "if distribution is None and engine is not None and not isinstance(f, LazyFunction):",
     "which route counts the influence of a tabulated f under the uniform law: the spectrum of its table "
     "or the engine's chunked count of f ^ f.flipped(e_i); both exact (the table route bound to the "
     "definition in test_influence_by_definition_and_spectral_sum, the chunked one in "
     "test_influence_under_a_distribution_by_definition), only the speed differs"),
    ("fourier.py", "if n == 0 or n & (n - 1):", "if n <= 0 or n & (n - 1):",
     "n is an array's length (values.shape[0]), never negative"),
    ("fourier.py", "if f.d > 31:  # pragma: no cover - refused by the memory guard first", None,
     "unreachable: a BooleanFunction on d >= 32 holds a 4 GiB table and integer_spectrum's memory guard "
     "(10 bytes a point, 40 GiB at d = 32) refuses it before this line"),
    ("fourier.py", "_INT64_MAX = 2**63 - 1", "_INT64_MAX = 2**63 - 2", _EVEN),
    ("responders.py", "return truth + t if null > truth else truth - t",
     "return truth + t if null >= truth else truth - t",
     "null == truth never reaches this line: |null - truth| = 0 <= t returned the null value just above"),
    ("responders.py", "if values.shape[0] <= _SMALL:", None,
     "which implementation finds the best window: the plain-Python scan or the grouped numpy one; both are "
     "bound to the brute force (test_max_consistent_is_the_best_window_nearest_to_null on up to 8 values, "
     "test_max_consistent_on_many_candidates_against_brute_force on 25 to 70, each route on sizes the other "
     "route gets under this mutant), only the speed differs"),
    ("responders.py", "if (dist <= t).any():", "if (dist < t).any():",
     "when the nearest value is exactly t from null and none nearer, the answer below is v - t or v + t, "
     "which is null itself"),
    ("responders.py", "if j < i:", None,
     "j >= i on every pass (j ends each pass past i, and i grows by one), so the branch never runs as "
     "written, and a mutant that runs it sets j = i when j >= i, after which the while loop walks j to the "
     "same end (slower, the same windows)"),
    ("responders.py", "cand = np.flatnonzero(cnt == best)", "cand = np.flatnonzero(cnt >= best)",
     "best = cnt.max(), so cnt >= best is cnt == best"),
    ("responders.py", "dist = np.maximum(np.maximum(lo_c - null, null - hi_c), 0)",
     "dist = np.maximum(np.maximum(lo_c - null, null - hi_c), -1)",
     "as in the plain-Python route: every winning window has lo <= hi, so dist <= 0 exactly when null is in "
     "[lo, hi], and those windows all answer null itself; positive distances are unchanged"),
    ("responders.py", "cum = [0]", None,
     "every prefix sum moves by the same constant, and only differences cum[j] - cum[i] are used"),
    ("responders.py", "_SMALL = 24  # up to this many values the windows are scanned in plain Python (numpy's per-call cost dominates)",
     None, "the size at which max_consistent_answer changes route: both routes are bound to the brute force "
     "(see the rule of `if values.shape[0] <= _SMALL:`), only the speed differs"),
    ("responders.py", 'if kind == "null":', 'if kind >= "null":',
     "kind is normalised, and truthful and noisy returned above: it is 'null' or 'max_consistent' here, and "
     "'max_consistent' < 'null'"),
    ("responders.py", 'if kind == "max_consistent":', None,
     "kind is normalised, and the other three returned above: only 'max_consistent' reaches this line, so "
     "==, <= and >= all hold (the refusal below is unreachable, `pragma: no cover`)"),
    ("responders.py", "if i < v.shape[0] and v[i] == truth:", "if i < v.shape[0] and v[i] <= truth:",
     "i = searchsorted(v, truth) (left side), so v[i] >= truth where i < n: <= is =="),
    ("responders.py", "if i < v.shape[0] and v[i] == truth:", "if i != v.shape[0] and v[i] == truth:",
     "searchsorted returns i <= n: != n is < n"),
    ("responders.py", "if values.dtype != object and values.shape[0] and \\",
     "if values.dtype < object and values.shape[0] and \\",
     "numpy orders dtypes by safe casting, and every dtype but object itself casts safely to object: "
     "< object is != object"),
    *[("responders.py", "if hi - lo <= 16 * values.shape[0]:", e, _RROUTE + " (the dense grouping's array "
       "of hi - lo + 1 counters stays within a small multiple of the values' own size)")
      for e in ("if hi - lo == 16 * values.shape[0]:", "if hi - lo < 16 * values.shape[0]:",
                "if hi - lo <= 17 * values.shape[0]:", "if hi - lo <= 15 * values.shape[0]:")],
    *[("responders.py", "if values.shape[0] > _KERNEL_MIN:", e, _RROUTE)
      for e in ("if values.shape[0] == _KERNEL_MIN:", "if values.shape[0] != _KERNEL_MIN:",
                "if not values.shape[0] > _KERNEL_MIN:")],
    ("responders.py", "_KERNEL_MIN = 2048", None, _RROUTE),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), 1 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "max(..., 1) and max(..., 0) differ only when every other term is 0, and both are then far below 2^60"),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 1:",
     "a looser bound that still holds every number: with |v|, |null|, t, |truth| < 2^61 the window ends "
     "v + 2t < 2^61 + 2^62, the starts v - t > -2^62, and the distances lo - null, null - hi stay "
     "within (-2^62 - 2^61, 2^62 + 2^61), all inside int64: the int64 routes give the exact answer"),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) <= _INT64_SAFE >> 2:",
     "looser by one: at 2^60 itself every number still fits int64 (the bound 2^61 is argued just above)"),
    ("responders.py", "if values.dtype != object and values.shape[0] and \\",
     "if values.dtype != object or values.shape[0] and \\",
     "every fixed-width array then goes to exact Python ints (the same distances and answer, only slower); "
     "an object array is converted only where the original converts (the and-chain is the same for it)"),
    ("responders.py", "if hi - lo <= 16 * values.shape[0]:", "if hi - lo <= 16 / values.shape[0]:",
     _RROUTE + " (a stricter density test: almost every array is sorted instead)"),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(~vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "~vmin = -vmin - 1: the bound moves by one (vmin = -2^60 passes), and int64 holds every number up to "
     "2^61 (the rule for >> 1 above)"),
    ("responders.py", "if hi - lo <= 16 * values.shape[0]:", "if hi - lo <= 16 + values.shape[0]:",
     _RROUTE + " (a stricter density test: more arrays are sorted instead)"),
    ("responders.py", "if i < v.shape[0] and v[i] == truth:", "if i < v.shape[0] and v[i] < truth:",
     "v[i] >= truth (searchsorted, left), so the test never holds and the truth is always inserted, at "
     "count 0 just before its own group when a candidate has it: the window starting at the inserted copy "
     "holds the same values as the one starting at the group (same value), comes first, and has the same "
     "admissible interval, so the first best window gives the same answer and count"),
    ("responders.py", "if values.dtype == np.int64 and values.shape[0] > _KERNEL_MIN:",
     "if values.dtype <= np.int64 and values.shape[0] > _KERNEL_MIN:",
     "the values reaching _grouped are int64 or object (max_consistent_answer reads every fixed-width "
     "int dtype as int64 first, or as exact ints), and object <= int64 is False: the same test"),
    *[("responders.py", "if values.dtype == np.int64 and values.shape[0] > _KERNEL_MIN:",
       f"if values.dtype == np.int64 and values.shape[0] {op} _KERNEL_MIN:", _RROUTE) for op in ("==", "!=", "<")],
    *[("responders.py", "if values.shape[0] > _KERNEL_MIN:", f"if values.shape[0] {op} _KERNEL_MIN:", _RROUTE)
      for op in ("<=", ">=", "<")],
    *[("responders.py", "if values.dtype == np.int64 and values.shape[0] > _KERNEL_MIN:",
       f"if values.dtype == np.int64 and values.shape[0] {op} _KERNEL_MIN:", _RROUTE) for op in ("<=", ">=")],
    ("responders.py", "if values.dtype == np.int64 and values.shape[0] > _KERNEL_MIN:",
     "if values.dtype < np.int64 and values.shape[0] > _KERNEL_MIN:",
     "the values reaching _grouped are int64 or object, neither < int64: the values are always sorted "
     "instead of counted densely, " + _RROUTE),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) == _INT64_SAFE >> 2:",
     "a stricter bound (almost never met): the values go to exact Python ints instead, the same answer"),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), -1 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "max(..., -1) and max(..., 0) differ only when every other term is below 0, which t >= 0 rules out"),
    ("responders.py", "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 1):",
     "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) > (_INT64_SAFE >> 1):",
     "looser by one: at 2^61 exactly, |values - null| <= 2^62 still fits int64"),
    ("responders.py", "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 1):",
     "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 2):",
     "a stricter bound: more arrays go to exact Python ints, the same distances and answer"),
    ("responders.py", "np.int64(0 if truth is None else truth), truth is not None)",
     "np.int64( 1 if truth is None else truth), truth is not None)",
     "best_window reads truth only when has_truth (truth is not None): the placeholder is never read"),
    ("responders.py", "return RK.group_dense(values, counts, np.int64(lo), np.int64(hi - lo + 1))",
     "return RK.group_dense(values, counts, np.int64(lo), np.int64(hi - lo + 2))",
     "one counter more past hi: never incremented, so never emitted (group_dense keeps per[k] != 0 only)"),
    ("responders.py", "if values.dtype != object and values.shape[0] and \\",
     "if values.dtype <= object and values.shape[0] and \\",
     "every dtype casts safely to object, so the test also reads an object array's extremes and, past the "
     "bound, converts it to object again: the same values, one pass more"),
    ("responders.py", "if values.dtype != object and values.shape[0] and \\",
     "if values.dtype != object and values.shape[0] or \\",
     "the bound is then also read for object arrays (whose conversion to object changes nothing) and for "
     "empty ones, where min() of no values raises ValueError, as the original does a line later (argmin "
     "of no distances)"),
    ("responders.py", "if i < v.shape[0] and v[i] == truth:", "if i > v.shape[0] and v[i] == truth:",
     "searchsorted gives i <= n, so the test never holds and the truth is always inserted, at count 0: "
     "when a candidate has it, just before its own group, and the window starting at the copy holds the "
     "same values with the same admissible interval (see the rule for v[i] < truth)"),
    ("responders.py", "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 1):",
     "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) != (_INT64_SAFE >> 1):",
     "almost every array goes to exact Python ints (the same distances and answer); at exactly 2^61, "
     "int64 still holds |values - null| <= 2^62"),
    ("responders.py", "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 1):",
     "max(abs(null), t, abs(int(values.min())), abs(int(values.max()))) >= (_INT64_SAFE >> 0):",
     "a looser bound that still holds: with |values|, |null|, t < 2^62, values - null and v -+ t stay "
     "within (-2^63, 2^63)"),
    ("responders.py",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 2:",
     "if max(-vmin, vmax, abs(int(null)), int(t), 0 if truth is None else abs(int(truth))) < _INT64_SAFE >> 3:",
     "a stricter bound: more values go to exact Python ints, the same answer"),
    ("responders.py", "values = values.astype(np.int64, copy=False)", "values = values.astype(np.int64, copy=True)",
     "a copy of the same values (the caller's array is never written)"),
    ("responders.py", "np.int64(0 if truth is None else truth), truth is not None)",
     "np.int64( -1 if truth is None else truth), truth is not None)",
     "best_window reads truth only when has_truth (truth is not None): the placeholder is never read"),
    ("responders.py", "key = (-cnt, dist)", "key = (~cnt, dist)",
     "~cnt = -cnt - 1: the same order of the keys"),
    ("responders.py", "cnt = -1", "cnt = - 2", _BELOW_VALID),
    ("responders.py", "j = 0", None,
     "j = 1: the scan at i = 0 walks j past index 0 anyway (v[0] <= v[0] + 2t); j = -1: `if j < i` sets it "
     "to 0 at i = 0"),
    ("responders.py", "cnt = -1", "cnt = ~1", "~1 = -2: " + _BELOW_VALID),
    ("responders.py", "while j < n and v[j] <= top:", "while j != n and v[j] <= top:",
     "j never passes n (it grows by one while j < n), so j != n is j < n"),
    ("responders.py", "if abs(null - truth) <= t:", "if abs(null - truth) < t:",
     "at |null - truth| = t exactly the next line answers truth + t if null > truth else truth - t, which "
     "is null itself"),
    ("responders.py", "return v - t if v > null else v + t", "return v - t if v >= null else v + t",
     "v == null means a distance 0 <= t, and null was returned above"),
    ("responders.py", "dist = max(lo - null, null - hi, 0)", "dist = max(lo - null, null - hi, -1)",
     "lo <= hi for every window that can win (a valid one: truth in [v_i, v_i + 2t] keeps the clipped "
     "interval non-empty), so dist <= 0 exactly when null is in [lo, hi]: those windows, preferred either "
     "way, all answer null itself (min(max(null, lo), hi)), and positive distances are unchanged"),
    ("responders.py", "NOISE_GRID = 1 << 20", None,
     "not strictly equivalent: the resolution of the noisy responder's grid is a free constant (no "
     "document fixes it; its docstring gives the rule in terms of NOISE_GRID, and the tests check that rule "
     "and the uniform law with the module's value); another value changes the seeded draws, not the law"),
    ("responders.py", "counts = np.ones(1, dtype=np.int64)", "counts = np.ones( 2, dtype=np.int64)",
     "one candidate (the teacher): its count scales the only window's count, the answer is the same"),
    ("responders.py", 'if kind == "truthful":', 'if kind >= "truthful":',
     "kind is one of the four normalised names (the callers normalise it) and 'truthful' is the greatest "
     "of them in string order, so only it compares >= 'truthful'"),
    ("responders.py", "cnt = np.where(valid, cnt, -1)", "cnt = np.where(valid, cnt, - 2)", _BELOW_VALID),
    ("responders.py", "cnt = np.where(valid, cnt, -1)", "cnt = np.where(valid, cnt, ~1)", "~1 = -2: " + _BELOW_VALID),
    ("learners/sq.py", 'out.append(QueryPattern.from_table(f"majority of {k} (signs +)", _majority(k, [1] * k)))',
     'out.append(QueryPattern.from_table(f"majority of {k} (signs +)", _majority(k, [ 2] * k)))',
     "all weights 2 instead of 1 doubles the sum, whose sign (the majority) is the same"),
    ("learners/sq.py", "while k < len(C) and not oracle.in_version_space(k):",
     "while k <= len(C) and not oracle.in_version_space(k):",
     "in_version_space(len(C)) is False (a search of the version space's sorted indices, no error), so the "
     "loop takes one more step to k = len(C) + 1 and the student returns None all the same"),
    ("learners/membership.py", "varying = int(np.bitwise_or.reduce(masks ^ masks[0]))",
     "varying = int(np.bitwise_or.reduce(masks ^ masks[ -1]))",
     "a bit varies in the class iff some member differs there from any one member, the last as well as the first"),
    ("learners/membership.py", "return fixed, int(masks[0]) & fixed", "return fixed, int(masks[ -1]) & fixed",
     "the fixed bits are those on which every member agrees: the last member's are the first's"),
    ("learners/membership.py", 'if stopped != "identified":  # the budget ran out before the d + 1 answers',
     'if stopped < "identified":  # the budget ran out before the d + 1 answers',
     "the d + 1 learner stops 'identified' or 'budget' (it always has a next query before the d + 1 answers), "
     "and 'budget' < 'identified'"),
    ("learners/membership.py", "self._rng = as_rng(self.seed, allow_none=False)",
     "self._rng = as_rng(self.seed, allow_none=True)",
     "the seed was refused at construction if None (as_rng(seed, allow_none=False) in __init__), so None "
     "never reaches start()"),
    ("learners/membership.py", "return len(self._basis) == self._unknowns", "return len(self._basis) >= self._unknowns",
     "the basis holds independent vectors over the unknown coordinates: never more than there are unknowns"),
    ("learners/base.py", "if oracle.queries - start >= limit:", "if oracle.queries - start == limit:",
     "the loop asks one query per pass and checks before each, so the count reaches limit (>= 0) exactly "
     "and never passes it"),
    ("learners/base.py", "f\"{'statistical' if self.kind == 'sq' else 'data (membership)'} queries)\",",
     "f\"{'statistical' if self.kind >= 'sq' else 'data (membership)'} queries)\",",
     "the kinds are 'sq' and 'membership', and 'membership' < 'sq'"),
    ("learners/passive.py", "if G.rank() == A.rows:  # independent rows: the fit interpolates, weights play no part",
     "if G.rank() >= A.rows:  # independent rows: the fit interpolates, weights play no part",
     "the rank of A A^T is at most its number of rows, so >= is =="),
    ("learners/membership.py", "full = (1 << oracle.d) - 1", None,
     "full only masks ~varying into `fixed`, which is used as (2^d - 1) & ~fixed and masks[0] & fixed "
     "(masks < 2^d): bits at d and above (2 << d) or all bits (-1, from 0 << d or 1 >> d) change neither"),
    ("learners/membership.py", "return 0 if k == 0 else 1 << (k - 1)", "return 0 if k <= 0 else 1 << (k - 1)",
     "k is a list's length, never negative"),
    ("learners/membership.py", "return len(self._answers) == oracle.d + 1", "return len(self._answers) >= oracle.d + 1",
     "one answer per query and done() is asked before each, so the count reaches d + 1 exactly and stops there"),
    ("learners/membership.py", "n = vs.shape[0]", "n = vs.shape[ -1]",
     "vs (version_space_indices) is a 1-D array of positions"),
    ("learners/membership.py",
     "if min(int(ones[x]), n - int(ones[x])) == 0:  # pragma: no cover - distinct members always split", None,
     "unreachable: next_query runs with >= 2 distinct members left (done() stops at one), and two distinct "
     "tables differ at some point, so the best x has 1 <= ones[x] <= n - 1 and no mutant of the test fires "
     "where the original does not (min >= 1 > 0, and n + ones[x] > 0)"),
    ("learners/membership.py", 'if stopped != "identified":', 'if stopped < "identified":',
     "GF2Elimination.next_query always returns a point, so it stops 'identified' or 'budget', and "
     "'budget' < 'identified'"),
    ("learners/membership.py", "break", "continue",
     "after storing a new pivot row the loop would find the pivot in the basis and xor the row with "
     "itself: row = 0 ends the loop with the same basis"),
    ("learners/membership.py", "lower = row & ~(1 << p)", None,
     "bit p is never in S when the parity of lower & S is taken (S holds the fixed bits, which are not free, "
     "and lower pivots only; bit p is set after), and row has no bit above p (p is its highest): clearing "
     "bit p, bit p + 1 (2 << p) or nothing (~(1 >> p) = ~0 for p >= 1, ~(0 << p)) gives the same parity"),
    ("learners/sq.py", "for k in range(2, min(kmax, 8) + 1, 2):", "for k in range(2, min(kmax, 9) + 1, 2):",
     "the even k up to 9 are the even k up to 8"),
    ("learners/sq.py", "varying = int(np.bitwise_or.reduce(vs ^ vs[0]))", "varying = int(np.bitwise_or.reduce(vs ^ vs[ 1]))",
     "next_query runs with >= 2 members left (done() stops at one), and a bit varies in the version space "
     "iff some member differs there from any one member, the second as well as the first"),
    ("learners/sq.py", "for j in range(0, k - 1, 2):", "for j in range(0, k + 1, 2):",
     "the inner product's pairs (j, j + 1) beyond the k block bits read bits of y < 2^k that are 0: no term added"),
    ("learners/sq.py", "for j in range(0, k - 1, 2):", "for j in range(0, k - 0, 2):",
     "k is even (inner products of 2, 4, ... coordinates), so range(0, k, 2) and range(0, k - 1, 2) are the same"),
    ("learners/sq.py", "out = np.zeros(1 << len(dirs), dtype=np.int64)", "out = np.zeros( 2 << len(dirs), dtype=np.int64)",
     "the span is read only at indices below 2^len(dirs) (pat.support < 2^k with k <= len(dirs), and [:m]): "
     "the zeros after are never read"),
    ("learners/passive.py", "if G.rank() == A.rows:  # independent rows: the fit interpolates, weights play no part",
     "if G.rank() > A.rows:  # independent rows: the fit interpolates, weights play no part",
     "rank <= rows, so the mutant always takes the weighted pseudo-inverse; with independent rows that gives "
     "the same theta: A^T W is injective, so (A^T W A) theta = A^T W Y means A theta = Y, and the pseudo-"
     "inverse picks the solution in the row space of A, the minimum-norm interpolant A^T (A A^T)^-1 Y (exact "
     "rationals in sympy both ways)"),
    ("learners/base.py", "return oracle.version_space_size == 1", "return oracle.version_space_size <= 1",
     "the version space never empties: a fixed teacher must be a member of the class (refused otherwise) "
     "and every admissible answer keeps it; in the adaptive game every answer is within t of some "
     "candidate's value (null_answer, max_consistent_answer), which it keeps; so size <= 1 is size == 1"),
    ("learners/base.py", 'want = StatisticalQueryOracle if self.kind == "sq" else MembershipOracle',
     'want = StatisticalQueryOracle if self.kind >= "sq" else MembershipOracle',
     "the kinds are 'sq' and 'membership', and 'membership' < 'sq'"),
    ("learners/base.py", "return max(b, 0)", "return max(b, -1)",
     "b is already >= 0: a budget < 0 is refused above and an oracle never answers past its budget "
     "(oracle.budget - oracle.queries >= 0)"),
    ("distributions.py", "if len(w) == domain.size and all(v == 1 for v in w):",
     "if len(w) == domain.size and all(v <= 1 for v in w):",
     "every caller of _make passes positive weights (zeros are dropped before: v > 0), so v <= 1 is v == 1"),
    ("distributions.py", "if self._subcube is not None or other._subcube is not None:",
     "if self._subcube is not None and other._subcube is not None:",
     "_make gives every distribution uniform on a subcube its subcube form, however it was built, so when "
     "only one of the two has it they differ, and the array comparison below says so too: the subcube "
     "side's support or weights are None until built (array_equal with None is False), or built and "
     "different from the other's"),
    ("distributions.py", "bound = max(abs(int(sub.max())), abs(int(sub.min()))) * self._total if sub.size else 0",
     None,
     "a distribution has at least one point (an empty support is refused when it is built), so sub.size "
     ">= 1 and the else value is never used"),
    ("distributions.py", "elif self._support is None and self._subcube is not None:",
     "elif self._support is None or self._subcube is not None:",
     "the two differ only for (support None, subcube None), which a distribution that is not uniform never "
     "is (only the uniform and subcube forms keep no table, and uniform returned above), and for a subcube "
     "whose support is built, where the subcube's first points are the support's first entries (both sorted)"),
    ("distributions.py", "if fixed_mask == 0:", "if fixed_mask <= 0:",
     "fixed_mask is a bit mask of coordinates (check_fixed), never negative"),
    ("distributions.py", "if isinstance(domain, Cube) and n & (n - 1) == 0 and all(v == 1 for v in w):",
     "if isinstance(domain, Cube) and n & (n - 1) <= 0 and all(v == 1 for v in w):",
     "n >= 1, so n & (n - 1) >= 0"),
    ("distributions.py", "if len(w) == domain.size and all(v == 1 for v in w):",
     "if len(w) >= domain.size and all(v == 1 for v in w):",
     "the weights are one per point of a set of distinct indices of the domain, never more than its size"),
    ("distributions.py", "if i < self._support.shape[0] and self._support[i] == k:",
     "if i != self._support.shape[0] and self._support[i] == k:",
     "i is np.searchsorted's insertion index, in 0..len(support), so i < len iff i != len"),
    ("distributions.py", "idx = [k for k, v in enumerate(w) if v > 0]", "idx = [k for k, v in enumerate(w) if v != 0]",
     "integer_weights refuses negative weights, so v != 0 is v > 0"),
    ("distributions.py", "if isinstance(domain, Cube) and n & (n - 1) == 0 and all(v == 1 for v in w):",
     "if isinstance(domain, Cube) and n & (n - 1) == 0 and all(v <= 1 for v in w):",
     "the weights are positive and divided by their gcd just above, so each is >= 1 and v <= 1 is v == 1"),
    ("distributions.py", "if isinstance(domain, Cube) and n & (n - 1) == 0 and all(v == 1 for v in w):",
     "if isinstance(domain, Cube) and n & (n - 1) >= 0 and all(v == 1 for v in w):",
     "without the power-of-two test the next one still decides: n distinct points varying in c bits need "
     "n <= 2^c, so c = bit_length(n) - 1 = floor(log2 n) passes only for n a power of two"),
    ("distributions.py", 'if bin(lo ^ hi).count("1") == n.bit_length() - 1:',
     'if bin(lo ^ hi).count("1") <= n.bit_length() - 1:',
     "n distinct points that vary in c bits need n <= 2^c, so c >= log2 n = bit_length(n) - 1 (n a power "
     "of two here) and <= holds only with equality"),
    ("distributions.py", "if i < self._support.shape[0] and self._support[i] == k:",
     "if i < self._support.shape[0] and self._support[i] <= k:",
     "i = searchsorted(support, k) (side left), so support[i] >= k and <= k is == k"),
    ("distributions.py", "if n < 2 or n & (n - 1):", "if n < 2 or n & (n - 2):",
     "for n >= 2 both refuse exactly the lengths that are not a power of two: odd n >= 3 has bit 0 in n and "
     "n - 2; n = 2m has n & (n - 2) = 2 (m & (m - 1)), zero iff m is a power of two"),
    ("distributions.py", "if self._domain != other._domain or self._uniform != other._uniform:",
     "if self._domain != other._domain or self._uniform > other._uniform:",
     "the uniform distribution has one form (_make turns full-support uniform weights into it), so when "
     "only other is uniform the two differ, and the comparisons below say so (self has a subcube other "
     "lacks, or a table other lacks: array_equal with None is False)"),
    ("distributions.py", "keys = sorted(k for k, v in acc.items() if v > 0)",
     "keys = sorted(k for k, v in acc.items() if v != 0)",
     "the weights are refused if negative (integer_weights), so their sums are >= 0 and v != 0 is v > 0"),
    ("distributions.py", "return cls._make(domain, idx, [1] * idx.shape[0])",
     "return cls._make(domain, idx, [ 2] * idx.shape[0])",
     "equal weights 2 instead of 1: _make divides the weights by their gcd"),
    ("distributions.py", "w = [1] * len(idx)", "w = [ 2] * len(idx)",
     "equal weights c per listed point: a point's weight is c times its number of repeats, and _make "
     "divides the weights by their gcd, so c = 2 gives the distribution c = 1 gives"),
    ("distributions.py", "g = gcd_of(weights) or 1", None,
     "the gcd of positive weights is >= 1, so the default after `or` is never used; 0 would need all "
     "weights 0, refused before _make"),
    ("oracles.py", "if ((ints < 0) | (ints > 1)).any():", "if ((ints < 0) ^ (ints > 1)).any():", _DISJOINT),
    ("oracles.py", "bad = (arr < 0) | (arr > den)", "bad = (arr < 0) ^ (arr > den)",
     "no number is both < 0 and > den >= 1, so the exclusive or of the two masks is their or"),
    *[("oracles.py", "labels = (KS if masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))", e,
       "which route computes the parity labels (numpy or the kernel): the same labels, both bound to the "
       "plain twin; only the speed differs") for e in (
        "labels = (KS if masks.shape[0] > KS.SMALL else OK).parity_labels(masks, np.int64(k))",
        "labels = (KS if not masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))")],
    ("oracles.py", "if self._tab_cache is None or self._tab_cache[0] is not q:",
     "if self._tab_cache is None or self._tab_cache[ -1] is not q:",
     "the cache entry's last element is a table, never the query: the tables are derived again each time, "
     "the same tables (a one-entry cache that no longer hits)"),
    ("oracles.py", "values_u = to_units(cand, b, 2 * Q)", "values_u = to_units(cand, b, 1 * Q)",
     "a looser bound for choosing int64: the values stay below 2^61 (2 Q b < 2^61 when Q b < 2^60), the "
     "oracle only subtracts the answer from them at scale 1, and the responders check their own bounds"),
    ("oracles.py", "return int(self._fast_values(q, self._masks_all[[self._teacher_pos]])[0])",
     "return int(self._fast_values(q, self._masks_all[[self._teacher_pos]])[ -1])",
     "the values of a one-element mask array: [-1] is [0]"),
    ("oracles.py", "concept_class: Any = None, seed: Any = None, budget: Any = None, fast_paths: bool = True) -> None:",
     "concept_class: Any = None, seed: Any = None, budget: Any = None, fast_paths: bool = False) -> None:",
     _FAST := ("the closed-form route for parity queries is a speed switch: it gives the same answers and "
               "version spaces as enumerating every member's value "
               "(test_parity_transcripts_by_the_closed_form_and_by_enumeration, test_parity_fast_path_equals_"
               "general_path_and_closed_form), so turning it off by default changes only the time")),
    ("oracles.py", "and (self._class is None or self._class.is_parity_class))",
     "and (self._class is None and self._class.is_parity_class))",
     "_fast_ok runs only where the oracle has a class (the given class, a teacher's position in it, or "
     "the class's masks), so `self._class is None` is False there and the mutant turns the closed form "
     "off: " + _FAST),
    ("oracles.py", "labels = (KS if masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))",
     "labels = (KS if masks.shape[0] == KS.SMALL else OK).parity_labels(masks, np.int64(k))",
     "which route computes the parity labels (numpy or the kernel): the same labels, both bound to the "
     "plain twin in tests/_kernels/test_small.py and tests/_kernels/test_oracle.py; only the speed differs"),
    ("oracles.py", "if self._masks_all is not None and self._fast_ok(q):",
     "if self._masks_all is None and self._fast_ok(q):",
     "_masks_all is None exactly when the class is not a parity class, where _fast_ok is False: the "
     "closed form is never taken, " + _FAST),
    ("oracles.py", "assert self._alive is not None and self._alive[position]",
     "assert self._alive is not None or self._alive[position]",
     "a weaker internal assertion: _drop is called only on alive positions of an oracle with a version "
     "space, where both hold; no input reaches a failing assert (InvariantViolated guards what could)"),
    ("oracles.py", "values_u = to_units(cand, b, 2 * Q)", "values_u = to_units(cand, b, 2 + Q)",
     "a looser bound for choosing int64 (Q >= 2): the values stay below 2^61 (2 Q b < 2 (Q + 2) b < "
     "2^61), the oracle only subtracts the answer from them (scale 1; other scales go to exact ints "
     "first), and the responders check their own bounds on the values' extremes: no number wraps"),
    ("oracles.py", "if scale != 1:  # a noisy answer on a finer grid: compare as exact Python ints",
     "if scale >= 1:  # a noisy answer on a finer grid: compare as exact Python ints",
     "scale >= 1 always: the values also go to exact Python ints at scale 1, the same comparisons"),
    ("oracles.py", "x, y = (int(v) for v in np.argwhere((ints < 0) | (ints > 1))[0])",
     "x, y = (int(v) for v in np.argwhere((ints < 0) ^ (ints > 1))[0])", _DISJOINT),
    *[("oracles.py", "if scale != 1:  # a noisy answer on a finer grid: compare as exact Python ints",
       f"if scale != {e}:  # a noisy answer on a finer grid: compare as exact Python ints",
       "respond's scale is 1 or NOISE_GRID = 2^20, never 0 or 2: the values go to exact Python ints at "
       "every scale, the same comparisons (only slower at scale 1)") for e in ("0", "2")],
    ("oracles.py", "if scale != 1:  # a noisy answer on a finer grid: compare as exact Python ints",
     "if scale > 1:  # a noisy answer on a finer grid: compare as exact Python ints",
     "respond's scale is 1 or NOISE_GRID = 2^20, never below 1: > 1 is != 1"),
    ("oracles.py", "if self._kind == \"feature\":", "if self._kind >= \"feature\":",
     "numerator_columns derives columns only for queries built without them, feature and agreement queries "
     "(a general query always has its columns): \"agreement\" < \"feature\", so >= is == there"),
    ("oracles.py", "rows = [[i + 1, e.query if isinstance(e.query, int) else repr(e.query), e.value, e.answer,",
     "rows = [[i + 1, e.query if not isinstance(e.query, int) else repr(e.query), e.value, e.answer,",
     "markdown_table writes every cell with str(), and str is repr for an int and for a StatisticalQuery "
     "(it defines __repr__ only): the same table"),
    ("oracles.py", "if n < 2 or n & (n - 1):", "if n < 2 or n & (n - 2):",
     "for n >= 2 (the first test), n & (n - 2) is 0 exactly for the powers of two, as n & (n - 1): an odd n "
     "keeps bit 0 in both n and n - 2; an even n = 2m has n & (n - 2) = 2 (m & (m - 1)), 0 iff m is a power "
     "of two"),
    ("oracles.py", "if self._tab_cache is None or self._tab_cache[0] is not q:",
     "if self._tab_cache is None or self._tab_cache[ 1] is not q:",
     "the cache entry's [1] is a table, never the query: the tables are derived again each time, the same "
     "tables (a one-entry cache that no longer hits)"),
    *[("oracles.py", "elif not (scale == 1 and values_u.dtype == np.int64", f"elif not ({e}", _SHORTCUT) for e in (
        "scale != 1 and values_u.dtype == np.int64", "scale == 1 and values_u.dtype != np.int64",
        "scale == 1 and values_u.dtype < np.int64", "scale == 1 and values_u.dtype > np.int64",
        "scale <= 1 and values_u.dtype == np.int64", "scale >= 1 and values_u.dtype == np.int64",
        "scale == 2 and values_u.dtype == np.int64", "scale < 1 and values_u.dtype == np.int64",
        "scale > 1 and values_u.dtype == np.int64", "scale == 1 and values_u.dtype <= np.int64",
        "scale == 1 and values_u.dtype >= np.int64", "scale == 0 and values_u.dtype == np.int64")],
    *[("oracles.py", "and ans_num - t <= int(values_u.min()) and int(values_u.max()) <= ans_num + t):", e, _SHORTCUT)
      for e in ("and ans_num - t <= int(values_u.min()) and int(values_u.max()) <= ans_num - t):",
                "and ans_num + t <= int(values_u.min()) and int(values_u.max()) <= ans_num + t):",
                "and ans_num - t < int(values_u.min()) and int(values_u.max()) <= ans_num + t):",
                "and ans_num - t == int(values_u.min()) and int(values_u.max()) <= ans_num + t):",
                "and ans_num - t <= int(values_u.min()) and int(values_u.max()) == ans_num + t):",
                "and ans_num - t <= int(values_u.min()) and int(values_u.max()) < ans_num + t):")],
    ("oracles.py", "if s == 0:", "if s <= 0:", "s is a parity query's subset mask, >= 0: <= 0 is == 0"),
    ("oracles.py", "out = np.where(masks == 0, 0, n // 2).astype(np.int64)",
     "out = np.where(masks <= 0, 0, n // 2).astype(np.int64)", "subset masks are >= 0: <= 0 is == 0"),
    ("oracles.py", "if masks.shape[0] and int(masks.min()) == 0:", "if masks.shape[0] and int(masks.min()) <= 0:",
     "subset masks are >= 0: min <= 0 is min == 0"),
    ("oracles.py", "if masks.shape[0] and int(masks.min()) == 0:", "if masks.shape[0] and int(masks.min()) >= 0:",
     "the guard only skips a no-op: the subtraction under it is masked by masks == 0, which selects nothing "
     "where the smallest mask is not 0"),
    *[("oracles.py", "labels = (KS if masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))",
       f"labels = (KS if masks.shape[0] {op} KS.SMALL else OK).parity_labels(masks, np.int64(k))",
       "which route computes the parity labels (numpy or the kernel): the same labels, both bound to the "
       "plain twin in tests/_kernels/test_small.py and tests/_kernels/test_oracle.py; only the speed differs")
      for op in ("!=", ">=")],
    ("oracles.py", "labels = (KS if masks.shape[0] <= KS.SMALL else OK).parity_labels(masks, np.int64(k))",
     "labels = (KS if masks.shape[0] < KS.SMALL else OK).parity_labels(masks, np.int64(k))",
     "which route computes the parity labels (numpy or the kernel): the same labels, both bound to the "
     "plain twin in tests/_kernels/test_small.py and tests/_kernels/test_oracle.py; only the speed differs"),
    ("oracles.py", "h = q.feature_function if q.kind in (\"feature\", \"agreement\") else None",
     "h = q.feature_function if not q.kind in (\"feature\", \"agreement\") else None",
     "which route computes a parity class's values of a query: a general query's feature_function is None "
     "(so h stays None for it), and a feature or agreement query then takes the route of its columns, "
     "q.numerator_columns() through the exact integer transform, instead of h's integer spectrum: the same "
     "values (both bound to enumeration, test_feature_and_agreement_queries_of_any_h_against_enumeration and "
     "test_exact_values_equal_enumeration); only the speed differs"),
    ("oracles.py", "assert q.parity_mask is not None and self._alive is not None",
     "assert q.parity_mask is not None or self._alive is not None",
     "a weaker internal assertion: _fast_groups is called only under _fast_ok (a parity query) on an oracle "
     "with a version space, where both hold; no input reaches a failing assert"),
    ("oracles.py", "values_u = to_units(cand, b, 2 * Q)", "values_u = to_units(cand, b, 3 * Q)",
     "a stricter bound for choosing int64: more values become exact Python ints, the same numbers"),
    ("oracles.py", "if rest > 0:  # every other member f_T has the generic value",
     "if rest != 0:  # every other member f_T has the generic value",
     "rest counts the members outside the special ones, >= 0: != 0 is > 0"),
    ("oracles.py", "out = np.where(masks == 0, 0, n // 2).astype(np.int64)",
     "out = np.where(masks == 0, 0, n / 2).astype(np.int64)", _HALF),
    ("oracles.py", "generic = n // 2 if s else 0", "generic = n / 2 if s else 0",
     _HALF + " (np.array(values, dtype=np.int64) converts it)"),
    ("oracles.py", "F[masks == 0] -= n", "F[masks <= 0] -= n", "subset masks are >= 0: <= 0 is == 0"),
    ("oracles.py", "return 0 if q.parity_mask == 0 else n // 2", "return 0 if q.parity_mask <= 0 else n // 2",
     "a parity query's subset mask is >= 0: <= 0 is == 0"),
    ("oracles.py", "if masks.shape[0] and int(masks.min()) == 0:", "if masks.shape[0] or int(masks.min()) == 0:",
     "masks are the version space's (rows is the version space, never empty: the oracle raises InvariantViolated "
     "first, test_an_empty_version_space_is_caught), so masks.shape[0] is true and `or` reads the same min"),
    ("oracles.py", "if q.kind == \"agreement\":", "if q.kind <= \"agreement\":",
     "inside `q.kind in (\"feature\", \"agreement\")`: \"feature\" > \"agreement\", so <= is =="),
    *[("oracles.py", b, b.replace("q.kind == \"feature\"", "q.kind >= \"feature\""),
       "only parity queries (parity_mask set, which only parity_feature/parity_agreement and feature/agreement of "
       "a parity h make) or queries of kind feature or agreement reach this line, and \"agreement\" < \"feature\": "
       "the third kind, \"general\" (> \"feature\"), never gets here, so >= is ==")
      for b in ("if q.kind == \"feature\":", "feature = q.kind == \"feature\"")],
    ("oracles.py", "counts = [1] * len(special)", "counts = [ 0] * len(special)",
     "the special members counted 0 instead of 1 still shape the windows (a window is its values); with at most "
     "three values (f_0 at 0, the others at 1/4, f_S at 1/2 for a feature query; f_S at 1, the others at 1/2 for "
     "an agreement query) the windows that can be compared either have the same specials or differ by a special "
     "while one holds the others' group (count >= 1, beating a lone special in both, and the group's value is "
     "the null value, which wins a tie); so the same window is best. Only the answer is used, not the count"),
    ("oracles.py", "if self._budget is not None and self._count >= self._budget:",
     "if self._budget is not None and self._count == self._budget:",
     "the count grows by one per query from 0 and stops at the budget (the query that would pass it is "
     "refused before the count grows): >= is =="),
    *[("oracles.py", "self._vs_size = 0", f"self._vs_size = {e}",
       "without a class the size is never read: version_space_size returns None (it tests _alive), and "
       "query and _fast_groups read it only where the oracle keeps a version space") for e in ("1", "-1")],
    *[("oracles.py", "if self._vs.shape[0] == 0:", e,
       "a membership query cannot empty the version space: the answer is the fixed teacher's label (a member of "
       "the class, checked at construction) or the label of the larger part of it, so this guard never fires")
      for e in ("if self._vs.shape[0] < 0:", "if self._vs.shape[0] <= 0:", "if self._vs.shape[0] == -1:")],
    ("oracles.py", "if self._vs_size == 0:", "if self._vs_size <= 0:", "a count of members is >= 0: <= 0 is == 0"),
    ("oracles.py", "if self._masks_all is not None and self._fast_ok(q):",
     "if not self._masks_all is not None and self._fast_ok(q):",
     "_masks_all is None exactly when the class is not a parity class, where _fast_ok is False: the "
     "closed form is never taken, " + _FAST),
    ("complexity.py", "iu, ju = np.nonzero(np.triu(ok, 1))", "iu, ju = np.nonzero(np.triu(ok, 0))",
     "the diagonal adds self-loops, which networkx's find_cliques ignores (documented: 'This algorithm "
     "ignores self-loops')"),
    ("complexity.py", "if n_best is None or n_e < n_best:", "if n_best is None or n_e == n_best:", _BRANCH),
    ("complexity.py", "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: t[1].bit_count())",
     "the order in which the branch and bound tries the sets: it finds a smallest cover either way (the "
     "contract of _min_cover; the teaching sets are checked against brute force for their size and that "
     "they teach, and no tie-break between smallest covers is promised)"),
    ("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:", "if room <= 0 or failed.get(left, - 2) >= room:",
     "room > 0 there (room <= 0 returned first), so any default below 1 never prunes"),
    ("complexity.py", "np.fill_diagonal(ok, True)", "np.fill_diagonal(ok, False)",
     "the diagonal is read only by the complete-graph shortcut (ok.all()); without it the complete graph "
     "goes to networkx, whose one maximal clique is every member: the same dimension and members"),
    ("complexity.py", "break                      # sorted: no later query can do better",
     "continue                      # sorted: no later query can do better",
     "the candidates are sorted by nbig, so every later one meets the same cut and is skipped before any "
     "solve: the same calls, the same result"),
    ("complexity.py", "if best == lb:", "if best < lb:",
     "lb = ceil(log2 n) is a lower bound, so best < lb never holds; without the early exit the next "
     "candidate is cut at once: its nbig >= ceil(n/2) gives 1 + ceil(log2 nbig) >= ceil(log2 n) = best "
     "(no solve is called, the same result and count)"),
    ("complexity.py", "break", "continue",
     "`if best == lb: break`: continuing, the next candidate is cut at once by the sorted cut (1 + "
     "ceil(log2 nbig) >= lb = best, nbig >= ceil(n/2)), before any solve; the same result and count"),
    ("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:",
     "if room <= 0 or failed.get(left, -1) > room:",
     "a weaker use of the memo of states searched in vain: a state already searched with the same room is "
     "searched again, and fails again; the cover found is the same smallest one (only nodes are spent)"),
    ("complexity.py", "n_e = sum(1 for _, s in useful if s & e)", None, _BRANCH),
    ("complexity.py", "if n_e <= 1:", "if n_e <= 2:", _BRANCH),
    ("complexity.py", "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[ 0].bit_count())",
     "the order in which the branch and bound tries the sets (here by the bits of the point's index): it "
     "finds a smallest cover in any order (no tie-break between smallest covers is promised)"),
    ("complexity.py", "if r == 0 or len(blocks) << r < m:", "if r < 0 or len(blocks) << r < m:",
     "r = k - len(chosen) >= 0, and at r = 0 the second test returns as well: len(blocks) << 0 = "
     "len(blocks) < m (len(blocks) == m returned just above)"),
]
for _d in ("- 0", "~1", "not 1"):  # any default <= 0: room >= 1 there, so the memo never prunes an unseen state
    RULES.append(("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:",
                  f"if room <= 0 or failed.get(left, {_d}) >= room:",
                  "room >= 1 there (room <= 0 returned first), so a default <= 0 never prunes a state not "
                  "searched before"))
RULES += [
    ("complexity.py", "assert self.point is not None and self.if_0 is not None and self.if_1 is not None", None,
     "an assertion of the tree's own invariant (an inner node has a point and both children, as _build_tree "
     "makes it): it never fails, so a weaker or different assertion that also holds changes nothing"),
    ("complexity.py", "if n <= 1:", "if n == 1:",
     "solve is called on the whole class (m >= 1) and on both sides of a query that splits V, so |V| >= 1"),
    ("complexity.py", "while len(blocks) < m:", "while len(blocks) != m:",
     "refining m distinct members never gives more than m blocks, so != m is < m"),
    ("complexity.py", "if len(blocks) == m:", "if len(blocks) >= m:",
     "refining m distinct members never gives more than m blocks, so >= m is == m"),
    ("complexity.py", "if r == 0 or len(blocks) << r < m:", "if r == -1 or len(blocks) << r < m:",
     "r >= 0, and at r = 0 the second test returns as well (len(blocks) < m: == m returned above)"),
    ("complexity.py", "if m == 1:", "if m == 0:",
     "with one member _nonadaptive finds the same (0, ()): no partitions, the greedy loop does not run "
     "(1 block = m), upper = 0 and lb = ceil(log2 1) = 0, so it returns (upper, ()) at once"),
    ("complexity.py", "best[0] = tuple(chosen)", "best[ -1] = tuple(chosen)",
     "best is a list of one element (the best cover so far), so best[-1] is best[0]"),
    ("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:", "if room < 0 or failed.get(left, -1) >= room:",
     "at room = 0 the next tests return as well: top * 0 < |left| (left != 0 here)"),
    ("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:", "if room <= 0 or failed.get(left, -1) == room:",
     "a weaker use of the memo (only states searched in vain with exactly this room are cut, not with "
     "more): those searched again fail again, the cover found is the same smallest one (only nodes are spent)"),
    ("complexity.py", "e = probe & -probe", None,
     "with e = probe (every element left) instead of its lowest bit, the search branches on every useful set "
     "(each meets left): a superset of the sets covering one element, so it stays complete and finds a "
     "smallest cover (only nodes are spent)"),
    ("complexity.py", "if n_best is None or n_e < n_best:", "if n_best is None or n_e > n_best:", _BRANCH),
    ("complexity.py", "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: ~t[1].bit_count())",
     "~c = -c - 1: the same order of the sets"),
    ("complexity.py", "if 1 + _ceil_log2(nbig) >= best:", "if 1 + _ceil_log2(nbig) > best:",
     "a weaker cut (see the rule of 0 + ...): the candidates it no longer cuts are skipped after solve(big) "
     "by 1 + cb >= best; the same cost and tree, only version_spaces (the work) may grow"),
    ("complexity.py", "if 1 + _ceil_log2(nbig) >= best:", "if 1 + _ceil_log2(nbig) == best:",
     "a weaker cut (see the rule of 0 + ...): the candidates it no longer cuts are skipped after solve(big) "
     "by 1 + cb >= best; the same cost and tree, only version_spaces (the work) may grow"),
    ("complexity.py", "if V.bit_count() <= 1:", "if V.bit_count() == 1:",
     "_build_tree is called on the whole class (m >= 1 members: ConceptClass refuses m = 0) and on both "
     "sides of a query the search chose, which splits V (a query leaving a side empty is skipped), so V is "
     "never empty"),
    ("complexity.py", "if n_e <= 1:", "if n_e <= 0:",
     "the scan for the element covered by the fewest sets stops early at a count <= 1 or only at 0: "
     "which uncovered element the search branches on; every cover contains a set covering any one of "
     "them, so the search stays complete and finds a smallest cover either way (only the nodes it spends differ)"),
    ("complexity.py", "return TeachingDimension(max((len(s) for s in sets_out), default=0), tuple(sets_out))", None,
     "sets_out has one teaching set per member and a class has m >= 1 members (ConceptClass refuses an "
     "empty one), so max never falls back to its default"),
    ("complexity.py", "if 1 + _ceil_log2(nbig) >= best:", "if 0 + _ceil_log2(nbig) >= best:",
     "a weaker cut of the sorted candidates: one it no longer cuts costs at least 1 + ceil(log2 nbig) >= "
     "best, so after solve(big) the next test (1 + cb >= best) skips it; the cost and the tree are the "
     "same (the search stays exact), only more version spaces may be solved (the version_spaces count, "
     "a measure of the search's work, no test pins it beyond the docstring's parities(2) = 3)"),
    ("_kernels/bits.py", "for j in range(min(n, 64)):", "for j in range(min(n, 65)):",
     "j = 64 (only when n > 64) tests low & 64 with low = mask & 63: never set, no bit is added"),
    ("_kernels/wht.py", "if threaded and (n >> uint64(b0)) < uint64(2):", "if threaded and (n << uint64(b0)) < uint64(2):",
     "the tile is the block instead of the sub-block when the array is one block: a schedule choice (the "
     "serial kernel always tiles by blocks, bound to the definition), less work to share, the same transform"),
    ("_kernels/wht.py", "hi = a[0]", "hi = a[ -1]", "the running maximum may start from any entry of a"),
    ("_kernels/wht.py", "lo = a[0]", "lo = a[ -1]", "the running minimum may start from any entry of a"),
    ("_kernels/robustness.py", "break", "continue",
     "both breaks are shortcuts: in nearest_source after a distance 0 (no later source is strictly "
     "nearer), in within_of_sources after out[t] = True (later sources set it True again)"),
    ("_kernels/robustness.py", "while start < end:", "while start != end:",
     "start = stop <= end after every level (the queue only grows), so start < end iff start != end"),
    ("_kernels/robustness.py", "if p_code == 0:", "if p_code <= 0:",
     "p_code is 0, 1, 2 or 3 (the callers map p to it); none is negative"),
    ("_kernels/robustness.py", "if b < 0 or v < b:", "if b <= 0 or v < b:",
     "b = 0 is never compared again: the loop breaks as soon as a distance 0 is found"),
    ("_kernels/robustness.py", "if v == 0:", "if v <= 0:", "distances are >= 0"),
    ("_kernels/robustness.py", "if v == 0:", "if v < 0:",
     "the break is a shortcut: a later source replaces the best only with a strictly smaller distance, "
     "and none is below 0"),
    ("_kernels/robustness.py", "if v == 0:", "if v == -1:",
     "distances are >= 0, so the shortcut never fires: every source is compared, and a later one replaces "
     "the best only with a strictly smaller distance (none is below 0), the same (best, arg)"),
    ("_kernels/robustness.py", "if b < 0 or v < b:", "if b < 1 or v < b:",
     "b is -1 before the first source and a distance >= 0 after; b = 0 is never compared again (the loop "
     "breaks at a distance 0), so b < 1 holds exactly when b < 0 does"),
    ("_kernels/robustness.py", "if t > acc:", "if t >= acc:",
     "the running maximum: at t == acc the assignment acc = t changes nothing"),
    ("_kernels/robustness.py", "elif p_code == 1:", "elif p_code <= 1:",
     "p_code is 0, 1, 2 or 3 (the callers map p to it) and 0 took the branch above, so p_code <= 1 is "
     "p_code == 1 here"),
    ("_kernels/robustness.py", "elif p_code == 2:", "elif p_code <= 2:",
     "p_code is 0, 1, 2 or 3 and 0 and 1 took the branches above, so p_code <= 2 is p_code == 2 here"),
]

_NO_MEMO = ("the memo of states searched in vain is then never written (best only shrinks: len(best[0]) <= "
            "before, never more), so it never prunes: the search is the plain branch and bound and finds the "
            "same smallest cover (only nodes are spent)")
_C = "complexity.py"
NEW_MEMO = 'if len(best[0]) == before:    # nothing better found from here: no cover of left by room sets'
_SEPARATING = ("the non-adaptive search then also tries index sequences that step back (a part again, or an "
               "earlier one): a superset of the increasing ones, so at each k it finds a separating set iff one "
               "exists, and k runs upwards from the lower bound, so the least k is the same; a set with a "
               "repeated point cannot be the first found at the least k (its distinct points would separate "
               "with fewer); which minimum set is returned may differ (the result promises 'one such minimum "
               "set')")
RULES += [
    (_C, NEW_MEMO, NEW_MEMO.replace("==", ">", 1), _NO_MEMO),
    (_C, "if 1 + _ceil_log2(nbig) >= best:", "if 1 - _ceil_log2(nbig) >= best:",
     "a weaker cut (1 - x >= best implies 1 + x >= best, x >= 0): the loop goes on over candidates whose "
     "cost, at least 1 + ceil(log2 nbig), is >= best, so `cost < best` rejects each; the cost and the tree "
     "are the same, only more version spaces may be solved (the version_spaces count)"),
    (_C, "got = dfs(i + 1, refine(blocks, c), chosen + [x])", "got = dfs(i - 1, refine(blocks, c), chosen + [x])",
     _SEPARATING),
    (_C, "return dfs(0, [full], [])", "return dfs( -1, [full], [])", _SEPARATING),
    (_C, "got = dfs(i + 1, refine(blocks, c), chosen + [x])", "got = dfs(i + 0, refine(blocks, c), chosen + [x])",
     _SEPARATING),
    *[(_C, "if 1 + cb >= best:", e,
       "a weaker cut: a candidate it no longer skips has cost 1 + max(cb, cs) >= 1 + cb >= best, so "
       "`cost < best` rejects it after solve(small); the cost and the tree are the same, only more version "
       "spaces may be solved (the version_spaces count)")
      for e in ("if 1 - cb >= best:", "if 1 + cb == best:", "if 1 + cb > best:")],
    (_C, "if m == 1:", "if m <= 1:", "m >= 1 (ConceptClass refuses an empty class): <= 1 is == 1"),
    (_C, "if a != b:", "if a < b:", "a = b & c is a sub-mask of b, so a <= b as integers, equal only when a == b"),
    (_C, "if cost < best:", "if cost <= best:",
     "a later query of equal cost replaces the best one: the cost is the same and the tree still optimal "
     "(the result promises 'an optimal strategy', not the first)"),
    (_C, "if n_best is None or n_e < n_best:", "if n_best is None or n_e <= n_best:", _BRANCH),
    (_C, "if len(clique) > len(best):", "if len(clique) >= len(best):",
     "a later maximal clique of the same size replaces the best: the size is the same and the members "
     "still a largest set (the result promises 'one such largest set')"),
    (_C, "big, small = (a, b) if na >= n - na else (b, a)", "big, small = (a, b) if na <= n - na else (b, a)",
     "which side of a query is solved first (the cut after it only skips queries costing >= best either "
     "way); the cost and the tree are the same, only the version_spaces count may differ"),
    (_C, "best: list[int] = [0]", "best: list[int] = [ 1]",
     "the placeholder largest set before any clique: one member, replaced by every clique of two or more; "
     "when no two members may be together it is the answer, and {1} is as much a largest set as {0} "
     "(m >= 2 here: one member returned above)"),
    (_C, "if len(chosen) < len(best[0]):", "if len(chosen) < len(best[ -1]):",
     "best is a list of one element (the best cover so far), so best[-1] is best[0]"),
    (_C, "before = len(best[0])", "before = len(best[ -1])",
     "best is a list of one element (the best cover so far), so best[-1] is best[0]"),
    (_C, "if r == 0 or len(blocks) << r < m:", "if r == 0 and len(blocks) << r < m:",
     "r = 0 and len(blocks) < m (len(blocks) == m returned just above) hold together, so the cut at r = 0 "
     "stays; the capacity cut len(blocks) * 2^r < m is lost at r >= 1, which only spends nodes: a "
     "branch that cannot reach m blocks finds nothing either way"),
    (_C, "if n_best is None or n_e < n_best:", "if n_best is None or n_e >= n_best:", _BRANCH),
    *[(_C, "big, small = (a, b) if na >= n - na else (b, a)", f"big, small = (a, b) if na {op} n - na else (b, a)",
       "which side of a query is solved first (the cut after it only skips queries costing >= best "
       "either way); the cost and the tree are the same, only the version_spaces count may differ")
      for op in ("<", ">")],
    (_C, "budget[0] -= 1", "budget[ -1] -= 1", "budget is a list of one element: budget[-1] is budget[0]"),
    (_C, "if budget[0] < 0:", "if budget[ -1] < 0:", "budget is a list of one element: budget[-1] is budget[0]"),
    (_C, "big, small = (a, b) if na >= n - na else (b, a)", "big, small = (a, b) if na >= n + na else (b, a)",
     "which side of a query is solved first (na >= n + na never holds: always b first); the cut after it "
     "only skips queries costing >= best either way, so the cost and the tree are the same, only the "
     "version_spaces count may differ"),
    (_C, "if a == 0 or a == V:", "if a <= 0 or a == V:", "a = V & c is a bit mask, never negative: <= 0 is == 0"),
    (_C, "if a == 0 or a == V:", "if a == 0 or a >= V:", "a = V & c is a sub-mask of V, so a <= V: >= V is == V"),
    (_C, "return tuple(sorted(best[0]))", "return tuple(sorted(best[ -1]))",
     "best is a list of one element (the best cover so far), so best[-1] is best[0]"),
    (_C, "if best == lb:", "if best <= lb:", "lb is a lower bound of every cost, so best >= lb and <= is =="),
    (_C, "if n_best is None or n_e < n_best:", "if n_best is None or n_e != n_best:", _BRANCH),
    (_C, "if room <= 0 or failed.get(left, -1) >= room:", "if room == 0 or failed.get(left, -1) >= room:",
     "at room < 0 the memo test holds anyway (failed.get(left, -1) >= -1 >= room), so the state returns "
     "as before"),
    (_C, "if room <= 0 or failed.get(left, -1) >= room:", "if room <= -1 or failed.get(left, -1) >= room:",
     "at room = 0 the next tests return as well: top * 0 < |left| (left != 0 here)"),
    (_C, "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: not t[1].bit_count())",
     "the order in which the branch and bound tries the sets (here: as listed, every useful set being "
     "non-empty): it finds a smallest cover in any order (no tie-break between smallest covers is promised)"),
    (_C, NEW_MEMO, NEW_MEMO.replace("==", ">=", 1), "best only shrinks, so len(best[0]) <= before and >= is =="),
    (_C, NEW_MEMO, NEW_MEMO.replace("best[0]", "best[ -1]", 1),
     "best is a list of one element (the best cover so far), so best[-1] is best[0]"),
    (_C, "if c == 0 or c == full:", "if c <= 0 or c == full:",
     "c is a column of the class (a bit mask of members), never negative: <= 0 is == 0"),
    (_C, "if c == 0 or c == full:", "if c == 0 or c >= full:",
     "c is a bit mask of members, so c <= full (every member's bit): >= full is == full"),
    (_C, "if r == 0 or len(blocks) << r < m:", "if r <= 0 or len(blocks) << r < m:",
     "r = k - len(chosen) >= 0 (dfs recurses only from r >= 1, with one more chosen): <= 0 is == 0"),
    (_C, "if s and s not in seen:", "if s or s not in seen:",
     "_min_cover's candidates then keep duplicates (after their first copy) and one empty set: the "
     "greedy bound takes the first largest (the first copy; the empty set meets nothing left), `useful` "
     "drops the empty set, and a duplicate is branched on after its first copy, whose subtree already "
     "found every cover through it; a cover is replaced only by a strictly smaller one, so the same "
     "points are returned"),
    ("complexity.py", "if room <= 0 or failed.get(left, -1) >= room:",
     "if room <= 0 and failed.get(left, -1) >= room:",
     "room >= 1: the memo is no longer read (no pruning, the same smallest cover, only nodes are spent); "
     "room = 0: left != 0 and the next tests return (no useful set, or top * 0 < |left|); room <= -1: "
     "failed.get(left, -1) >= -1 >= room holds and it returns as before"),
    ("complexity.py", "useful = [(x, s & left) for x, s in allowed if s & left]",
     "useful = [(x, s & left) for x, s in allowed if s | left]",
     "left != 0 here, so every allowed set is kept, those missing left as (x, 0): an empty set is never "
     "branched on (it meets no e_best), never counted in n_e, and top is 0 only if every set is empty, "
     "when top * room < |left| returns as `not useful` did; the children get the same sets plus empty ones"),
    ("complexity.py", "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: +t[1].bit_count())",
     "the order in which the branch and bound tries the sets (smallest first): it finds a smallest cover "
     "in any order (the teaching sets are checked against brute force for their size and that they teach; "
     "no tie-break between smallest covers is promised)"),
    ("complexity.py", "if n_e <= 1:", None, _BRANCH + " (the early stop only saves the scan)"),
    ("complexity.py", "if m == 1:", "if m < 1:",
     "m >= 1 (ConceptClass refuses an empty class), so one member goes to _nonadaptive, which finds the same "
     "(0, ()): no partitions, the greedy loop does not run (1 block = m), upper = 0 and lb = ceil(log2 1) = 0"),
]
for _after in ("big, small = (a, b) if na != n - na else (b, a)", "big, small = (a, b) if na == n - na else (b, a)",
               "big, small = (a, b) if not na >= n - na else (b, a)"):
    RULES.append(("complexity.py", "big, small = (a, b) if na >= n - na else (b, a)", _after,
                  "which side of a candidate query is solved first (the larger one is only a heuristic): the "
                  "cut after it (1 + cost >= best) holds for either side, since the cost is 1 + the larger of "
                  "the two; solve(V) depends only on V, so the cost, the chosen queries and the tree are the "
                  "same; only the version_spaces count (the search's work) may differ"))


RULES += [
    ("complexity.py", "branch = sorted((t for t in useful if t[1] & e_best), key=lambda t: -t[1].bit_count())",
     "branch = sorted((t for t in useful if t[1] | e_best), key=lambda t: -t[1].bit_count())",
     "every useful set is nonzero, so the search branches on every useful set: a superset of the sets "
     "covering e_best, so it stays complete and finds a smallest cover (only nodes are spent, and which of "
     "the smallest covers is returned may differ: no tie-break is promised)"),
    ("complexity.py", "if 1 + cb >= best:", "if 0 + cb >= best:",
     "a weaker cut: a candidate it no longer skips has cost 1 + max(cb, cs) >= 1 + cb >= best, so "
     "`cost < best` rejects it after solve(small); the cost and the tree are the same, only more version "
     "spaces may be solved (the version_spaces count)"),
]

RULES += [
    ("complexity.py", "if len(chosen) < len(best[0]):", "if len(chosen) != len(best[0]):",
     "len(chosen) <= len(best[0]) at a full cover: its parent branched with room >= 1 (len(chosen) - 1 <= "
     "len(best) - 2 then), and best has since shrunk only to covers found below that parent, which hold "
     "len(chosen) sets or more; so != is <"),
    ("complexity.py", "if len(chosen) < len(best[0]):", "if len(chosen) <= len(best[0]):",
     "len(chosen) <= len(best[0]) at a full cover (see the rule of !=), so <= also takes a cover of the "
     "same size: the size found is the same smallest one, only which of the smallest covers is returned may "
     "differ (no tie-break between smallest covers is promised; the teaching sets are checked against "
     "brute force for their size and that they teach)"),
]

# _kernels/small.py (the numpy routes for inputs of at most 2^12)
RULES += [
    ("_kernels/small.py", "orig = np.concatenate([vs[anchor + 1:], vs[:anchor]]) ^ vs[anchor]",
     "orig = np.concatenate([vs[anchor + 0:], vs[:anchor]]) ^ vs[anchor]",
     "the anchor's own difference vs[anchor] ^ vs[anchor] = 0 comes first: 0 lies in every span, is "
     "skipped (only nonzero reduced differences are chosen) and reduces nothing, so the same are chosen"),
    ("_kernels/small.py", "later = red[i + 1:]", "later = red[i + 0:]",
     "red[i] (the difference just chosen) is reduced by itself to 0 as well, and never read again: the "
     "next scan starts at i + 1"),
    ("_kernels/small.py", "while len(out) < k and start < red.shape[0]:",
     "while len(out) < k and start != red.shape[0]:",
     "start is 0 or i + 1 for an index i < red.shape[0], so start <= red.shape[0] and != is <"),
    ("_kernels/small.py", "ans = np.where(np.abs(v - null) > t, np.where(v > null, v - t, v + t), null)  # moved t towards null",
     "ans = np.where(np.abs(v - null) > t, np.where(v >= null, v - t, v + t), null)  # moved t towards null",
     "where |v - null| > t >= 0 holds v != null, so v >= null is v > null there (elsewhere the answer "
     "is null whatever the inner choice)"),
    ("_kernels/small.py", "return ((g > 0) ^ s).astype(np.uint8)  # g = +-1: chi_a(x) g > 0 is g > 0 flipped where <a, x> = 1",
     "return ((g > -1) ^ s).astype(np.uint8)  # g = +-1: chi_a(x) g > 0 is g > 0 flipped where <a, x> = 1",
     "g = F's value, +1 or -1 (the pattern's table, the contract), so g > -1 is g > 0"),
    ("_kernels/small.py", "return ((g > 0) ^ s).astype(np.uint8)  # g = +-1: chi_a(x) g > 0 is g > 0 flipped where <a, x> = 1",
     "return ((g >= 0) ^ s).astype(np.uint8)  # g = +-1: chi_a(x) g > 0 is g > 0 flipped where <a, x> = 1",
     "g = F's value, +1 or -1 (the pattern's table, the contract), never 0, so g >= 0 is g > 0"),
    ("_kernels/small.py", "gap = int(vals.max()) - int(vals.min()) + int(win) + 1",
     "gap = int(vals.max()) - int(vals.min()) + int(win) + 2",
     "the gap between rows only has to exceed the values' range plus the window, so that no window "
     "reaches into the next row; a gap one wider keeps every row's windows and counts the same"),
    ("_kernels/small.py", "most = counts.reshape(rows, -1).max(axis=1)", "most = counts.reshape(rows, ~1).max(axis=1)",
     "~1 = -2: numpy's reshape infers a negative size whatever its value (reshape(3, -2) of 12 "
     "entries is 3 x 4), so the shape is (rows, 2n) as with -1"),
    ("_kernels/small.py", "if rows == 0:", "if rows <= 0:", "rows = spec.shape[0] is a length, never negative"),
    ("_kernels/small.py",
     "q = n - np.broadcast_to(np.asarray(coefficients, dtype=np.int64), hits.shape)  # each hit's value over b",
     "q = n + np.broadcast_to(np.asarray(coefficients, dtype=np.int64), hits.shape)  # each hit's value over b",
     "n + c is n - c reflected about the null value n, and what an answer rules out does not change "
     "under that reflection: the null responder's distances to the null value and its tie by first "
     "member are the same, the answer is reflected with them, and a window [v, v + 2t] holds as many "
     "members as its reflection"),
    ("_kernels/small.py",
     "key = np.where(count, np.abs(vals - n)[None, :] * (vs_size + 1) + first.reshape(rows, m), np.iinfo(np.int64).max)",
     "key = np.where(count, np.abs(vals - n)[None, :] * (vs_size + 2) + first.reshape(rows, m), np.iinfo(np.int64).max)",
     "first is at most vs_size (a member's position, or vs_size where none is hit), so any factor above "
     "vs_size orders the present values by (distance, first member): vs_size + 2 orders them as vs_size + 1"),
    ("_kernels/small.py", "while len(out) < k and start < red.shape[0]:",
     "while len(out) != k and start < red.shape[0]:",
     "out grows by one difference per pass from empty and the loop ends when it holds k (k >= 0: the "
     "student's max_k >= 1), so len(out) never exceeds k and != is <"),
    ("_kernels/small.py",
     "ans = np.where(np.abs(v - null) > t, np.where(v > null, v - t, v + t), null)  # moved t towards null",
     "ans = np.where(np.abs(v - null) >= t, np.where(v > null, v - t, v + t), null)  # moved t towards null",
     "at |v - null| = t the value moved t towards the null value is the null value itself, the answer "
     "when the distance is <= t: the same answer either way"),
    ("_kernels/small.py", "lo = d // 2", "lo = d // 3",
     "the transform is H_(d - lo) M H_lo for the table M reshaped 2^(d - lo) x 2^lo, for every split "
     "0 <= lo <= d (Sylvester's H_d is the Kronecker product H_(d - lo) x H_lo); the split only changes "
     "the matrices' shapes"),
    ("_kernels/small.py", "lo = d // 2", "lo = d // 1",
     "lo = d: the split 2^0 x 2^d, one of the factorisations H_(d - lo) M H_lo valid for every 0 <= lo <= d "
     "(Sylvester's H_d is the Kronecker product H_(d - lo) x H_lo); only the matrices' shapes change"),
]

_SENTINEL = ("the mark of a mask outside the version space is only ever tested as negative (pos[...] >= 0, "
             "hits >= 0, H's -1 rows): any negative mark reads the same")
_NUMPY_ROUTE = ("which route computes the same list (the numpy one of _kernels/small.py or the kernel; both "
                "bound to the same plain twin in tests/naive.py, and to each other, in tests/_kernels/): only "
                "the speed differs")
_STEP_ROUTE = ("a stricter bound for the kernel step: where it differs the step runs _best_python instead, "
               "which the kernel is tested to choose exactly as (test_greedy_step_kernel_chooses_as_the_plain_loop)")

_REFLECT = ("2^kmax + c is 2^kmax - c reflected about the null value 2^kmax, and what an answer rules out "
            "does not change under that reflection: the null responder's distances to the null value and "
            "its tie by first member are the same, the answer is reflected with them, and a window "
            "[v, v + 2t] holds as many members as its reflection (the Python-int path reads the "
            "coefficients themselves, not these columns)")
_BIG = ("every number the int64 route forms (simulate_on_grid with n = big, b, t = 2 big a) is at most "
        "2 big b + 4 big a < 4 big b (a < b / 2: at alpha >= 1/2 no pattern is strong and the step is never "
        "reached), and this bound is still >= 6 big b, so where it admits the int64 route nothing overflows: "
        "the same removals as in Python ints")
_PIDX = ("dead code: whenever the step is reached the family is non-empty (at alpha >= 1/2 no pattern is "
         "strong and _best returns before: an empty family stops 'no progress'), so it holds the one-parity pattern "
         "(k = 0), which fits every anchor and is weighed at one block translate at least: pidx never "
         "has fewer than two candidates")

_KINDS = "the adversary kinds are 'null' and 'max_consistent', and 'max_consistent' < 'null', so >= is =="

_HEADROOM = ("a looser int64 bound that still holds the step's largest number: the kernel's and the numpy "
             "route's numbers are at most 2 m b + 4 m a < 4 m b (the values (2^k - c) b <= 2 m b, a window's end "
             "v + 2t with t = 2 m a, and a < b / 2: at alpha >= 1/2 no pattern is strong and the step is never "
             "reached), and this bound is still >= 4 m b, so wherever it admits int64 nothing overflows: the "
             "same numbers as the true bound's route")
_TOP_WINDOW = ("a looser int64 bound (X + 4 fits where 4 X must): for X = 2 m (b + a) up to 2^63 - 5 the int64 "
               "route runs, and its only number that can pass 2^63 is the end v + 2t of the window starting "
               "at the one-parity pattern's top value (a pattern with k >= 1 has max |Fhat| <= 1/2 and, being "
               "strong, 2 alpha < 1/2, so its values and window ends stay <= X). That end wraps negative and the "
               "window's count comes out 0 (kernel) or negative (numpy grid) instead of what it holds: the "
               "one-parity query's hit, one member at most (only S = a has a coefficient), and no other value. "
               "Both routes keep the largest window count, and the step runs on >= 2 members, so another window "
               "holds >= 1: at alpha < 1/4 the window from the null value (the other members, or the empty "
               "top column of another pattern's row, count 0 either way: not the max); at alpha >= 1/4 (the "
               "one-parity pattern alone) the window from the null value b reaches 2b (2t = 4 alpha b >= b) "
               "and holds the top window's member too. So the largest count, the answer it leads to, and what "
               "is ruled out are the same")
_K = "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64({}):"
_P = "if fits_int64({}):  # every value and the window fit int64"

# learners/sq.py (Greedy._best_python on numpy)
RULES += [
    *[("learners/sq.py", _K.format("4 * (2 * m * tb + ta * 2 * m)"), _K.format(e), _HEADROOM) for e in (
        "4 * (2 * m * tb - ta * 2 * m)", "4 * (2 + m * tb + ta * 2 * m)", "4 * (2 * m * tb + ta + 2 * m)",
        "4 * (2 * m * tb + ta * 2 + m)", "4 * (2 * m * tb + ta / 2 * m)", "4 * ( 1 * m * tb + ta * 2 * m)",
        "4 * (2 * m * tb + ta * 1 * m)", " 3 * (2 * m * tb + ta * 2 * m)", "4 * (2 * m * tb + ta * 2 / m)")],
    ("learners/sq.py", _K.format("4 * (2 * m * tb + ta * 2 * m)"), _K.format("4 * (2 * m * tb + ta * 3 * m)"),
     _STEP_ROUTE),
    ("learners/sq.py", _K.format("4 * (2 * m * tb + ta * 2 * m)"), _K.format("4 + (2 * m * tb + ta * 2 * m)"),
     _TOP_WINDOW),
    ("learners/sq.py", _P.format("4 * (2 * big * tb + ta * 2 * big)"), _P.format("4 + (2 * big * tb + ta * 2 * big)"),
     _TOP_WINDOW),
    # Greedy._best's empty-family return: its caller, next_query, reads only the pattern (None: the
    # student stops) and never the count beside it
    ("learners/sq.py", "return 0, None, None, None", None,
     "the removed count returned with no pattern: next_query returns None on pattern None before it "
     "reads the count (the count is kept only with a pattern, as the step's prediction)"),
    *[("learners/sq.py", _P.format("4 * (2 * big * tb + ta * 2 * big)"), _P.format(e), _HEADROOM) for e in (
        "4 * (2 * big * tb - ta * 2 * big)", "4 * (2 + big * tb + ta * 2 * big)", "4 * (2 * big * tb + ta + 2 * big)",
        "4 * (2 * big * tb + ta / 2 * big)", "4 * (2 * big * tb + ta * 2 / big)", "4 * ( 1 * big * tb + ta * 2 * big)",
        "4 * (2 * big * tb + ta * 1 * big)")],
    ("learners/sq.py", "anchors = sorted({0, n // 3, (2 * n) // 3})", "anchors = sorted({0, n // 3, (2 * n) / 3})",
     "the anchors reach the kernel as np.array(anchors, dtype=np.int64) and np.int64(anchor), which truncate "
     "2n / 3 to (2n) // 3 (n >= 2); a float equal to an int anchor is the same set element"),
    ("learners/sq.py", "if pidx.shape[0] == 0:", "if pidx.shape[0] < 0:", _PIDX),
    ("learners/sq.py", "if pidx.shape[0] == 0:", "if pidx.shape[0] <= 0:", _PIDX),
    ("learners/sq.py", 'vs[::step], np.int64(self.top), np.int64(tb), np.int64(ta), kind == "null")',
     'vs[::step], np.int64(self.top), np.int64(tb), np.int64(ta), kind >= "null")', _KINDS),
    ("learners/sq.py",
     'removed = KS.simulate_on_grid(H, cols[pidx], vals, n, big, tb, ta * 2 * big, kind == "null").tolist()',
     'removed = KS.simulate_on_grid(H, cols[pidx], vals, n, big, tb, ta * 2 * big, kind >= "null").tolist()', _KINDS),
    *[("learners/sq.py", "if sh is not None and sh <= best[0]:", f"if sh is not None and sh {op} best[0]:",
       "a block translate with sh strong hits rules out at most sh candidates against either adversary (the "
       "members at distance <= alpha from the null value, all but the strong hits, are kept by the null "
       "answer, and the max-consistent answer keeps at least as many), so where sh <= best it never replaces "
       "the best (only strictly more does): skipping fewer of them changes no choice") for op in ("==", "<")],
    ("learners/sq.py", "continue", "break",
     "the `continue` after `if pat.k > len(block):` in _best_python (the only `continue` of learners/sq.py "
     "whose mutant survives; the one after `sh <= best[0]` is killed): never reached, since the family is "
     "built for kfam = min(bits varying, max_k) = len(block) coordinates (next_query), so no pattern has "
     "k > len(block)"),
    ("learners/sq.py", "if n0 > 0:", "if n0 != 0:",
     "n0 = vs_size - (the hits), and the hits are distinct members of the version space: n0 >= 0"),
    ("learners/sq.py", "if k >= len(C):", "if k == len(C):",
     "the loop above stops at k = len(C) at the latest and k starts at _next <= len(C): k never exceeds len(C)"),
    ("learners/sq.py", 'top = np.argsort(-counts, kind="stable")[: self.top]',
     'top = np.argsort(~counts, kind="stable")[: self.top]',
     "~counts = -counts - 1 orders the translates exactly as -counts (a stable sort of a shifted key)"),
    ("learners/sq.py", "table = np.unpackbits(np.frombuffer(self._rng.bytes((n + 7) // 8), dtype=np.uint8), count=n)",
     "table = np.unpackbits(np.frombuffer(self._rng.bytes((n + 7) / 8), dtype=np.uint8), count=n)",
     "numpy's Generator.bytes truncates a float length (bytes(1.375) is 1 byte), and int((n + 7) / 8) = "
     "(n + 7) // 8 for n >= 0: the same bytes are drawn"),
    ("learners/sq.py", "table = np.unpackbits(np.frombuffer(self._rng.bytes((n + 7) // 8), dtype=np.uint8), count=n)",
     "table = np.unpackbits(np.frombuffer(self._rng.bytes((n + 6) // 8), dtype=np.uint8), count=n)",
     "n = 2^d with d >= 1 (a Boolean function's table has length >= 2): (n + 6) // 8 = (n + 7) // 8 for "
     "n = 2, 4 (1 byte) and every multiple of 8"),
    ("learners/sq.py", "return np.where(total > 0, 1, -1).astype(np.int64)",
     "return np.where(total > -1, 1, -1).astype(np.int64)",
     "_majority is called with odd k only, so total (a sum of k terms +-1) is odd: > -1 is > 0"),
    ("learners/sq.py", "self._pos = np.full(1 << oracle.d, -1, dtype=np.int64)  # mask -> position in the version space",
     "self._pos = np.full( 2 << oracle.d, -1, dtype=np.int64)  # mask -> position in the version space",
     "_pos is indexed by masks < 2^d only: the entries after them are never read"),
    ("learners/sq.py", "self._pos_set = np.zeros(0, dtype=np.int64)  # the masks _pos holds positions of",
     "self._pos_set = np.zeros( 1, dtype=np.int64)  # the masks _pos holds positions of",
     "the first step resets _pos at mask 0, which holds -1 already (no position was set), before it sets "
     "the version space's positions: the same _pos"),
    *[("learners/sq.py", "self._predicted = 0", f"self._predicted = {v}",
       "the initial prediction is never read: next_query sets it before it returns a query, and observe "
       "(the only reader) follows a query") for v in ("1", "-1")],
    ("learners/sq.py", "D = np.zeros((len(anchors), max(1, self.max_k)), dtype=np.int64)",
     "D = np.zeros((len(anchors), max( 0, self.max_k)), dtype=np.int64)", "max_k >= 1 (refused otherwise in __init__)"),
    ("learners/sq.py", "self._pos[self._pos_set] = -1  # only the last step's members: no pass over all 2^d masks",
     "self._pos[self._pos_set] = - 2  # only the last step's members: no pass over all 2^d masks", _SENTINEL),
    ("learners/sq.py", "H = np.where(valid[pidx], np.concatenate(hits), -1)",
     "H = np.where(valid[pidx], np.concatenate(hits), - 2)", _SENTINEL),
    ("learners/sq.py", "dirs = [_independent_differences(vs, i, self.max_k, kernel=True) for i in anchors]",
     "dirs = [_independent_differences(vs, i, self.max_k, kernel=False) for i in anchors]", _NUMPY_ROUTE),
    ("learners/sq.py", "if not kernel:", "if  kernel:", _NUMPY_ROUTE),
    # the kernel step's route test: its first clause decides nothing on its own (the int64 bound after
    # it still guards the kernel)
    *[("learners/sq.py", "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
       f"if {first} or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
       "which route runs the step where the int64 bound holds (the kernel, or _best_python, which the kernel "
       "is tested to choose exactly as): the bound after the `or` still sends every step it fails to "
       "_best_python") for first in ("pos.shape[0] < _NUMPY_MAX_POINTS", "pos.shape[0] > _NUMPY_MAX_POINTS",
                                      "pos.shape[0] >= _NUMPY_MAX_POINTS", "not pos.shape[0] <= _NUMPY_MAX_POINTS")],
    ("learners/sq.py", "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
     "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64( 5 * (2 * m * tb + ta * 2 * m)):", _STEP_ROUTE),
    ("learners/sq.py", "if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "if fits_int64(4 * (2 * big * tb + ta * 3 * big)):  # every value and the window fit int64",
     "a stricter bound for the int64 route: where it differs the removals are computed in Python ints "
     "instead, the same numbers"),
    ("learners/sq.py", "if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "if fits_int64( 5 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "a stricter bound for the int64 route: where it differs the removals are computed in Python ints "
     "instead, the same numbers"),
    ("learners/sq.py", "q = (1 << kmax) - coef", "q = (1 << kmax) + coef", _REFLECT),
    ("learners/sq.py", "values = [(n - c) * b for c in coefs[order].tolist()]",
     "values = [(n + c) * b for c in coefs[order].tolist()]",
     "(n + c) b is (n - c) b reflected about the null value n b, and what an answer rules out does not change "
     "under that reflection: the null responder's distances to the null value and its tie by first member "
     "are the same, the answer is reflected with them, and a window [v, v + 2t] holds as many members as "
     "its reflection"),
    ("learners/sq.py", "D = np.zeros((len(anchors), max(1, self.max_k)), dtype=np.int64)",
     "D = np.zeros((len(anchors), max( 2, self.max_k)), dtype=np.int64)",
     "the kernel reads row s of D up to ndirs[s] <= max_k only: a wider D's extra zeros are never read"),
    ("learners/sq.py", "varying = int(np.bitwise_or.reduce(vs ^ vs[0]))", "varying = int(np.bitwise_or.reduce(vs ^ vs[ -1]))",
     "a bit varies in the version space iff some member differs there from any one member, the last as "
     "well as the first"),
    ("learners/sq.py", "if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "if fits_int64(4 * (2 * big * tb + ta * 2 + big)):  # every value and the window fit int64", _BIG),
    ("learners/sq.py", "if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "if fits_int64( 3 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64", _BIG),
    ("learners/sq.py", "if fits_int64(4 * (2 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "if fits_int64(4 * ( 3 * big * tb + ta * 2 * big)):  # every value and the window fit int64",
     "a stricter bound for the int64 route: where it differs the removals are computed in Python ints "
     "instead, the same numbers"),
    ("learners/sq.py", "anchors = sorted({0, n // 3, (2 * n) // 3})", "anchors = sorted({0, n / 3, (2 * n) // 3})",
     "the anchors reach the kernel as np.array(anchors, dtype=np.int64) and np.int64(anchor), which truncate "
     "n / 3 to n // 3 (n >= 2); where n / 3 and 0 then coincide (n = 2) the kernel weighs anchor 0 twice, "
     "and a candidate replaces the best only when it rules out strictly more: the same step"),
    ("learners/sq.py", "_majority(k, [1 if j % 2 == 0 else -1 for j in range(k)])))",
     "_majority(k, [1 if j % 2 <= 0 else -1 for j in range(k)])))", "j % 2 is 0 or 1, so <= 0 is == 0"),
    ("learners/sq.py", "return np.where(total > 0, 1, -1).astype(np.int64)",
     "return np.where(total >= 0, 1, -1).astype(np.int64)",
     "_majority is called with odd k only (3, 5, ...), and a sum of an odd number of +-1 terms is odd, never 0"),
    ("learners/sq.py", "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
     "if pos.shape[0] == _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):", _STEP_ROUTE),
    ("learners/sq.py", "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
     "if pos.shape[0] != _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):", _STEP_ROUTE),
    ("learners/sq.py", "m = 1 << kmax", "m = 2 << kmax",
     "m is read only by the kernel step's int64 bound just below, which it makes stricter: " + _STEP_ROUTE),
    ("learners/sq.py", "self._pos = np.full(1 << oracle.d, -1, dtype=np.int64)  # mask -> position in the version space",
     "self._pos = np.full(1 << oracle.d, ~1, dtype=np.int64)  # mask -> position in the version space", _SENTINEL),
    ("learners/sq.py", "H = np.where(valid[pidx], np.concatenate(hits), -1)",
     "H = np.where(valid[pidx], np.concatenate(hits), ~1)", _SENTINEL),
    ("learners/sq.py", "if not kernel:", "if not not kernel:", _NUMPY_ROUTE),
    ("learners/sq.py", "def _independent_differences(vs: np.ndarray, anchor: int, k: int, kernel: bool = False) -> list[int]:",
     "def _independent_differences(vs: np.ndarray, anchor: int, k: int, kernel: bool = True) -> list[int]:",
     _NUMPY_ROUTE),
    ("learners/sq.py", "np.array(block + [0] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "np.array(block + [ -1] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "the kernel reads the block's first nblock = len(block) entries only (_span_of(block, nblock)): the "
     "padding after them is never read"),
    ("learners/sq.py", "if pidx.shape[0] == 0:", "if pidx.shape[0] == 1:", _PIDX),
    ("learners/sq.py", "if pidx.shape[0] == 0:", "if pidx.shape[0] == -1:", _PIDX),
    *[("learners/sq.py", "return (0, None, None, None)", f"return ( {v}, None, None, None)",
       "the early return after `if pidx.shape[0] == 0:` in _best_python (_best's return of the same text "
       "after `if p < 0:` is killed: test_greedy_stops_when_no_query_of_its_family_rules_anyone_out): "
       + _PIDX) for v in ("1", "-1")],
    ("learners/sq.py", "def greedy_family(block_size: int, tolerance: Any, max_k: int = 11) -> list[QueryPattern]:",
     "def greedy_family(block_size: int, tolerance: Any, max_k: int = 12) -> list[QueryPattern]:",
     "the family's majorities have odd k and its inner products k <= 8, so k <= 11 and k <= 12 give the "
     "same patterns"),
    ("learners/sq.py", "if self._i >= oracle.d:", "if self._i == oracle.d:",
     "_i starts at 0 and grows by one per query, and the student stops when it reaches d: it never passes d"),
    ("learners/sq.py", "self._next = 0", "self._next = -1",
     "in_version_space(-1) is False (a search of the version space's sorted indices, no error), so the "
     "loop steps on to 0 and the first query is the same"),
    ("learners/sq.py", "while k < len(C) and not oracle.in_version_space(k):",
     "while k != len(C) and not oracle.in_version_space(k):",
     "k starts at _next <= len(C) (the student stops once k reaches len(C)) and grows by one: it reaches "
     "len(C) before it could pass it, so != is <"),
    ("learners/sq.py", "self._pos = np.full(1 << oracle.d, -1, dtype=np.int64)  # mask -> position in the version space",
     "self._pos = np.full(1 << oracle.d, - 2, dtype=np.int64)  # mask -> position in the version space", _SENTINEL),
    ("learners/sq.py", "self._pos[self._pos_set] = -1  # only the last step's members: no pass over all 2^d masks",
     "self._pos[self._pos_set] = ~1  # only the last step's members: no pass over all 2^d masks", _SENTINEL),
    ("learners/sq.py", "dirs = _independent_differences(vs, anchor, self.max_k, kernel=pos.shape[0] > _NUMPY_MAX_POINTS)",
     None, "every mutant of this line that runs still picks one of the two routes of the differences: " + _NUMPY_ROUTE),
    ("learners/sq.py", "route = KS if (1 << oracle.d) <= KS.SMALL else GK  # numpy at the demo's sizes: no numba to start",
     None, "every mutant of this line still picks one of the two routes of query_table: " + _NUMPY_ROUTE),
    ("learners/sq.py", "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * (2 * m * tb + ta * 2 * m)):",
     "if pos.shape[0] <= _NUMPY_MAX_POINTS or not fits_int64(4 * ( 3 * m * tb + ta * 2 * m)):", _STEP_ROUTE),
    ("learners/sq.py", "np.array(block + [0] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "np.array(block + [ 1] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "the kernel reads the block's first nblock = len(block) entries only (_span_of(block, nblock)): the "
     "padding after them is never read"),
    ("learners/sq.py", "np.array(block + [0] * (self.max_k - len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "np.array(block + [0] * (self.max_k + len(block)), dtype=np.int64), np.int64(len(block)), *arrays,",
     "the kernel reads the block's first nblock = len(block) entries only (_span_of(block, nblock)): a "
     "longer padding after them is never read"),
    *[("learners/sq.py", "H = np.where(valid[pidx], np.concatenate(hits), -1)",
       f"H = np.where(valid[pidx], np.concatenate(hits), {mark})",
       "a padding entry (J = 0 of a row padded to the family's width, coefficient 0) marked as a position "
       "(>= 0) instead of -1: the Python-int path reads only the valid entries (H[r][valid[p]]); on the numpy "
       "route it counts as a member at the null value (its column: coefficient 0, value 2^kmax) while rest = "
       "vs_size - hits drops by one, so every column's count is the same, and the null column's first member "
       "is read only where its count is > 0, where it is answered at distance 0 whatever its first member")
      for mark in ("- 0", "+1", "1", "not 1")],
]

# arrays that are one-dimensional by the function's contract, per module: X.shape[0] -> X.shape[-1]
ONE_D: dict[str, set[str]] = {
    # positions: np.flatnonzero of the alive mask (1-D by construction); masks: a 1-D array of
    # subset masks; self._alive: the 1-D mask of members alive
    # labels: a membership query's 1-D labels of the version space; self._vs: its 1-D positions;
    # cand: _class_values' 1-D values of the version space
    "oracles.py": {"positions", "masks", "self._alive", "labels", "self._vs", "cand"},
    # values: _grouped's 1-D array (max_consistent_answer's); v: the 1-D distinct values
    "_kernels/responders.py": {"values", "v"},
    # dirs: query_table's 1-D directions v_1..v_k (the contract; the caller passes a 1-D array)
    "_kernels/greedy.py": {"dirs", "vs", "pk", "anchors", "translates", "support", "out"},  # best_candidate's 1-D arrays  # vs: best_candidate's 1-D version space (masks in its order)
    "_kernels/sq.py": {"A"},
    "_kernels/sq_search.py": {"masks"},  # best_query's masks: the members' parity masks, 1-D  # least_max_window's A: a row of the halves' spectra (spec8[r])
    "_kernels/wht.py": {"a", "src", "values", "table"},  # table: signed_spectrum's 1-D uint8 truth table
    # idx = np.flatnonzero(...): 1-D by construction; values: ndim != 1 is refused first (same line)
    "distributions.py": {"self._support", "idx", "values"},
    # v is _grouped's 1-D array of distinct values; values (in _grouped) is max_consistent_answer's 1-D array
    "responders.py": {"v", "values"},
    # vs: the version space's 1-D array of masks or positions; pos: mask -> position (1-D, 2^d);
    # p.support: a pattern's 1-D array of J
    # table: from_table's np.asarray of a pattern's +-1 table; fit, top: np.flatnonzero and an
    # argsort slice (1-D by construction)
    # hit_coefs: _simulate_removed's 1-D coefficients; pidx: a concatenation of 1-D index arrays;
    # s: a pattern's 1-D strong set
    "learners/sq.py": {"vs", "pos", "p.support", "table", "fit", "top", "hit_coefs", "pidx", "s"},
    "fourier.py": {"values"},  # walsh_hadamard refuses values.ndim != 1 on the line before
    # a: transform_is_exact's and wht's 1-D array (the contract, every caller's 1-D table);
    # flat: least_max_window's ravel(), 1-D by construction
    # red: independent_differences' copy of a concatenation of 1-D slices
    # vals: simulate_on_grid's sorted 1-D grid of values (the contract, np.union1d's result)
    "_kernels/small.py": {"a", "flat", "red", "vals"},
}


# _kernels/sq.py (the ninth run): least_max_window's null-window count c is only a bound
# used to skip rows, and its break when kk reaches the best only stops early
_SQ = "_kernels/sq.py"
_NULL_BOUND = ("the null window's count c only skips rows: the window [-half, half] fits inside the sorted "
               "window [v, v + win] of its least member v, so c <= the row's max window count kk, and a row "
               "with c >= best cannot become the best.  The mutant counts a subset of those values (or starts "
               "lower, or uses a narrower window), so c stays a lower bound: it skips fewer rows, which are then "
               "computed in full, with the same answer")
_SKIP_LESS = ("the row is skipped less often (only when c > best, or c == best): a row not skipped is computed in "
              "full, and since c <= kk (the null window fits in a sorted window) a row with c >= best gets kk >= "
              "best and is not taken: the same answer")
_STOP_LATER = ("the scan of a row's windows stops later (or not at all) once kk reaches the best: kk only grows, so "
               "kk >= best still holds at the end and the row is not taken: the same answer")
RULES += [
    (_SQ, "c += 1", "c += 0", _NULL_BOUND),
    (_SQ, "c = 0", "c = -1", _NULL_BOUND),
    (_SQ, "half = win // 2", "half = win // 3", _NULL_BOUND),
    (_SQ, "half = win // 2", "half = win / 2",
     "win = 2 K0 is even (the only caller, sq_complexity._mc_exhaustive), so win / 2 == win // 2"),
    (_SQ, "if c >= best:", "if c > best:", _SKIP_LESS),
    (_SQ, "if c >= best:", "if c == best:", _SKIP_LESS),
    (_SQ, "if kk >= best:", "if kk > best:", _STOP_LATER),
    (_SQ, "if kk >= best:", "if kk == best:", _STOP_LATER),
    (_SQ, "break", "continue", _STOP_LATER),
    (_SQ, "kk = 0", "kk = -1",
     "A is never empty (2^(d-2) >= 2 entries), so the first window counts j - i >= 1 > -1 and > 0: kk is set "
     "from it either way"),
    (_SQ, "kk = 0", "kk = 1",
     "A is never empty (2^(d-2) >= 2 entries), so every row's max window count is >= 1 and a start of 1 "
     "ends at the same maximum; the stop 'kk >= best' is then tested only once kk rises past 1, so the scan "
     "may stop later, which leaves the answer (kk only grows)"),
    (_SQ, "j = 0", "j = 1",
     "at i = 0 the window's end j passes index 0 at once (buf[0] - buf[0] = 0 <= win), so starting it at 1 "
     "gives the same j (m = 2 |A| >= 4)"),
    (_SQ, "while j < m and buf[j] - buf[i] <= win:", "while j != m and buf[j] - buf[i] <= win:",
     "j starts at 0 and grows by one, so it reaches m and stops there: j < m and j != m agree"),
    (_SQ, "if j - i > kk:", "if j - i >= kk:",
     "on j - i == kk the mutant sets kk to the value it has; its kk >= best then held already when kk got "
     "that value, and the scan stopped there"),
    (_SQ, "for i in range(1, m):                   # insertion sort of 2n small values",
     "for i in range( 0, m):                   # insertion sort of 2n small values",
     "the insertion sort's step i = 0 moves nothing (j = -1: the inner loop does not run, buf[0] = buf[0])"),
    (_SQ, "while j >= 0 and buf[j] > v:", "while j >= 0 and buf[j] >= v:",
     "an unstable insertion sort of integers: equal values are equal, so the sorted buffer is the same"),
]
for _before in ("if -half <= a <= half:", "if -half <= b <= half:"):
    for _after in ("if half <= {x} <= half:", "if -half == {x} <= half:", "if -half <= {x} == half:",
                   "if -half <= {x} < half:", "if -half < {x} <= half:", "if +half <= {x} <= half:"):
        RULES.append((_SQ, _before, _after.format(x=_before[12]), _NULL_BOUND))


# _kernels/census.py (the ninth run)
_CE = "_kernels/census.py"
_EARLIER = ("i >= 0 (a coordinate), and the earlier branches took every smaller i, so 'i <= k' holds here "
            "exactly when i == k")
_PARSEVAL = ("bent: by Parseval the squares w^2 of the 2^d coefficients 2^d fhat(S) sum to n^2 = n * n, so they "
             "are not all n exactly when one is > n, and exactly when one is < n: '!=', '>' and '<' give the same "
             "verdict over the loop")
RULES += [(_CE, f"{'if' if k == 0 else 'elif'} i == {k}:", f"{'if' if k == 0 else 'elif'} i <= {k}:", _EARLIER)
          for k in range(5)]
RULES += [
    (_CE, "valid = ~np.uint64(0) >> np.uint64(64 - (1 << d))", "valid = ~np.uint64( 1) >> np.uint64(64 - (1 << d))",
     "bit 0 of the mask: every coordinate pattern has bit 0 clear (point 0 has no coordinate set), and below "
     "d = 6 the shift by 64 - 2^d >= 1 drops that bit anyway: the same c & valid"),
    (_CE, "if w * w != n:", "if w * w > n:", _PARSEVAL),
    (_CE, "if w * w != n:", "if w * w < n:", _PARSEVAL),
    (_CE, "for S in range(1 << d):", "for S in range( 2 << d):",
     "resilient: an S >= 2^d has walsh(t, d, S) = walsh(t, d, S mod 2^d) (walsh reads bits i < d of S) and more "
     "bits set, so its condition popcount <= arg is met only if S mod 2^d's was, which the loop checked already"),
]


# _kernels/sq_search.py (the ninth run)
RULES += [
    ("_kernels/sq_search.py", "p = np.uint64(0)", "p = np.uint64( -1)",
     "starting from all ones, p ends as the complement ~P_S of the parity's pattern: g's four popcounts swap in "
     "pairs (c & ~p and c & p), so g changes sign and |g| > thr is the same"),
    ("_kernels/sq_search.py", "if require and cnt == m:", "if require and cnt >= m:",
     "cnt counts some of the m members, so cnt <= m and cnt >= m is cnt == m"),
]


# _kernels/small.py (the ninth run, on code changed since the fourth)
RULES += [
    ("_kernels/small.py", "most = counts.reshape(rows, -1).max(axis=1)", "most = counts.reshape(rows, - 2).max(axis=1)",
     "numpy's reshape reads a negative size as the one dimension to infer, whatever its value (numpy 2.x)"),
    ("_kernels/small.py", 'if n == 0 or n > SMALL or a.dtype.kind != "i":', 'if n <= 0 or n > SMALL or a.dtype.kind != "i":',
     "n is an array's length, >= 0, so n <= 0 is n == 0"),
]


# _kernels/lazy.py (the tenth run, its first)
_LZ = "_kernels/lazy.py"
_OPS = ["OP_CONST", "OP_PARITY", "OP_AND_LITS", "OP_OR_LITS", "OP_THRESHOLD", "OP_TABLE", "OP_KBUF",
        "OP_NOT", "OP_AND", "OP_OR"]
_OP_CHAIN = ("eval_block's branch chain tests the op codes 0, 1, ..., 9 in increasing order and finitelearn.lazy's "
             "compiler emits only codes >= 0, so when 'op == K' is reached every smaller code was taken earlier "
             "(or K = 0): 'op <= K' holds for the same rows")
_DISJOINT_WORDS = ("the subcube's fixed word bits and its free mask are disjoint (finitelearn.lazy._word_space: "
                   "free = ~(fixed_mask >> 6), fixed = fixed_values >> 6 with fixed_values inside fixed_mask), and "
                   "s is a submask of free, so fixed | s is fixed ^ s")
_SUBMASK = ("s is a submask of free (deposit's result, and the step keeps it one), so s and ~free share no bit and "
            "s | ~free is s ^ ~free")
_SPARE = ("a larger scratch buffer: eval_block writes and the kernels read only columns t < n, so the spare one is "
          "never read (with n = 0 nothing is read at all, so max(n, 0) is as good)")
RULES += [(_LZ, f"{'if' if k == 0 else 'elif'} op == {o}:", f"{'if' if k == 0 else 'elif'} op <= {o}:", _OP_CHAIN)
          for k, o in enumerate(_OPS)]
RULES += [
    (_LZ, "out[t] = fixed | s", "out[t] = fixed ^ s", _DISJOINT_WORDS),
    (_LZ, "s = ((s | ~free) + one) & free", "s = ((s ^ ~free) + one) & free", _SUBMASK),
    (_LZ, "regs[i, t] = ones if (~(widx[t] ^ hp) & hm) != zero else lp",
     "regs[i, t] = ones if (~(widx[t] ^ hp) & hm) > zero else lp", "an unsigned (uint64) word is != 0 exactly when > 0"),
    (_LZ, "while lo < hi:", "while lo != hi:",
     "the threshold leaf's binary search keeps lo <= hi (mid is in [lo, hi), so lo = mid + 1 <= hi and hi = mid >= "
     "lo), so it stops at lo == hi either way"),
    (_LZ, "for k in range(6):", "for k in range( 7):",
     "the table leaf's low xor is m & 63 (finitelearn.lazy's compiler), so its bit 6 is 0 and the seventh round "
     "swaps nothing"),
    (_LZ, "kbuf = np.empty((0, BLOCK), dtype=np.uint64)", "kbuf = np.empty(( 1, BLOCK), dtype=np.uint64)",
     "count_range runs only programs without a user's kernel (finitelearn.lazy.count_task takes it only when "
     "prog.kernels is empty), so no OP_KBUF row reads kbuf"),
    (_LZ, "OP_NOT, OP_AND, OP_OR, OP_XOR = 7, 8, 9, 10", "OP_NOT, OP_AND, OP_OR, OP_XOR = 7, 8, 9, 11",
     "OP_XOR is only a label: the compiler emits LK.OP_XOR and eval_block (like its twin in tests/naive.py) takes "
     "it as the chain's else, after codes 0..9, so 10 and 11 run the same"),
    (_LZ, "if fn((base | j) ^ xmask):", "if fn((base ^ j) ^ xmask):",
     "base = widx[t] << 6 has its six low bits clear and j < nlow <= 64, so base | j is base ^ j"),
] + [(_LZ, line.format(1), line.format(k), _SPARE) for k in (0, 2)
      for line in ("regs = np.empty((code.shape[0], max(n, {})), dtype=np.uint64)",
                   "widx = np.empty(max(n, {}), dtype=np.uint64)")
] + [(_LZ, "BLOCK = 256  # words per block: the registers of a program stay in the L1/L2 cache",
      f"BLOCK = {b}  # words per block: the registers of a program stay in the L1/L2 cache",
      "count_range's block length: the count is summed over blocks of any length >= 1 (the last one shorter), "
      "so only the cache use changes") for b in (255, 257)]

RULES += [
    (_LZ, "widx[t] = fixed | s", "widx[t] = fixed ^ s", _DISJOINT_WORDS),
    (_LZ, "for i in range(64):", "for i in range( 63):",
     "deposit's masks have no bit 63: they are a subcube's free word mask, of d - 6 <= 34 bits (finitelearn.lazy "
     "takes d <= 40), or a test's mask below 2^6"),
]

# _kernels/wht.py (the tenth run, extending the ninth's sample)
RULES += [
    ("_kernels/wht.py", "if j & h == 0:", "if j & h <= 0:", "j and h are >= 0, so j & h is >= 0 and '<= 0' is '== 0'"),
    ("_kernels/wht.py", "if not (isinstance(src, types.Array) and isinstance(a, types.Array)",
     "if not (isinstance(src, types.Array) or isinstance(a, types.Array)",
     "the intrinsic's typing guard: the mutant admits more argument types (a non-array beside an array), but its "
     "only callers (_first5's overload, from _sub_block) pass two arrays, on which the guard is unchanged"),
    ("_kernels/wht.py", "for k in range(top - 1, -1, -1):", "for k in range(top - 1, - 2, -1):",
     "the extra level k = -1 sweeps the stages _level(0) = d <= bit < _level(-1) = d + 3, all above the array: its "
     "span 8 * 2^d exceeds the size 2^d, so size // span = 0 and the sweep does nothing"),
]

RULES += [
    ("_kernels/wht.py", "top = 0", "top = 1",
     "_plan's level count started at 1: _level(k) decreases in k, so when the true count is >= 1 the loop reaches "
     "it from 1 as from 0; when it is 0 (d == tile_bits, one tile) the extra level k = 0 has _level(0) = "
     "_level(1) = tile_bits and its sweep (lo == hi) does nothing"),
]

_TILE_CHOICE = ("the threaded schedule's tile size: the line only chooses tile_bits = b1 (the sub-block) or b0 (the "
                "block), both schedules of the same butterflies in the same increasing order of stages per element "
                "(every tuning, down to tiles = sub-blocks, bound to the definition in tests/_kernels/test_wht.py); "
                "any mutant of the condition makes that choice in other cases, nothing else")
RULES += [
    ("_kernels/wht.py", "if threaded and (n >> uint64(b0)) < uint64(2):", None, _TILE_CHOICE),
    ("_kernels/wht.py", "d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, False)",
     "d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, True)", _TILE_CHOICE),
    ("_kernels/wht.py",
     "x = builder.load(builder.bitcast(at, ir.VectorType(ir.IntType(8), 4).as_pointer()), align=1)",
     "x = builder.load(builder.bitcast(at, ir.VectorType(ir.IntType(8), 4).as_pointer()), align= 2)",
     "the alignment LLVM is promised for the four uint8 entries: the load is at data + s + 4k with s a multiple of "
     "32, so it is 2-aligned whenever the table's data is (numpy's are 16-aligned), and x86-64 loads 4 bytes with no "
     "alignment requirement either way (the same movd)"),
    (_LZ, "while k < k_hi:", "while k != k_hi:",
     "k starts at k_lo <= k_hi (count_task's chunks) and grows by min(BLOCK, k_hi - k), so it reaches k_hi exactly"),
]

RULES += [
    ("_kernels/wht.py", "def wht_copy(values: np.ndarray, threads: int = 1) -> np.ndarray:", None,
     "the default thread count: the result does not depend on threads (test_threads_give_the_same_result), "
     "nor on the route it picks from 32 to 128 MiB (the fifteenth run's rule below), and every caller passes "
     "threads"),
    ("_kernels/wht.py", "def signed_spectrum(table: np.ndarray, dtype: type, threads: int = 1) -> np.ndarray:", None,
     "the default thread count: the result does not depend on threads (test_threads_give_the_same_result)"),
    (_LZ, "v = ((v >> s) & m) | ((v & m) << s)", "v = ((v >> s) & m) ^ ((v & m) << s)",
     "a delta swap: m holds the bits whose index has bit k clear, so (v >> s) & m lies in m and (v & m) << s in "
     "m << s, which is disjoint from m: their or is their exclusive or"),
    (_LZ, "for i in range(64):", "for i in range( 65):",
     "i = 64 shifts a uint64 by 64: 0 in numpy (checked: np.uint64(5) >> np.uint64(64) == 0), poison in LLVM, "
     "where the mutant survived the compiled tests; no mask of deposit has a bit 64, so the loop to 64 is complete and "
     "the unmutated code never shifts out of range"),
]

RULES += [
    ("_kernels/wht.py", "i64 = ir.IntType(64)", "i64 = ir.IntType( 63)",
     "the type of the intrinsic's constant GEP offsets 4k (k < 8): LLVM sign-extends a GEP index of any width to "
     "the pointer's, and 0..28 are the same in 63 bits as in 64"),
]

RULES += [
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if n < (1 << _COMPACT_BITS):",
     "signed_spectrum's route at exactly 2^12 entries: the blocked kernel reading the uint8 table (exact from "
     "d = 6; d = 12 is its sub-block) instead of the textbook loop on the +-1 table (exact at any length), both "
     "bound to the definition in tests/_kernels/test_wht_narrow.py; only the speed differs"),
]


# the eleventh run: the rest of wht's sample
RULES += [
    ("_kernels/wht.py", "ngroups = nrows // span", "ngroups = nrows / span",
     "nrows and span are powers of two with span <= nrows (rows of a tile or block, hr * radix of them to a "
     "group), so the float quotient is an exact integer below 2^53, and numba's range takes a float (it "
     "truncates: checked, range(64 / 8) runs 8 times compiled); plain Python's range would refuse it, but the "
     "compiled kernel is the program"),
    ("_kernels/wht.py", "if radix == 4:", "if radix >= 4:",
     "_log2_radix's second test: radix 8 is taken by the first (if radix == 8), so '>= 4' sees only 4 and 2, as "
     "'== 4' does"),
    ("_kernels/wht.py", "while h < n:", "while h != n:",
     "the textbook loop's h runs through 1, 2, 4, ... and n is a power of two >= 1 (the kernel's contract), so h "
     "reaches n exactly"),
    ("_kernels/wht.py", "while _level(top, d, tile_bits) > tile_bits:",
     "while _level(top, d, tile_bits) != tile_bits:",
     "_level returns max(tile_bits, d - 3k) >= tile_bits, so '> tile_bits' is '!= tile_bits'"),
    ("_kernels/wht.py", "d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, True)",
     "d, b1, tile_bits, top, seq = _plan(a, sub_bits, block_bits, chunk_bits, False)", _TILE_CHOICE),
    ("_kernels/wht.py", "if bits_left == 2:", "if bits_left > 2:",
     "_radix's second test: every bits_left > 2 is taken by the first (if bits_left >= 3), so radix 4 is never "
     "chosen and two stages left go as two radix-2 passes, as for '== 3' below: the same additions and "
     "subtractions, in the same order, as one radix-4 butterfly (bit-identical in floats too); only the speed "
     "differs"),
    ("_kernels/wht.py", "if bits_left == 2:", "if bits_left == 3:",
     "_radix's second test: 3 is taken by the first (if bits_left >= 3), so radix 4 is never chosen and two "
     "stages left go as two radix-2 passes: the same additions and subtractions, in the same order, as one "
     "radix-4 butterfly (bit-identical in floats too); only the speed differs"),
    ("_kernels/wht.py", "return 1", "return 2",
     "_log2_radix(2) is 1 or 2: radix 2 comes only from _radix(1), with exactly one stage left, so every loop "
     "that adds it (while 5 + done < bits, while p < top, while q < tile_bits) ends after it either way, and done, "
     "p, q are not read after their loops"),
    ("_kernels/wht.py", "for j in range(32):", "for j in range( 31):",
     "_first5's stage loop: j = 31 has every bit of h < 32 set, so 'j & h == 0' never holds for it and it does "
     "nothing"),
    ("_kernels/wht.py", "return max(tile_bits, d - 3 * k)", "return max(tile_bits, d - 2 * k)",
     "the height of the levels above the tiles: two bits (radix-4 sweeps) instead of three; every stage is still "
     "done once, each level's stages in increasing order and the lowest level first, so each element sees the "
     "same additions in the same order (bit-identical in floats too; every tuning is bound to the definition in "
     "tests/_kernels/test_wht.py); only the speed differs"),
    ("_kernels/wht.py", "for k in range(top - 1, -1, -1):", "for k in range(top - 0, -1, -1):",
     "the threaded schedule's extra level k = top sweeps the stages _level(top + 1) <= bit < _level(top), and "
     "both are tile_bits (the loop in _plan stops at the first level equal to it): an empty sweep"),
    ("_kernels/wht.py", "if values.shape[0] <= (1 << _COMPACT_BITS):",
     "if values.shape[0] <= ( 2 << _COMPACT_BITS):",
     "wht_copy's route at 2^13 entries: a copy and the textbook loop instead of the blocked kernel out of place; "
     "both do the stages in increasing order per element (the same result, bit for bit) and both are bound to "
     "the definition (tests/_kernels/test_wht.py); only the speed differs"),
]
RULES += [
    ("_kernels/wht.py", "if radix == 4:", "if radix <= 4:",
     "_log2_radix's second test: radix 8 is taken by the first, so '<= 4' also returns 2 for radix 2, which comes "
     "only from _radix(1), with exactly one stage left: every loop that adds it ends after it either way (as for "
     "'return 1' -> 'return 2')"),
    ("_kernels/wht.py", "if bits_left == 2:", "if bits_left >= 2:",
     "_radix's second test: bits_left >= 3 is taken by the first, and bits_left >= 1 in every call (each loop "
     "runs while a stage is left), so '>= 2' holds for 2 alone, as '== 2' does"),
    ("_kernels/wht.py", "if b1 == _SUB_BITS:", "if b1 >= _SUB_BITS:",
     "b1 = min(d, sub_bits) and no caller passes sub_bits above _SUB_BITS (the public routes take the default, "
     "the tests' TUNINGS go from 6 to 12), so b1 > _SUB_BITS never occurs"),
    ("_kernels/wht.py", "i64 = ir.IntType(64)", "i64 = ir.IntType( 65)",
     "the type of the intrinsic's constant GEP offsets 4k (k < 8): LLVM converts a GEP index of any width to "
     "the pointer's, and 0..28 are the same in 65 bits as in 64"),
]

# the thirteenth run (wht's sample completed)
RULES += [
    ("_kernels/wht.py", "return max(tile_bits, d - 3 * k)", "return max(tile_bits, d - 4 * k)",
     "the height of the levels above the tiles: four bits (a radix-8 and a radix-2 sweep) instead of three; as "
     "for 'd - 2 * k', every stage is still done once, each level's stages in increasing order and the lowest "
     "level first, so each element sees the same additions in the same order (bit-identical in floats too); "
     "only the speed differs"),
    ("_kernels/wht.py", "if done % per != uint64(0):", "if done % per > uint64(0):",
     "done and per are uint64 (unsigned): a remainder is != 0 exactly when it is > 0"),
    ("_kernels/wht.py", "if n <= (1 << _COMPACT_BITS):", "if n <= ( 2 << _COMPACT_BITS):",
     "signed_spectrum's route at 2^13 entries: the +-1 table made by numpy and the textbook loop instead of "
     "the blocked kernel reading the table; as for wht_copy's, both do the stages in increasing order per "
     "element (integers, exact within the caller's bound) and both are bound to the definition "
     "(tests/_kernels/test_wht_narrow.py); only the speed differs"),
    ("_kernels/wht.py", "for k in range(top - 1, -1, -1):", "for k in range(top - 1, ~1, -1):",
     "~1 is -2: the threaded schedule's extra level k = -1, as for '- 2' (its sweep over the stages d <= bit < "
     "d + 3, all above the array, has span 8 * 2^d > 2^d and does nothing)"),
    ("_kernels/wht.py", "elif radix == 4:", "elif radix >= 4:",
     "_bfly's second test: radix 8 is taken by the first and radix is 2, 4 or 8 (_radix's values), so '>= 4' "
     "holds for 4 alone"),
    ("_kernels/wht.py", "for swap, blend in (([1, 0, 3, 2], [0, 5, 2, 7]), ([2, 3, 0, 1], [0, 1, 6, 7])):  # h = 1, 2",
     "for swap, blend in (([1, 0, 3, 2], [0, 5, 3, 7]), ([2, 3, 0, 1], [0, 1, 6, 7])):  # h = 1, 2",
     "the h = 1 blend takes lane 2 of the sums from lane 3 instead (as lane 0 from lane 1 above): lane 3 of v + y "
     "is v3 + v2 and lane 2 is v2 + v3, the same value (IEEE and integer addition are commutative, bit for bit)"),
    ("_kernels/wht.py", "chunk = min(h, uint64(1) << uint64(chunk_bits))",
     "chunk = min(h, uint64( 2) << uint64(chunk_bits))",
     "the sweeps' chunk size doubled (as chunk_bits + 1): chunks are only the units of parallel work, the same "
     "butterflies on the same elements in the same order either way; " + _TUNING),
]


# Rules that need the diff's context: the same line text elsewhere in the module is a mutant
# that a test kills, so the rule names an unchanged line of the diff (its three lines of
# context on either side) that only the equivalent place has, or several lines (joined by
# newlines) that only it has together.
# (module, line before, line after or None, context line(s), why)
CONTEXT_RULES: list[tuple[str, str, str | None, str, str]] = [
    ("_kernels/wht.py", "if radix == 8:", "if radix <= 8:", "def _log2_radix(radix):",
     "_log2_radix's first test: '<= 8' also returns 3 for radix 4 and 2, which come only from _radix(2) and "
     "_radix(1), with exactly that many stages left: every loop that adds it (while 5 + done < bits, while "
     "p < top, while q < tile_bits) ends after it either way, and done, p, q are not read after their loops "
     "(as for 'return 1' -> 'return 2')"),
    ("_kernels/greedy.py", "continue", "break", "lo, hi = strong_off[p], strong_off[p + 1]",
     "the block-translate loop's guard 'k > nblock' never fires: the student builds the block and the "
     "family from the same numbers (nblock = len(block) = min(the bits the version space varies in, max_k) "
     "and every pattern of the family has k <= max_k and k <= those bits), so continue and break are never "
     "reached (the anchors' loop has the same guard, which fires, and its mutant is killed)"),
    ("_kernels/wht.py", "for k in range(8):", "for k in range( 7):",
     "for h in (1, 2, 4):  # h = 4, 8, 16: vectors k and k + h\nif k & h == 0:",
     "the intrinsic's stages between registers (h = 1, 2, 4): k = 7 has every bit of h set, so 'k & h == 0' never "
     "holds for it and dropping it drops nothing (as range(31) in the plain _first5)"),
    ("_kernels/wht.py", "for k in range(8):", "for k in range( 9):",
     "at = builder.gep(src_base, [ir.Constant(i64, 4 * k)])",
     "the intrinsic's load loop: a ninth vector is loaded and never used (the stages and the stores read "
     "v[0..7]); an unused load is dead code to LLVM and removed, so nothing more is read (in the other loops "
     "range(9) indexes v[8] and fails at compile time: killed)"),
    ("_kernels/wht.py", "return 2", "return 3", "if radix == 4:",
     "_log2_radix(4) is 2 or 3: radix 4 comes only from _radix(2), with exactly two stages left, so "
     "every loop that adds it (while 3 + done < bits, while p < top, while q < tile_bits) ends after it "
     "either way, and done, p, q are not read after their loops (_radix's own 'return 2' -> 'return 3' "
     "is killed: its radix enters the stride h * radix)"),
]


# _kernels/wht.py (the twelfth run: the whole module, after wht_copy's copy route and _rows' flag were removed)
RULES += [
    ("_kernels/wht.py", "return 1 - 2 * int(v) if src.dtype == np.uint8 else v",
     "return 1 - 2 * int(v) if src.dtype <= np.uint8 else v",
     "_entry is plain Python (the first pass under NUMBA_DISABLE_JIT), where numpy's dtype <= means 'casts safely "
     "to': of the dtypes its callers pass (uint8 tables from signed_spectrum; int16, int32, int64, float64 arrays, "
     "the only ones the wrappers admit) only uint8 casts safely to uint8, so <= holds exactly where == does"),
    ("_kernels/wht.py", "while h < 32:", "while h != 32:",
     "_first5's h runs 1, 2, 4, 8, 16, 32 (doubled from 1): it meets 32 exactly, so the loop stops at the same h"),
    ("_kernels/wht.py", "while h < 32:", "while h < 31:",
     "_first5's h runs through powers of two (doubled from 1): 16 is below both 31 and 32 and 32 below neither, "
     "so the loop stops at the same h"),
    ("_kernels/wht.py", "and (src.dtype == a.dtype or src.dtype == types.uint8)):",
     "or (src.dtype == a.dtype or src.dtype == types.uint8)):",
     "the intrinsic's typing guard: with two arrays (the only arguments its callers pass, as for the 'or' of the "
     "first line) the mutant admits any dtypes, but every caller passes the output's dtype or a uint8 table as "
     "src (wht_copy's empty_like, signed_spectrum's uint8 table, in place a itself; the tests as well), on which "
     "the guard is unchanged"),
    ("_kernels/wht.py", "while m > uint64(1):  # n = 2^d: d halvings reach 1",
     "while m != uint64(1):  # n = 2^d: d halvings reach 1",
     "_plan's m starts at n = 2^d >= 1 (blocked's contract: a power of two, at least 2^sub_bits) and is halved: it "
     "meets 1 exactly, so the loop stops at the same d"),
    ("_kernels/wht.py", "if values.shape[0] <= (1 << _COMPACT_BITS):", "if values.shape[0] != (1 << _COMPACT_BITS):",
     "wht_copy's route: below 2^12 entries the same (the textbook loop); at exactly 2^12 the blocked kernel instead, "
     "above it the textbook loop instead: " + _DISPATCH),
    ("_kernels/wht.py", "while p < top:", "while p != top:",
     "_sweeps' p starts at or below top (its callers pass p = _level(k + 1) <= top = _level(k), _level decreasing "
     "in k, or the two equal for an empty sweep) and grows by log2 of _radix(top - p), which is at most top - p "
     "(8 only with >= 3 bits left, 4 with 2, 2 with 1): p meets top exactly, so the loop stops at the same p"),
    ("_kernels/wht.py", "radix = _radix(bits - 5 - done)", "radix = _radix(bits - 6 - done)",
     "the sub-block's sweeps choose their radix for one bit fewer than are left: radix 4 with three stages left "
     "(instead of 8), 2 with two (instead of 4), 8 from four up as before; never past the last stage (the radix "
     "stays <= 2^(bits left)), and the loop ends at done = bits - 5 either way. Another grouping of the same "
     "stages in the same increasing order: each element gets the same additions in the same order, so the result "
     "is the same bit for bit (every sub-block size from 6 to 12 bits bound to the definition in "
     "tests/_kernels/test_wht.py::TUNINGS)"),
    ("_kernels/wht.py", "while q < tile_bits:", "while q <= tile_bits:",
     "_tile's q meets tile_bits exactly (it grows by log2 of _radix(tile_bits - q), at most the bits left), and the "
     "extra pass at q == tile_bits is empty: radix _radix(0) = 2 over 2^0 = 1 row, so _rows has 1 // 2 = 0 groups; "
     "then q passes tile_bits and the loop ends"),
    ("_kernels/wht.py", "while q < tile_bits:", "while q != tile_bits:",
     "_tile's q starts at b1 <= tile_bits (_plan: tile_bits is b1 or b0 = min(d, max(block_bits, b1)) >= b1, as b1 = "
     "min(d, sub_bits) <= d) and meets tile_bits exactly (it grows by log2 of _radix(tile_bits - q), at most the "
     "bits left): the loop stops at the same q"),
    ("_kernels/wht.py", "nseq = max(uint64(1) << uint64(b1), n >> uint64(min(b1, chunk_bits)))",
     "nseq = max(uint64( 2) << uint64(b1), n >> uint64(min(b1, chunk_bits)))",
     "a longer seq (at least 2^(b1 + 1) entries instead of 2^b1), filled as before with seq[i] == i: the entries "
     "past the unmutated length, which was already long enough for every index the kernels read, are never read"),
    ("_kernels/wht.py", "top = 0", "top = -1",
     "_plan's level count started at -1: _level(-1) = max(tile_bits, d + 3) = d + 3 > tile_bits (tile_bits <= d), so "
     "the loop always steps to 0 and goes on from there as the unmutated one does"),
    ("_kernels/wht.py", "if b1 == _SUB_BITS:", "if b1 > _SUB_BITS:",
     "b1 = min(d, sub_bits) is never above _SUB_BITS (the default sub_bits; the tests only shrink it), so every tile "
     "takes the else branch: _sub_block with b1 as a run-time value instead of the literal _SUB_BITS, the same "
     "butterflies (only LLVM's constant folding, the speed, differs)"),
    ("_kernels/wht.py", "while 5 + done < bits:", "while 5 + done <= bits:",
     "one more pass after the sub-block's last stage, and an empty one: radix _radix(0) = 2 with hr = 2^(bits - 5) = "
     "rows, so span = 2 rows and _rows has rows // span = 0 groups; then done passes bits - 5 and the loop ends"),
    ("_kernels/wht.py", "if values.shape[0] <= (1 << _COMPACT_BITS):", "if values.shape[0] < (1 << _COMPACT_BITS):",
     "wht_copy's route at exactly 2^12 entries: the blocked kernel (exact from d = 6; d = 12 is its sub-block) "
     "instead of the textbook loop: " + _DISPATCH),
    ("_kernels/wht.py", "for swap, blend in (([1, 0, 3, 2], [0, 5, 2, 7]), ([2, 3, 0, 1], [0, 1, 6, 7])):  # h = 1, 2",
     "for swap, blend in (([1, 0, 3, 2], [ 1, 5, 2, 7]), ([2, 3, 0, 1], [0, 1, 6, 7])):  # h = 1, 2",
     "the h = 1 blend takes lane 0 of the sums from lane 1 instead: with y = v swapped in pairs, lane 1 of v + y is "
     "v1 + v0 and lane 0 is v0 + v1, the same value (IEEE and integer addition are commutative, bit for bit)"),
    ("_kernels/wht.py", "for k in range(top - 1, -1, -1):", "for k in range(top + 1, -1, -1):",
     "two extra levels k = top + 1 and top before the real ones: _level(k) = tile_bits for every k >= top (_plan's "
     "top is the first level at tile_bits, and _level clamps to it), so both sweeps have lo == hi and do nothing"),
    ("_kernels/wht.py", "chunk_bits: int = _CHUNK_BITS, threads: int = 1) -> None:", None,
     "blocked's default thread count (0 runs the serial form as 1 does, 2 the threaded one): the result does not "
     "depend on threads (test_threads_give_the_same_result), and every caller outside the tests passes threads"),
]


# the fourteenth run: RandomFeatures born packed (learners/sq.py); n = 2^d, d >= 1, so n is 2, 4 or a multiple of 8
_RF_BYTES = "raw = np.frombuffer(self._rng.bytes((n + 7) // 8), dtype=np.uint8)"
_RF_SMALL = "if n < 8:  # d < 3: the first n bits of one byte"
_RF_MASK = "raw = raw & np.uint8((0xFF00 >> n) & 0xFF)"
_RF_PAD = "if words.shape[0] < 8:  # d < 6: one zero-padded word"
_RF_NO_OP_MASK = ("at n = 8 (d = 3) the mask is (0xFF00 >> 8) & 0xFF = 0xFF: every bit of the one byte is kept, "
                  "as without the mask")
_RF_NO_OP_PAD = "at 8 bytes (d = 6) the padding is np.zeros(0): the concatenation changes nothing"
RULES += [
    ("learners/sq.py", _RF_BYTES, "raw = np.frombuffer(self._rng.bytes((n + 7) / 8), dtype=np.uint8)",
     "numpy's Generator.bytes truncates a float length (checked: bytes(1.875) == bytes(1) from one seed), and "
     "(n + 7) / 8 truncates to (n + 7) // 8"),
    ("learners/sq.py", _RF_BYTES, "raw = np.frombuffer(self._rng.bytes((n + 6) // 8), dtype=np.uint8)",
     "n is 2, 4 or a multiple of 8: (n + 6) // 8 is (n + 7) // 8 for each (1, 1, n / 8)"),
    ("learners/sq.py", _RF_SMALL, "if n < 7:  # d < 3: the first n bits of one byte",
     "n is a power of two: below 7 and below 8 are both n <= 4"),
    ("learners/sq.py", _RF_MASK, "raw = raw & np.uint8(( 65281 >> n) & 0xFF)",
     "0xFF01 differs from 0xFF00 in bit 0 only, which n >= 1 shifts out"),
    ("learners/sq.py", _RF_MASK, "raw = raw & np.uint8((0xFF00 >> n) & 254)",
     "(0xFF00 >> n) has bit 0 clear for n <= 4 (the top n bits of a byte): & 0xFE is & 0xFF"),
    ("learners/sq.py", _RF_PAD, "if words.shape[0] < 7:  # d < 6: one zero-padded word",
     "the byte count ceil(n / 8) is a power of two: below 7 and below 8 are both at most 4"),
    ("learners/sq.py", '_REVERSED_BYTES = np.array([int(f"{b:08b}"[::-1], 2) for b in range(256)], dtype=np.uint8)',
     '_REVERSED_BYTES = np.array([int(f"{b:08b}"[::-1], 2) for b in range( 257)], dtype=np.uint8)',
     "one more entry at index 256, never read: the table is indexed by uint8 bytes (0..255)"),
]
# the boundaries n = 8 and 8 bytes taken by the other branch, where both branches do the same
RULES += [("learners/sq.py", line, line.replace("< 8", op), why) for line, why in ((_RF_SMALL, _RF_NO_OP_MASK),
          (_RF_PAD, _RF_NO_OP_PAD)) for op in ("<= 8", "< 9")]


# _kernels/wht.py (the fifteenth run: wht_copy copies first from 32 to 128 MiB on one thread)
RULES += [
    ("_kernels/wht.py",
     "if threads == 1 and _COPY_FIRST_BYTES[0] <= values.nbytes <= _COPY_FIRST_BYTES[1]:",
     "if threads <= 1 and _COPY_FIRST_BYTES[0] <= values.nbytes <= _COPY_FIRST_BYTES[1]:",
     "threads >= 1 is wht_copy's contract (both callers, walsh_hadamard and scripts/bench.py, refuse threads < 1), so "
     "<= 1 is == 1; and either route (a copy, then the blocked kernel in place; or the blocked kernel out of place) "
     "is exact, each bound to the butterfly twin at d = 22 in tests/_kernels/test_wht.py"),
]

def context_lines(diff: str) -> set[str]:
    """The unchanged lines of a diff's hunk, stripped."""
    return {line[1:].strip() for line in diff.splitlines() if line.startswith(" ")}


def changed(diff: str) -> tuple[str, str]:
    """The (removed, added) line of a one-line mutant's diff, stripped."""
    # (blank lines dropped: a mutant of the last line rewrites the empty line after it too)
    minus = [line[1:].strip() for line in diff.splitlines()
             if line.startswith("-") and not line.startswith("---") and line[1:].strip()]
    plus = [line[1:].strip() for line in diff.splitlines()
            if line.startswith("+") and not line.startswith("+++") and line[1:].strip()]
    return (minus[0] if len(minus) == 1 else "", plus[0] if len(plus) == 1 else "")


def equivalent(module: str, diff: str) -> str | None:
    """Why the mutant with this diff of ``module`` is equivalent, or None."""
    before, after = changed(diff)  # (mutants inside type annotations are left out before, mutation.prune)
    for name in ONE_D.get(module, ()):
        if f"{name}.shape[0]" in before and after == before.replace(f"{name}.shape[0]", f"{name}.shape[ -1]", 1):
            return f"{name}: {_1D}"
    for mod, b, a, why in RULES:
        if mod == module and b == before and (a is None or a == after):
            return why
    for mod, b, a, ctx, why in CONTEXT_RULES:
        if mod == module and b == before and (a is None or a == after) and set(ctx.split("\n")) <= context_lines(diff):
            return why
    return None
