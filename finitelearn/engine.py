"""Where exhaustive work runs: in this process (the default) or on a Dask cluster.

Work is a range of indices 0..n-1 (words of a cube, truth tables, records) cut into
chunks; each chunk runs a task ``fn(*args, lo, hi)`` (a numba kernel behind a plain
module-level function) that returns an exact partial result (a Python int, a max with its
witness); partials are combined by an associative ``combine`` in Python ints, in chunk
order, so the result does not depend on the engine, the number of workers or the chunk
size (docs/design.md, "The engine").

Two engines:

* :func:`local_engine` (the default everywhere ``engine=None``): chunks run in this
  process, one after the other or on ``threads`` threads (the kernels release the GIL).
* :func:`dask_engine`: chunks run as ``dask.distributed`` tasks, on a ``LocalCluster`` of
  worker *processes* it starts, or on a running scheduler (``tcp://host:port``, or the
  ``FINITELEARN_SCHEDULER`` environment variable).  A worker that dies loses only its
  unfinished chunks, which the scheduler reruns elsewhere.  Needs the ``dask`` extra
  (``pip install 'finitelearn[dask]'``); nothing here imports dask until it is asked for.

Examples
--------
>>> import operator
>>> eng = local_engine()
>>> eng.map_reduce(range_sum, (), 10**6, operator.add, 0, chunk=1000) == sum(range(10**6))
True
"""

from __future__ import annotations

import operator
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Generator, Iterator, Sequence

from .errors import MissingExtra, SchedulerUnreachable
from .validation import check_int, fail, fail_type

__all__ = [
    "Engine",
    "LocalEngine",
    "DaskEngine",
    "local_engine",
    "dask_engine",
    "check_engine",
    "chunks",
    "range_sum",
    "SCHEDULER_ENV",
]

#: The environment variable :func:`dask_engine` reads a scheduler address from.
SCHEDULER_ENV = "FINITELEARN_SCHEDULER"


def chunks(n: int, size: int) -> list[tuple[int, int]]:
    """The ranges ``(lo, hi)`` that cut 0..n-1 into pieces of ``size`` (the last may be shorter).

    >>> chunks(10, 4)
    [(0, 4), (4, 8), (8, 10)]
    """
    return [(lo, min(n, lo + size)) for lo in range(0, n, size)]


def range_sum(lo: int, hi: int) -> int:
    """sum(range(lo, hi)) in closed form: the smallest task, for examples and tests.

    >>> range_sum(0, 5)
    10
    """
    return (hi - lo) * (lo + hi - 1) // 2


class Engine:
    """Runs chunked tasks and combines their exact partial results.

    Subclasses implement :meth:`run` (call ``fn(*args, lo, hi)`` for each chunk and yield
    the results as they finish, with the chunk's position) and :attr:`workers`.

    Examples
    --------
    >>> import operator
    >>> local_engine().map_reduce(range_sum, (), 100, operator.add, 0) == 4950
    True
    """

    #: Default number of work items per chunk (set per call with ``chunk=``): 2^22 words of a
    #: cube are 2^28 points, about 10 ms of a parity-like rule on one core.
    default_chunk = 1 << 22

    @property
    def workers(self) -> int:
        """Number of tasks that run at once (threads or worker threads)."""
        raise NotImplementedError

    def run(self, fn: Callable[..., Any], args: tuple, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, Any]]:
        """Yield ``(position, fn(*args, lo, hi))`` for each range, in the order they finish.

        >>> sorted(local_engine().run(range_sum, (), [(0, 3), (3, 5)]))
        [(0, 3), (1, 7)]
        """
        raise NotImplementedError

    def chunk_size(self, n: int, chunk: int | None, per_worker: int = 4) -> int:
        """Work items per chunk: ``chunk`` if given, else at most :attr:`default_chunk` and
        at least ``per_worker`` chunks per worker (so that the workers stay busy).

        >>> local_engine().chunk_size(100, None)
        25
        >>> local_engine().chunk_size(2**40, None) == 2**22
        True
        """
        if chunk is not None:
            return chunk
        target = -(-n // (per_worker * self.workers))
        return max(1, min(self.default_chunk, target))

    def map_reduce(self, fn: Callable[..., Any], args: tuple, n: int,
                   combine: Callable[[Any, Any], Any] = operator.add, initial: Any = 0, *,
                   chunk: int | None = None) -> Any:
        """combine over the chunks of 0..n-1 of ``fn(*args, lo, hi)``, in chunk order.

        Parameters
        ----------
        fn : callable
            A module-level function (it is pickled to the workers of a cluster).
        args : tuple
            Its leading arguments, the same for every chunk.
        n : int
            Number of work items.
        combine : callable
            Associative: ``combine(combine(a, b), c) == combine(a, combine(b, c))``.
        initial : object
            The identity of ``combine``.
        chunk : int, optional
            Work items per chunk (default :meth:`chunk_size`).

        Examples
        --------
        >>> local_engine().map_reduce(range_sum, (), 10, chunk=3)
        45
        """
        n = check_int(n, "n")
        if chunk is not None:
            chunk = check_int(chunk, "chunk")
            if chunk < 1:
                raise fail("chunk", chunk, "an int >= 1 (work items per chunk)")
        ranges = chunks(n, self.chunk_size(n, chunk))
        parts: dict[int, Any] = {}
        for i, part in self.run(fn, args, ranges):
            parts[i] = part
        acc = initial
        for i in range(len(ranges)):
            acc = combine(acc, parts[i])
        return acc

    def close(self) -> None:
        """Release what the engine holds (a cluster it started); nothing for the local engine.

        >>> local_engine().close()
        """

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class LocalEngine(Engine):
    """Chunks run in this process, on ``threads`` threads (1: one after the other).

    Build one with :func:`local_engine`.

    Examples
    --------
    >>> local_engine(threads=2).workers
    2
    """

    def __init__(self, threads: int = 1, chunk: int | None = None) -> None:
        threads = check_int(threads, "threads")
        if threads < 1:
            raise fail("threads", threads, "an int >= 1")
        self.threads = threads
        if chunk is not None:
            chunk = check_int(chunk, "chunk")
            if chunk < 1:
                raise fail("chunk", chunk, "an int >= 1 (work items per chunk)")
            self.default_chunk = chunk

    @property
    def workers(self) -> int:
        """The number of threads.

        >>> local_engine().workers
        1
        """
        return self.threads

    def run(self, fn: Callable[..., Any], args: tuple, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, Any]]:
        """Run the chunks here (on a thread pool when ``threads > 1``).

        >>> list(local_engine().run(range_sum, (), [(0, 3)]))
        [(0, 3)]
        """
        if self.threads == 1 or len(ranges) <= 1:
            for i, (lo, hi) in enumerate(ranges):
                yield i, fn(*args, lo, hi)
            return
        with ThreadPoolExecutor(self.threads) as pool:
            futures = [pool.submit(fn, *args, lo, hi) for lo, hi in ranges]
            try:
                for i, f in enumerate(futures):
                    yield i, f.result()
            except BaseException:
                for f in futures:
                    f.cancel()
                raise

    def __repr__(self) -> str:
        return f"LocalEngine(threads={self.threads})"


class DaskEngine(Engine):
    """Chunks run as tasks of a ``dask.distributed`` cluster; build one with :func:`dask_engine`.

    Attributes
    ----------
    client : distributed.Client
        The client (``client.dashboard_link``, ``client.scheduler_info()``).
    address : str
        The scheduler's address.

    Examples
    --------
    >>> with fl.dask_engine(workers=2) as eng:            # doctest: +SKIP
    ...     fl.agreement_probability(f, g, fl.uniform(36), engine=eng)
    """

    #: 2^26 words (2^32 points) per task: a task costs a few milliseconds of the scheduler's time.
    default_chunk = 1 << 26

    def __init__(self, client: Any, cluster: Any = None, chunk: int | None = None) -> None:
        self.client = client
        self.cluster = cluster
        self.address = str(client.scheduler.address)
        if chunk is not None:
            self.default_chunk = chunk

    def chunk_size(self, n: int, chunk: int | None, per_worker: int = 8) -> int:
        """As :meth:`Engine.chunk_size`, with at least 8 tasks per worker (a worker slowed by
        other load then leaves less of the work to the end).

        >>> eng.chunk_size(2**20, None)                     # doctest: +SKIP
        65536
        """
        return super().chunk_size(n, chunk, per_worker)

    @property
    def workers(self) -> int:
        """Worker threads of the cluster now (at least 1).

        >>> eng.workers                                     # doctest: +SKIP
        2
        """
        return max(1, sum(self.client.nthreads().values()))

    def run(self, fn: Callable[..., Any], args: tuple, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, Any]]:
        """Submit one task per chunk and yield the results; Ctrl-C cancels the tasks left.

        Tasks are not pure (no caching by key) and carry their arguments; the results are
        fetched in one gather, and the chunks of a worker that dies before that are rerun
        by the scheduler (this process holds the futures).

        >>> sorted(eng.run(range_sum, (), [(0, 3), (3, 5)]))   # doctest: +SKIP
        [(0, 3), (1, 7)]
        """
        m = len(ranges)
        # one call for all the tasks (client.submit per task costs a round trip each)
        futures = self.client.map(fn, *[[a] * m for a in args], [lo for lo, _ in ranges], [hi for _, hi in ranges],
                                  pure=False, retries=2)
        try:
            # one gather for all (a round trip per result costs more than a small chunk);
            # the scheduler reruns the chunks of a worker that dies before they are fetched
            results = self.client.gather(futures)
        except BaseException:
            self.client.cancel(futures)
            raise
        yield from enumerate(results)

    def submit_each(self, fn: Callable[..., Any], arglists: Sequence[tuple]) -> Generator[tuple[int, Any], None, None]:
        """One task ``fn(*args)`` per entry of ``arglists``; yield ``(position, result)`` as they finish.

        Used for grids of independent records (``finitelearn scaling --workers``).  Ctrl-C
        (or any error) cancels the tasks not yet finished.

        >>> list(eng.submit_each(range_sum, [(0, 3)]))      # doctest: +SKIP
        [(0, 3)]
        """
        from distributed import as_completed

        futures = self.client.map(fn, *zip(*arglists), pure=False) if arglists else []
        where = {f.key: i for i, f in enumerate(futures)}
        try:
            for fut, result in as_completed(futures, with_results=True):
                yield where[fut.key], result
        except BaseException:
            self.client.cancel(futures)
            raise

    def close(self) -> None:
        """Close the client, and the cluster if this engine started it.

        >>> eng.close()                                     # doctest: +SKIP
        """
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()

    def __repr__(self) -> str:
        return f"DaskEngine({self.address!r}, workers={self.workers})"


def local_engine(threads: int = 1, chunk: int | None = None) -> LocalEngine:
    """The in-process engine (what ``engine=None`` means), optionally on several threads.

    Parameters
    ----------
    threads : int
        Chunks run at once (default 1); the result does not depend on it.
    chunk : int, optional
        Work items per chunk (default: at most 2^22, at least 4 chunks per thread).

    Examples
    --------
    >>> import finitelearn as fl
    >>> f, g = fl.parity(30, {0, 29}, lazy=True), fl.dictator(30, 0, lazy=True)
    >>> fl.agreement_probability(f, g, fl.uniform_on_subcube(30, {29: 0}), engine=fl.local_engine(threads=2))
    Fraction(1, 1)
    """
    return LocalEngine(threads, chunk)


def dask_engine(address: str | None = None, workers: int = 2, *, threads_per_worker: int = 1,
                chunk: int | None = None, timeout: float = 10.0, memory_limit: Any = "auto") -> DaskEngine:
    """An engine on a Dask cluster: a new ``LocalCluster`` of worker processes, or a running one.

    Parameters
    ----------
    address : str, optional
        A running scheduler, ``"tcp://host:port"``.  Default: the ``FINITELEARN_SCHEDULER``
        environment variable, and when that is unset a ``LocalCluster`` of ``workers``
        worker processes started here (and closed by :meth:`DaskEngine.close`).
    workers : int
        Worker processes of the local cluster (ignored with an address).
    threads_per_worker : int
        Threads per worker process of the local cluster (default 1).
    chunk : int, optional
        Work items per task (default: at most 2^26, at least 4 tasks per worker).
    timeout : float
        Seconds to wait for the scheduler before :class:`finitelearn.SchedulerUnreachable`.
    memory_limit : str or int
        Per worker of the local cluster, as ``distributed.LocalCluster`` reads it.

    Returns
    -------
    DaskEngine
        Use it as a context manager, or call :meth:`DaskEngine.close`.

    Raises
    ------
    finitelearn.MissingExtra
        When dask and distributed are not installed (``pip install 'finitelearn[dask]'``).
    finitelearn.SchedulerUnreachable
        When no scheduler answers at the address (the message names it).

    Examples
    --------
    >>> import finitelearn as fl
    >>> with fl.dask_engine(workers=2) as eng:            # doctest: +SKIP
    ...     fl.count_functions(4, "monotone", engine=eng)
    168
    """
    if address is None:
        address = os.environ.get(SCHEDULER_ENV) or None
    if address is not None and not isinstance(address, str):
        raise fail_type("address", address, "a scheduler address such as 'tcp://127.0.0.1:8786', or None")
    workers = check_int(workers, "workers")
    if workers < 1:
        raise fail("workers", workers, "an int >= 1 (worker processes of the local cluster)")
    threads_per_worker = check_int(threads_per_worker, "threads_per_worker")
    if threads_per_worker < 1:
        raise fail("threads_per_worker", threads_per_worker, "an int >= 1")
    if chunk is not None:
        chunk = check_int(chunk, "chunk")
        if chunk < 1:
            raise fail("chunk", chunk, "an int >= 1 (work items per task)")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise fail("timeout", timeout, "a number of seconds > 0")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise MissingExtra("the Dask engine needs dask and distributed: pip install 'finitelearn[dask]' "
                           "(or pip install 'dask[distributed]')") from None
    if address is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
                               dashboard_address=None, memory_limit=memory_limit)
        try:
            client = Client(cluster, timeout=timeout)
        except BaseException:
            cluster.close()
            raise
        return DaskEngine(client, cluster, chunk)
    if "://" not in address:
        address = "tcp://" + address
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {address} (waited {timeout:g} s): {exc}. Start one with "
            f"'dask scheduler' and workers with 'dask worker {address}', or unset {SCHEDULER_ENV}"
        ) from None
    return DaskEngine(client, None, chunk)


def check_engine(engine: Any, name: str = "engine") -> Engine:
    """``engine`` as an :class:`Engine`: None is the in-process engine; anything else is refused.

    >>> check_engine(None)
    LocalEngine(threads=1)
    >>> check_engine("dask")
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidType: engine='dask' has type str, expected None, finitelearn.local_engine(...) or finitelearn.dask_engine(...)
    """
    if engine is None:
        return _DEFAULT
    if not isinstance(engine, Engine):
        raise fail_type(name, engine, "None, finitelearn.local_engine(...) or finitelearn.dask_engine(...)")
    return engine


_DEFAULT = LocalEngine()
