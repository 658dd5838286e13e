"""Records of long experiments on disk: validated field by field, written as they finish,
safe to share between processes, and never lost.

A folder holds ``scaling.json`` (the records, the truth) and ``scaling.csv`` (the same
records as a table, rebuilt from the JSON at every write and at every run start, so a CSV
cut short is mended).  Every change to a folder happens under a lock
(``scaling.lock``, the ``filelock`` package): the writer re-reads the JSON, merges its
record in and replaces both files through temporary files named after the process, so
two runs on one folder keep each other's records and a kill between two writes leaves
the previous complete file in place.  A file whose records do not validate is refused
with the field that is wrong, and never overwritten.

Examples
--------
>>> import tempfile
>>> store = RecordStore(tempfile.mkdtemp())
>>> store.records()
[]
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable

from filelock import FileLock

from .validation import fail, fail_type

__all__ = ["ScalingRecord", "CSV_FIELDS", "validate_record", "record_key", "read_records", "RecordStore",
           "check_out_dir", "prepare_out_dir"]

JSON_NAME = "scaling.json"
CSV_NAME = "scaling.csv"
LOCK_NAME = "scaling.lock"


@dataclass
class ScalingRecord:
    """One (d, student) run of the scaling experiment.

    Fields written to CSV: every field but ``version_space_sizes`` (JSON only).
    ``responder`` is the run's SQ adversary (part of the resume key); ``adversary`` is the
    one this student met (for data queries: the label that keeps the larger half).
    ``lower_bound`` is the exact Parseval bound for SQ students (None when alpha >= 1/2:
    no finite number of queries suffices) and the information-theoretic bound
    ceil(log2 |class|) for membership students (``lower_bound_kind`` says which).

    >>> from dataclasses import asdict
    >>> from finitelearn.experiments import run_scaling
    >>> r = run_scaling([3], "1/8", students=["paper-d+1"], progress=False)[0]
    >>> r.d, r.student, r.oracle, r.queries, r.identified, r.tolerance
    (3, 'paper-d+1', 'membership', 4, True, '1/8')
    """

    d: int
    student: str
    oracle: str
    tolerance: str
    alpha: str | None
    responder: str
    adversary: str
    queries: int
    identified: bool
    stopped: str
    lower_bound: int | None
    lower_bound_kind: str
    class_size: int
    parseval_removal_bound: int | None
    max_removed: int
    paper_d_plus_1: int
    optimal_membership: int
    optimal_membership_source: str
    worst_case_agreement: str
    budget: int
    seed: int
    seconds: float
    version_space_sizes: list = field(default_factory=list)
    sharpest_lower_bound: int | None = None
    sharpest_lower_bound_source: str = ""


CSV_FIELDS = [f for f in ScalingRecord.__dataclass_fields__ if f != "version_space_sizes"]


# -- field validators ---------------------------------------------------------------------
def _int(minimum: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= minimum


def _opt_int(minimum: int) -> Callable[[Any], bool]:
    check = _int(minimum)
    return lambda v: v is None or check(v)


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _fraction_text(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        Fraction(v)
    except (ValueError, ZeroDivisionError):
        return False
    return True


_FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "d": (_int(1), "an int >= 1"),
    "student": (_str, "a student's name"),
    "oracle": (lambda v: v in ("sq", "membership"), "'sq' or 'membership'"),
    "tolerance": (_str, "the tolerance as text"),
    "alpha": (lambda v: v is None or _fraction_text(v), "a fraction as text, or null"),
    "responder": (_str, "a responder's name"),
    "adversary": (_str, "text"),
    "queries": (_int(0), "an int >= 0"),
    "identified": (lambda v: isinstance(v, bool), "true or false"),
    "stopped": (_str, "text"),
    "lower_bound": (_opt_int(0), "an int >= 0, or null"),
    "lower_bound_kind": (_str, "text"),
    "class_size": (_int(1), "an int >= 1"),
    "parseval_removal_bound": (_opt_int(0), "an int >= 0, or null"),
    "max_removed": (_int(0), "an int >= 0"),
    "paper_d_plus_1": (_int(2), "an int >= 2"),
    "optimal_membership": (_int(0), "an int >= 0"),
    "optimal_membership_source": (_str, "text"),
    "worst_case_agreement": (_fraction_text, "a fraction as text"),
    "budget": (_int(1), "an int >= 1"),
    "seed": (_int(0), "an int >= 0"),
    "seconds": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0, "a number >= 0"),
    "version_space_sizes": (lambda v: isinstance(v, list) and all(_int(0)(x) for x in v), "a list of ints >= 0"),
    "sharpest_lower_bound": (_opt_int(0), "an int >= 0, or null"),
    "sharpest_lower_bound_source": (_str, "text"),
}
# Fields of _FIELDS that a record of an earlier release may lack, with the factory of their
# default.  budget_spec is optional too but not in _FIELDS: validate_record checks it after the loop.
_OPTIONAL: dict[str, Callable[[], Any]] = {"version_space_sizes": list, "sharpest_lower_bound": lambda: None,
                                           "sharpest_lower_bound_source": str}


def validate_record(record: Any, where: str = "record") -> dict:
    """Check a record read from disk (or passed to a plot) field by field.

    Returns a new dict with every field of :class:`ScalingRecord` (``version_space_sizes``
    defaults to ``[]``) and ``budget_spec`` when present.

    >>> validate_record({"d": 3})
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidArgument: record=... is not allowed: a record with the field 'student' (missing)
    """
    if not isinstance(record, dict):
        raise fail_type(where, record, "a record (a dict of the fields of finitelearn.ScalingRecord)")
    out: dict[str, Any] = {}
    for name, (ok, allowed) in _FIELDS.items():
        if name not in record:
            if name in _OPTIONAL:
                out[name] = _OPTIONAL[name]()
                continue
            raise fail(where, record, f"a record with the field {name!r} (missing)")
        v = record[name]
        if not ok(v):
            raise fail(f"{where}[{name!r}]", v, allowed)
        out[name] = v
    if "budget_spec" in record:
        if not isinstance(record["budget_spec"], str):
            raise fail(f"{where}['budget_spec']", record["budget_spec"], "text ('default' or the budget)")
        out["budget_spec"] = record["budget_spec"]
    return out


def record_key(r: dict) -> tuple:
    """What identifies a record for resuming: (d, student, tolerance, responder, budget, seed).

    >>> from dataclasses import asdict
    >>> from finitelearn.experiments import run_scaling
    >>> r = run_scaling([3], "1/8", students=["paper-d+1"], progress=False)[0]
    >>> record_key(asdict(r))
    (3, 'paper-d+1', '1/8', 'max_consistent', None, 0)
    """
    return (int(r["d"]), r["student"], r["tolerance"], r["responder"], r.get("budget_spec"), int(r["seed"]))


def check_out_dir(out_dir: Any, name: str = "out_dir") -> Path:
    """An output folder: a non-empty path that is not a file (it need not exist yet).

    >>> check_out_dir("")
    Traceback (most recent call last):
    ...
    finitelearn.errors.InvalidArgument: out_dir='' is not allowed: a folder path (not empty)
    """
    if isinstance(out_dir, Path):
        text = str(out_dir)
    elif isinstance(out_dir, str):
        text = out_dir
    elif isinstance(out_dir, os.PathLike):
        text = os.fspath(out_dir)
    else:
        raise fail_type(name, out_dir, "a folder path (str or pathlib.Path)")
    if not text.strip():
        raise fail(name, out_dir, "a folder path (not empty)")
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise fail(name, text, "a folder (this path is a file)")
    return path


def prepare_out_dir(out_dir: Any, name: str = "out") -> Path:
    """:func:`check_out_dir`, then create the folder and make sure it can be written, before any work.

    >>> import tempfile, pathlib
    >>> prepare_out_dir(pathlib.Path(tempfile.mkdtemp()) / "new").is_dir()
    True
    """
    path = check_out_dir(out_dir, name)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(name, str(out_dir), f"a folder that can be created ({exc.strerror or exc})") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise fail(name, str(out_dir), "a folder this user can write")
    return path


def _parse(path: Path, text: str) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail("out_dir", str(path.parent), f"a folder whose {path.name} is valid JSON ({exc}); "
                                                 "it is left as it is") from None
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise fail("out_dir", str(path.parent), f"a folder whose {path.name} holds {{'records': [...]}}; "
                                                 "it is left as it is")
    return [validate_record(r, f"{path.name} record {i}") for i, r in enumerate(data["records"])]


def read_records(out_dir: Any) -> list[dict]:
    """The validated records of ``out_dir/scaling.json`` (an empty list when there is none).

    >>> import tempfile
    >>> from dataclasses import asdict
    >>> from finitelearn.experiments import run_scaling
    >>> out = tempfile.mkdtemp()
    >>> read_records(out)
    []
    >>> _ = run_scaling([2], "1/8", students=["paper-d+1"], out_dir=out, progress=False)
    >>> [(r["d"], r["student"], r["queries"]) for r in read_records(out)]
    [(2, 'paper-d+1', 3)]
    """
    path = check_out_dir(out_dir) / JSON_NAME
    if not path.exists():
        return []
    return _parse(path, path.read_text())


class RecordStore:
    """The records of one output folder, changed only under the folder's lock.

    Parameters
    ----------
    out_dir : path
        The folder (created on the first write).

    Examples
    --------
    >>> import tempfile
    >>> from dataclasses import asdict
    >>> from finitelearn.experiments import run_scaling
    >>> store = RecordStore(tempfile.mkdtemp())
    >>> store.add(asdict(run_scaling([2], "1/8", students=["paper-d+1"], progress=False)[0]))
    >>> [(r["d"], r["student"]) for r in store.records()]
    [(2, 'paper-d+1')]
    """

    def __init__(self, out_dir: Any) -> None:
        self.path = check_out_dir(out_dir)
        self._lock: FileLock | None = None
        # the records as this store last wrote them, with the JSON file's stat then: while the
        # file is unchanged (no other process wrote it) they are not read and validated again
        self._mine: tuple[tuple[int, int, int], list[dict]] | None = None

    def _locked(self) -> FileLock:
        if self._lock is None:
            self.path.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(str(self.path / LOCK_NAME))
        return self._lock

    def records(self) -> list[dict]:
        """The validated records now on disk.

        >>> import tempfile
        >>> RecordStore(tempfile.mkdtemp()).records()
        []
        """
        if not (self.path / JSON_NAME).exists():
            return []
        with self._locked():
            return read_records(self.path)

    def _replace(self, name: str, write: Callable[[Any], None], newline: str | None = None,
                 durable: bool = True) -> None:
        """Write ``name`` through a temporary file and rename it into place (atomic for readers).

        ``durable``: fsync before the rename, so the file survives a power loss, not just a
        kill (the JSON; the CSV is rebuilt from it on every resume, so it is not synced).
        """
        tmp = self.path / f"{name}.{os.getpid()}.tmp"
        with tmp.open("w", newline=newline, encoding="utf-8") as fh:
            write(fh)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, self.path / name)

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = (self.path / JSON_NAME).stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _current(self) -> list[dict]:
        """The records on disk (under the lock): this store's own last write when the file is unchanged."""
        if self._mine is not None and self._mine[0] == self._stat():
            return [dict(r) for r in self._mine[1]]
        return read_records(self.path)

    def _write_all(self, records: list[dict]) -> None:
        # one record per line, each by json's C encoder (indent= would use its pure-Python one)
        def write_json(fh: Any) -> None:
            fh.write('{"records": [\n')
            fh.write(",\n".join(json.dumps(r) for r in records))
            fh.write("\n]}\n")

        self._replace(JSON_NAME, write_json)

        def write_csv(fh: Any) -> None:
            w = csv.DictWriter(fh, fieldnames=CSV_FIELDS + ["budget_spec"], extrasaction="ignore")
            w.writeheader()
            for r in records:
                w.writerow(r)

        self._replace(CSV_NAME, write_csv, newline="", durable=False)
        stat = self._stat()
        self._mine = None if stat is None else (stat, [dict(r) for r in records])

    def update(self, change: Callable[[list[dict]], list[dict]]) -> list[dict]:
        """Under the lock: read the records, apply ``change``, write JSON and CSV; return them.

        >>> import tempfile
        >>> from dataclasses import asdict
        >>> from finitelearn.experiments import run_scaling
        >>> recs = [asdict(r) for r in run_scaling([2, 3], "1/8", students=["paper-d+1"], progress=False)]
        >>> store = RecordStore(tempfile.mkdtemp())
        >>> [r["d"] for r in store.update(lambda old: old + recs)]
        [2, 3]
        >>> [r["d"] for r in store.update(lambda old: [r for r in old if r["d"] == 3])]
        [3]
        """
        with self._locked():
            records = change(self._current())
            self._write_all(records)
            return records

    def add(self, record: dict) -> None:
        """Add one record, replacing an older one with the same :func:`record_key`.

        >>> import tempfile
        >>> from dataclasses import asdict
        >>> from finitelearn.experiments import run_scaling
        >>> rec = asdict(run_scaling([2], "1/8", students=["paper-d+1"], progress=False)[0])
        >>> store = RecordStore(tempfile.mkdtemp())
        >>> store.add(rec)
        >>> store.add(rec)
        >>> len(store.records())
        1
        """
        record = validate_record(record)
        key = record_key(record)
        self.update(lambda rs: [r for r in rs if record_key(r) != key] + [record])

    def drop(self, keys: Iterable[tuple]) -> None:
        """Remove the records whose key is in ``keys`` (a recompute).

        >>> import tempfile
        >>> from dataclasses import asdict
        >>> from finitelearn.experiments import run_scaling
        >>> rec = asdict(run_scaling([2], "1/8", students=["paper-d+1"], progress=False)[0])
        >>> store = RecordStore(tempfile.mkdtemp())
        >>> store.add(rec)
        >>> store.drop([record_key(rec)])
        >>> store.records()
        []
        """
        keys = set(keys)
        self.update(lambda rs: [r for r in rs if record_key(r) not in keys])

    def rebuild_csv(self) -> None:
        """Write the CSV anew from the JSON (mends a CSV cut short).

        >>> import os, tempfile
        >>> from dataclasses import asdict
        >>> from finitelearn.experiments import run_scaling
        >>> out = tempfile.mkdtemp()
        >>> store = RecordStore(out)
        >>> store.add(asdict(run_scaling([2], "1/8", students=["paper-d+1"], progress=False)[0]))
        >>> os.remove(os.path.join(out, "scaling.csv"))
        >>> store.rebuild_csv()
        >>> sorted(os.listdir(out))
        ['scaling.csv', 'scaling.json', 'scaling.lock']
        """
        if (self.path / JSON_NAME).exists():
            self.update(lambda rs: rs)
