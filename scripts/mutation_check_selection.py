"""Check the test selection of scripts/mutation_select.py against the whole test set.

For mutants of an earlier session (run without selection) of a module whose source has not
changed since, run each mutant twice in a fresh copy of this checkout: with the module's whole
test set (``mutation.test_command(module)``) and with the selecting wrapper; print the earlier
verdict, both new verdicts, how many tests the selection ran and the times::

    python scripts/mutation_check_selection.py --old /work/wt-tests/mutation-sessions \\
        --killed 3 --survived 2 learners/base complexity

The two new verdicts must agree (the earlier one may differ where a test was added since).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutation  # noqa: E402
import mutation_select  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("modules", nargs="+")
    p.add_argument("--old", required=True, help="folder of the earlier sessions (<slug>.sqlite)")
    p.add_argument("--killed", type=int, default=3)
    p.add_argument("--survived", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", default="/tmp/finitelearn-mutation-check")
    p.add_argument("--out", default=None, help="append the rows as JSON lines here")
    args = p.parse_args(argv)
    from cosmic_ray.mutating import mutate_and_test, mutate_code
    from cosmic_ray.plugins import get_operator
    from cosmic_ray.work_db import WorkDB, use_db

    rows = []
    for module in args.modules:
        module = module if module.endswith(".py") else module + ".py"
        work = Path(args.work) / mutation.slug(module)
        mutation.copy_tree(work)
        env = dict(os.environ, CI="true", HYPOTHESIS_PROFILE="ci", PYTHONPATH=str(work), NUMBA_NUM_THREADS="1",
                   NUMBA_CACHE_DIR=mutation.fresh_numba_cache(work), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
        env.pop("NUMBA_DISABLE_JIT", None)
        cmap, pristine = mutation.prepare_selection(module, work, env)
        with use_db(str(Path(args.old) / f"{mutation.slug(module)}.sqlite"), WorkDB.Mode.open) as db:
            results = dict(db.results)
            items = {it.job_id: it for it in db.work_items}
        by = {"killed": [], "survived": []}
        for j, r in results.items():
            if r.worker_outcome.value == "normal" and r.test_outcome is not None and r.output != "timeout":
                by.setdefault(r.test_outcome.value, []).append(j)
        rng = random.Random(args.seed)
        chosen = [(v, j) for v, n in (("killed", args.killed), ("survived", args.survived))
                  for j in rng.sample(sorted(by[v]), min(n, len(by[v])))]
        os.environ.update(env)
        cwd = os.getcwd()
        os.chdir(work)
        try:
            for old_verdict, j in chosen:
                row = {"module": module, "job": j, "old": old_verdict}
                for how, cmd in (("whole", mutation.test_command(module)),
                                 ("selected", mutation.test_command(module, select=(cmap, pristine)))):
                    t0 = time.monotonic()
                    r = mutate_and_test(items[j].mutations, cmd, 600)
                    row[how] = r.test_outcome.value if r.test_outcome is not None else r.worker_outcome.value
                    row[how + "_s"] = round(time.monotonic() - t0, 1)
                m = items[j].mutations[0]
                op = get_operator(m.operator_name)(**(m.operator_args or {}))
                ids = mutation_select.select(json.loads(cmap.read_text()), pristine.read_text(),
                                             mutate_code(pristine.read_text(), op, m.occurrence))
                row["line"] = m.start_pos[0]
                row["diff"] = mutation._changed_lines(r.diff or "")
                row["tests_selected"] = "all" if ids is None else len(ids)
                rows.append(row)
                print(json.dumps(row), flush=True)
                if args.out:
                    with open(args.out, "a") as fh:
                        fh.write(json.dumps(row) + "\n")
        finally:
            os.chdir(cwd)
    bad = [r for r in rows if r["whole"] != r["selected"]]
    print(f"{len(rows)} mutants, {len(bad)} where the selection's verdict differs from the whole set's")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
