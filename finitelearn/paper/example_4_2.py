"""Example 4.2 and Figure 4.3 (Ma & Ying, Section 4.2 and Appendix A.2): a CNN student.

The data are the squares and disks of :mod:`finitelearn.paper.shapes` (Appendix A.1).
Under mu the squares are textured and the disks plain, so a student can separate the
training data by the texture or by the shape; the attack nu swaps the texture.  The
active teacher tells the student that the label depends on the shape, and the student
applies a low-pass filter (a max pooling of kernel 3 and stride 1) to the input, which
removes the texture.  Figure 4.3 shows, during training, the accuracy on 1000 fresh
images from mu (test accuracy) and from nu (adversarial accuracy), without the filter
(left) and with it (right).

PyTorch is an optional dependency (``pip install 'finitelearn[nn]'``): this module
imports it only inside the functions that need it, so that it can be imported, and its
doctests run, without torch.  Neural-network training is floating point and is not
exact; the accuracies are fractions of 1000 images, reported as floats.

Appendix A.2, followed: 3 convolution layers with 2 max-pooling layers between them,
then an average pooling and one fully connected layer; cross-entropy loss; Adam with
learning rate 0.001 and betas (0.9, 0.999); 10 epochs; batch size 50; 1000 training
images (500 of each class); for every evaluation 1000 *new* images from mu and 1000 new
images from nu (A.1: "we sample 1000 new image each time testing is conducted").

Choices where the appendix is silent (its architecture line is cut off in our copy):

* **Channels and kernel.** ``channels=(16, 32, 32)`` and ``kernel_size=3`` by default,
  with zero padding ``kernel_size // 2`` (the convolutions keep the image size); ReLU
  after every convolution; the two max poolings have kernel 2 and stride 2; the average
  pooling is global (one number per channel), so the same network takes 100 x 100 and
  98 x 98 (filtered) inputs; the fully connected layer maps ``channels[-1]`` numbers to
  2 logits (0 square, 1 disk).  All of these are arguments of :func:`build_student`.
* **The filter** is ``torch.nn.MaxPool2d(kernel_size=3, stride=1)`` with PyTorch's
  default padding 0, exactly as stated ("a max pooling with kernel size 3 and stride 1"),
  so a 100 x 100 image becomes 98 x 98.  It has no parameters.
* **Evaluation schedule.** Before the first step and then every ``eval_every = 5``
  batches (4 times per epoch), so that Figure 4.3 has curves; the paper does not say how
  often it tested.
* **Seeds.** One ``seed`` fixes everything: the training set, the order of the batches,
  the initial weights (``torch.manual_seed``) and the fresh evaluation sets.  The two
  students trained with the same seed see the same training set in the same order, start
  from the same weights (the filter has none) and are evaluated on the same images: the
  filter is the only difference between them.
* **Threads.** ``num_threads`` (default: leave torch's setting) is set with
  ``torch.set_num_threads`` for the run and restored afterwards.  Results are
  reproducible for a fixed seed *and* thread count; another thread count may change the
  float rounding and so the curves.  :func:`run` trains the two students at the same
  time, each in a process of its own on one thread, when two CPUs are usable, so its
  records are the one-thread records on every machine (measured: bit-identical to a
  one-thread run of the earlier sequential code).  Against two threads (torch's default
  on 2 cores, and this function's before), seed 0: the same final accuracies and the
  same curve for the plain student; 24 of the filtered student's 41 points differ, by
  at most 0.051 (epoch 7.75, adversarial 0.867 on two threads, 0.918 on one).

Speed.  An evaluation pass (1000 images) dominates the run: 41 of them per student
against 200 training steps of 50 images.  Three things made it slow and are fixed here
(measured on 2 cores of a VM, torch 2.13.0).  Page faults: torch allocates each
activation afresh, and glibc maps and unmaps each block above its mmap threshold (at
most 32 MiB), up to 1 million faults and 1.8 s of system time per pass;
:func:`train_student` makes glibc keep freed memory while it runs, and evaluates in
batches of 50, not 500.  torch's ``max_pool2d`` kernel, 45% of a pass: the students use
an exact fast path (:mod:`finitelearn.paper.pooling`).  Two threads waiting for each
other at every operation, worse when other processes share the cores: one thread per
student, the two students at the same time.

Measured (torch 2.13.0 CPU, 2 cores shared with other jobs, seed 0, default settings,
``finitelearn example 4.2 --epochs 10``, with the mean load average during each
run): 1 min 55 s to 3 min 11 s wall (load 2.2 to 4.8), 116 to 121 s user and 1.3
to 1.9 s system time; the earlier code, interleaved with these runs, 10 min 31 s to
23 min 42 s wall (load 3.6 to 6.4), 303 to 331 s user and 244 to 260 s system.
Final test / adversarial accuracy 1.000 / 0.000 without the filter and 1.000 / 1.000
with it, the result of Figure 4.3.
"""

from __future__ import annotations

import contextlib
import csv
import inspect
import json
import math
import numbers
import os
import platform
import sys
import threading
import time
from dataclasses import asdict, dataclass, fields
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from ..validation import check_int, fail, fail_type
from ..errors import MissingExtra
from . import shapes

__all__ = [
    "MissingExtra",
    "STUDENTS",
    "DEFAULT_CHANNELS",
    "DEFAULT_KERNEL_SIZE",
    "TrainingRecord",
    "require_torch",
    "build_student",
    "train_student",
    "read_records",
    "plot_figure_4_3",
    "run",
]

#: The two students of Figure 4.3: trained on the raw images, and on max-pooled images.
STUDENTS = ("plain", "filtered")
#: Default output channels of the three convolution layers (our choice, see module doc).
DEFAULT_CHANNELS = (16, 32, 32)
#: Default kernel size of the three convolution layers (our choice).
DEFAULT_KERNEL_SIZE = 3

_INSTALL_HINT = (
    "Example 4.2 needs PyTorch, an optional dependency: install it with "
    "pip install 'finitelearn[nn]' (or pip install torch)"
)


@dataclass(frozen=True)
class TrainingRecord:
    """One evaluation during training: a row of the CSV behind Figure 4.3.

    ``step`` counts the batches done so far and ``epoch = step / batches per epoch``;
    ``train_loss`` is the mean cross-entropy of the batches since the previous record
    (NaN for the record before the first step); the accuracies are on fresh samples of
    ``n_eval`` images from mu (test) and from nu (adversarial).

    >>> r = TrainingRecord("plain", seed=0, step=10, epoch=0.5, examples_seen=320, train_loss=0.69,
    ...                    test_accuracy=0.5, adversarial_accuracy=0.25, elapsed_seconds=1.0)
    >>> r.student, r.epoch, r.adversarial_accuracy
    ('plain', 0.5, 0.25)
    """

    student: str
    seed: int
    step: int
    epoch: float
    examples_seen: int
    train_loss: float
    test_accuracy: float
    adversarial_accuracy: float
    elapsed_seconds: float


_FIELDS = [f.name for f in fields(TrainingRecord)]


def require_torch() -> Any:
    """Import and return :mod:`torch`, or raise :class:`MissingExtra` saying how to install it.

    >>> try:
    ...     torch = require_torch()
    ... except MissingExtra as exc:
    ...     assert "finitelearn[nn]" in str(exc)
    """
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra(_INSTALL_HINT) from exc
    return torch


def build_student(
    filtered: bool = False,
    channels: Sequence[int] = DEFAULT_CHANNELS,
    kernel_size: int = DEFAULT_KERNEL_SIZE,
) -> Any:
    """The CNN student of Appendix A.2, optionally behind the active teacher's filter.

    Parameters
    ----------
    filtered : bool
        If true, a ``MaxPool2d(kernel_size=3, stride=1)`` is applied to the input first
        (the low-pass filter of Section 4.2 that removes the texture).
    channels : sequence of 3 ints
        Output channels of the three convolution layers (not given in the paper).
    kernel_size : int
        Odd kernel size of the convolutions, padded to keep the size (not given).

    Returns
    -------
    torch.nn.Sequential
        Input (batch, 1, H, W) floats, output (batch, 2) logits (0 square, 1 disk).
        Layers: [filter], conv, ReLU, max pool 2, conv, ReLU, max pool 2, conv, ReLU,
        global average pool, flatten, linear.

    Examples
    --------
    >>> try:
    ...     import torch
    ... except ImportError:
    ...     torch = None
    >>> if torch is not None:
    ...     net = build_student(filtered=True)
    ...     assert tuple(net(torch.zeros(2, 1, 100, 100)).shape) == (2, 2)
    """
    filtered = _check_bool(filtered, "filtered")
    channels = _check_channels(channels)
    kernel_size = _check_kernel(kernel_size)
    torch = require_torch()
    from .pooling import MaxPool2d  # torch.nn.MaxPool2d, the same numbers, faster

    nn = torch.nn
    pad = kernel_size // 2
    c1, c2, c3 = channels
    layers: list[Any] = []
    if filtered:
        layers.append(MaxPool2d(kernel_size=3, stride=1))
    layers += [
        nn.Conv2d(1, c1, kernel_size, padding=pad),
        nn.ReLU(),
        MaxPool2d(2),
        nn.Conv2d(c1, c2, kernel_size, padding=pad),
        nn.ReLU(),
        MaxPool2d(2),
        nn.Conv2d(c2, c3, kernel_size, padding=pad),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(c3, 2),
    ]
    return nn.Sequential(*layers)


def train_student(
    filtered: bool = False,
    *,
    epochs: int = 10,
    n_train: int = 1000,
    batch_size: int = 50,
    lr: float = 0.001,
    eval_every: int = 5,
    n_eval: int = 1000,
    seed: int = 0,
    size: int = shapes.SIZE,
    channels: Sequence[int] = DEFAULT_CHANNELS,
    kernel_size: int = DEFAULT_KERNEL_SIZE,
    num_threads: int | None = None,
    csv_path: str | os.PathLike[str] | None = None,
    progress: bool = False,
) -> list[TrainingRecord]:
    """Train one student of Figure 4.3 and record its test and adversarial accuracy.

    Appendix A.2: cross-entropy, Adam (lr 0.001, betas (0.9, 0.999)), batch size 50,
    10 epochs, ``n_train`` balanced training images from mu.  Before the first step and
    every ``eval_every`` batches (and after the last one) the student is evaluated on
    ``n_eval`` fresh images from mu and ``n_eval`` from nu.

    Parameters
    ----------
    filtered : bool
        Train the student behind the max-pooling filter (right panel) or not (left).
    epochs, n_train, batch_size, eval_every, n_eval : int
        As above; ``n_train`` must be even (half squares, half disks).
    lr : float
        Adam's learning rate.
    seed : int
        Fixes the training set, the batch order, the initial weights and the evaluation
        sets; the same for both students (see the module docstring).
    size : int
        Image side (100 in the paper; smaller only for quick tests).
    channels, kernel_size
        Passed to :func:`build_student`.
    num_threads : int or None
        Threads for torch during the run (restored afterwards); None keeps the setting.
    csv_path : path or None
        If given, the records are written there as they come (header first, one flushed
        row per evaluation), so a crash loses nothing already measured.
    progress : bool
        Show a tqdm progress bar over the batches.

    Returns
    -------
    list of TrainingRecord
        One per evaluation, in order.

    Examples
    --------
    >>> try:
    ...     import torch
    ... except ImportError:
    ...     torch = None
    >>> if torch is not None:
    ...     recs = train_student(epochs=1, n_train=20, batch_size=10, eval_every=1,
    ...                          n_eval=10, size=32, seed=0)
    ...     assert [r.step for r in recs] == [0, 1, 2]
    """
    filtered = _check_bool(filtered, "filtered")
    epochs = _check_positive(epochs, "epochs")
    n_train = _check_positive(n_train, "n_train")
    if n_train % 2:
        raise fail("n_train", n_train, "an even int >= 2 (half squares, half disks)")
    batch_size = _check_positive(batch_size, "batch_size")
    eval_every = _check_positive(eval_every, "eval_every")
    n_eval = _check_positive(n_eval, "n_eval")
    if isinstance(lr, (bool, np.bool_)) or not isinstance(lr, numbers.Real):
        raise fail_type("lr", lr, "a positive float")
    if not (math.isfinite(float(lr)) and lr > 0):
        raise fail("lr", lr, "a finite float > 0")
    seed = _check_seed(seed)
    channels = _check_channels(channels)
    kernel_size = _check_kernel(kernel_size)
    if num_threads is not None:
        num_threads = _check_positive(num_threads, "num_threads")
    shapes.radius_range(size)  # validates size
    torch = require_torch()

    from tqdm.auto import tqdm

    student = "filtered" if filtered else "plain"
    seq = np.random.SeedSequence(seed)
    train_ss, order_ss, eval_ss = seq.spawn(3)
    x_train, y_train = shapes.generate(
        n_train, "mu", np.random.default_rng(train_ss), balanced=True, size=size
    )
    order_rng = np.random.default_rng(order_ss)
    eval_rng = np.random.default_rng(eval_ss)
    x_train_t = torch.from_numpy(x_train).unsqueeze(1)
    y_train_t = torch.from_numpy(y_train)
    batches_per_epoch = math.ceil(n_train / batch_size)
    total_steps = epochs * batches_per_epoch

    old_threads = torch.get_num_threads()
    if num_threads is not None:
        torch.set_num_threads(num_threads)
    writer_file = None
    with _freed_memory_kept():
        try:
            torch.manual_seed(seed)
            net = build_student(filtered, channels, kernel_size)
            optimiser = torch.optim.Adam(net.parameters(), lr=lr, betas=(0.9, 0.999))
            loss_fn = torch.nn.CrossEntropyLoss()
            if csv_path is not None:
                writer_file = open(csv_path, "w", newline="")
                writer = csv.DictWriter(writer_file, fieldnames=_FIELDS)
                writer.writeheader()
                writer_file.flush()
            records: list[TrainingRecord] = []
            start = time.perf_counter()
            losses: list[float] = []

            def evaluate(step: int, seen: int) -> None:
                test_acc = _accuracy(torch, net, *_fresh(n_eval, "mu", eval_rng, size))
                adv_acc = _accuracy(torch, net, *_fresh(n_eval, "nu", eval_rng, size))
                rec = TrainingRecord(
                    student=student,
                    seed=seed,
                    step=step,
                    epoch=step / batches_per_epoch,
                    examples_seen=seen,
                    train_loss=float(np.mean(losses)) if losses else float("nan"),
                    test_accuracy=test_acc,
                    adversarial_accuracy=adv_acc,
                    elapsed_seconds=time.perf_counter() - start,
                )
                losses.clear()
                records.append(rec)
                if writer_file is not None:
                    writer.writerow(asdict(rec))
                    writer_file.flush()

            evaluate(0, 0)
            step = seen = 0
            with tqdm(total=total_steps, disable=not progress, desc=f"{student} student",
                      unit="batch", position=_bar_position) as bar:
                for _epoch in range(epochs):
                    order = torch.from_numpy(order_rng.permutation(n_train))
                    net.train()
                    for b in range(batches_per_epoch):
                        idx = order[b * batch_size:(b + 1) * batch_size]
                        optimiser.zero_grad()
                        loss = loss_fn(net(x_train_t[idx]), y_train_t[idx])
                        loss.backward()
                        optimiser.step()
                        losses.append(float(loss.detach()))
                        step += 1
                        seen += len(idx)
                        bar.update(1)
                        if step % eval_every == 0 or step == total_steps:
                            evaluate(step, seen)
                            bar.set_postfix(test=records[-1].test_accuracy,
                                            adv=records[-1].adversarial_accuracy)
            return records
        finally:
            if writer_file is not None:
                writer_file.close()
            torch.set_num_threads(old_threads)


def read_records(path: str | os.PathLike[str]) -> list[TrainingRecord]:
    """Read the records that :func:`train_student` wrote to a CSV file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> _ = p.write_text("student,seed,step,epoch,examples_seen,train_loss,test_accuracy,"
    ...                  "adversarial_accuracy,elapsed_seconds\\nplain,0,5,0.25,250,0.7,0.6,0.4,1.5\\n")
    >>> read_records(p)[0].adversarial_accuracy
    0.4
    """
    out = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(TrainingRecord(
                student=row["student"], seed=int(row["seed"]), step=int(row["step"]),
                epoch=float(row["epoch"]), examples_seen=int(row["examples_seen"]),
                train_loss=float(row["train_loss"]),
                test_accuracy=float(row["test_accuracy"]),
                adversarial_accuracy=float(row["adversarial_accuracy"]),
                elapsed_seconds=float(row["elapsed_seconds"]),
            ))
    return out


def plot_figure_4_3(
    records: dict[str, Iterable[TrainingRecord]], path: str | os.PathLike[str] | None = None
) -> Any:
    """Draw Figure 4.3 (test and adversarial accuracy during training); save it if ``path``.

    Parameters
    ----------
    records : dict
        ``{"plain": records, "filtered": records}`` (either may be missing): the left
        panel is the plain student, the right panel the filtered one, as in the paper.
    path : path, optional
        Where to write the image (the format follows the suffix, e.g. ``.png``; 120 dpi,
        1200 x 480 pixels; the folder is created).

    Returns
    -------
    matplotlib.figure.Figure
        Made without pyplot (the backend is left alone).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> r = [TrainingRecord("plain", 0, s, s / 4, 50 * s, 0.5, 0.5 + s / 8, 0.5 - s / 8, s)
    ...      for s in range(5)]
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "f.png"
    >>> fig = plot_figure_4_3({"plain": r}, path)
    >>> path.exists(), [len(ax.lines) for ax in fig.axes]
    (True, [2, 0])
    """
    from matplotlib.figure import Figure

    from ..plots import save_figure

    unknown = set(records) - set(STUDENTS)
    if unknown:
        raise fail("records", sorted(unknown), f"keys among {STUDENTS}")
    fig = Figure(figsize=(10, 4))
    axes = fig.subplots(1, 2, sharey=True)
    titles = {"plain": "training data only", "filtered": "max pooling 3x3, stride 1 first"}
    for ax, name in zip(axes, STUDENTS):
        recs = list(records.get(name, []))
        ax.set_title(f"{name} student: {titles[name]}", fontsize=10)
        ax.set_xlabel("epoch")
        ax.set_ylim(-0.02, 1.02)
        ax.grid(alpha=0.3)
        if recs:
            ep = [r.epoch for r in recs]
            ax.plot(ep, [r.test_accuracy for r in recs], label="test accuracy (mu)")
            ax.plot(ep, [r.adversarial_accuracy for r in recs],
                    label="adversarial accuracy (nu)")
            ax.legend(loc="best", fontsize=9)
    axes[0].set_ylabel("accuracy")
    fig.suptitle("Figure 4.3 (Ma & Ying, Example 4.2)")
    fig.tight_layout()
    if path is not None:
        save_figure(fig, path, dpi=120)
    return fig


def run(
    out: str | os.PathLike[str],
    *,
    epochs: int = 10,
    n_train: int = 1000,
    seed: int = 0,
    students: Sequence[str] = STUDENTS,
    progress: bool = False,
    parallel: bool | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    """Run Example 4.2 for both students and write CSV, JSON and Figure 4.3 to ``out``.

    Writes ``example_4_2_<student>.csv`` (rows appended as training goes),
    ``example_4_2.json`` (the final accuracies, the settings and the run times) and
    ``figure_4_3.png``.  Extra keyword arguments go to :func:`train_student`.

    Parameters
    ----------
    parallel : bool or None
        Train the students at the same time, each in a process of its own with one torch
        thread (unless ``num_threads`` is given), instead of one after the other in this
        process.  None (the default): in parallel when there are two students and this
        process may use at least two CPUs.  A student's records depend on the seed (and
        the thread count, see the module docstring), not on this choice.  Two
        single-threaded students use two cores fully, where one two-threaded student
        waits at every operation's barrier (measured on 2 cores: 25% more CPU time per
        image, and far slower when other processes take a core).

    Returns
    -------
    dict
        The content of ``example_4_2.json``.

    Examples
    --------
    >>> import os, tempfile
    >>> try:
    ...     import torch
    ... except ImportError:
    ...     torch = None
    >>> if torch is not None:
    ...     out = tempfile.mkdtemp()
    ...     res = run(out, epochs=1, n_train=20, batch_size=10, eval_every=1, n_eval=10, size=32)
    ...     assert sorted(os.listdir(out)) == ["example_4_2.json", "example_4_2_filtered.csv",
    ...                                        "example_4_2_plain.csv", "figure_4_3.png"]
    ...     assert sorted(res["students"]) == ["filtered", "plain"]
    """
    if isinstance(students, str) or not all(s in STUDENTS for s in students) or not students:
        raise fail("students", students, f"a non-empty sequence of names among {STUDENTS}")
    epochs = _check_positive(epochs, "epochs")
    n_train = _check_positive(n_train, "n_train")
    seed = _check_seed(seed)
    if parallel is None:
        parallel = len(students) > 1 and _usable_cpus() >= 2
    parallel = _check_bool(parallel, "parallel")
    torch = require_torch()
    from ..records import prepare_out_dir

    out = prepare_out_dir(out, "out")
    if parallel:
        kwargs.setdefault("num_threads", 1)
    settings = {
        name: param.default
        for name, param in inspect.signature(train_student).parameters.items()
        if param.kind is inspect.Parameter.KEYWORD_ONLY
        and name not in ("epochs", "n_train", "seed", "csv_path", "progress")
    }
    settings.update(kwargs)
    summary: dict[str, Any] = {
        "example": "4.2",
        "seed": seed,
        "epochs": epochs,
        "n_train": n_train,
        "settings": {k: (list(v) if isinstance(v, tuple) else v) for k, v in settings.items()},
        "torch": torch.__version__,
        "torch_threads": kwargs.get("num_threads") or torch.get_num_threads(),
        "parallel": parallel,
        "students": {},
    }
    jobs = [(name, epochs, n_train, seed, str(out / f"example_4_2_{name}.csv"), progress,
             k if parallel else 0, kwargs)  # at once, each bar on its own line
            for k, name in enumerate(students)]
    if parallel:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: a forked copy of a process that has started torch's OpenMP
        # threads may hang
        with ProcessPoolExecutor(len(jobs), mp_context=multiprocessing.get_context("spawn")) as pool:
            done = list(pool.map(_train_one, *zip(*jobs)))
    else:
        done = [_train_one(*job) for job in jobs]
    for name, (last, seconds) in zip(students, done):
        summary["students"][name] = {
            "final_test_accuracy": last.test_accuracy,
            "final_adversarial_accuracy": last.adversarial_accuracy,
            "final_epoch": last.epoch,
            "seconds": seconds,
            "csv": f"example_4_2_{name}.csv",
        }
    # the figure is drawn from the CSV records, as a later re-plot would be
    plot_figure_4_3({name: read_records(out / f"example_4_2_{name}.csv") for name in students},
                    out / "figure_4_3.png")
    summary["figure"] = "figure_4_3.png"
    (out / "example_4_2.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


# ----------------------------------------------------------------------------- private


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: Line of this process's progress bar (set in a process that trains one of several
#: students at once, so that their bars do not overwrite each other).
_bar_position = 0


def _train_one(name: str, epochs: int, n_train: int, seed: int, csv_path: str, progress: bool,
               position: int, kwargs: dict[str, Any]) -> tuple[TrainingRecord, float]:
    """Train one student of :func:`run` (in this process or in a worker process)."""
    global _bar_position
    _bar_position = position
    t0 = time.perf_counter()
    recs = train_student(name == "filtered", epochs=epochs, n_train=n_train, seed=seed,
                         csv_path=csv_path, progress=progress, **kwargs)
    return recs[-1], time.perf_counter() - t0


def _fresh(n: int, distribution: str, rng: np.random.Generator, size: int) -> tuple:
    return shapes.generate(n, distribution, rng, size=size)


#: Images per forward pass when evaluating.  The logits do not depend on it (measured:
#: bit-identical for 50, 100 and 500); 50 keeps the largest activation (the first
#: convolution's, 50 x 16 x 100 x 100 float32 = 32 MB) as small as in a training step,
#: where 500 allocated 320 MB per activation and per pass.
_EVAL_BATCH = 50


def _accuracy(torch: Any, net: Any, images: np.ndarray, labels: np.ndarray) -> float:
    net.eval()
    correct = 0
    with torch.inference_mode():
        for start in range(0, len(labels), _EVAL_BATCH):
            x = torch.from_numpy(images[start:start + _EVAL_BATCH]).unsqueeze(1)
            pred = net(x).argmax(dim=1).numpy()
            correct += int((pred == labels[start:start + _EVAL_BATCH]).sum())
    net.train()
    return correct / len(labels)


# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_MAX = -1, -4
_GLIBC_DEFAULT_TRIM_THRESHOLD, _GLIBC_DEFAULT_MMAP_MAX = 128 * 1024, 65536
_keep_lock = threading.Lock()
_keep_depth = 0


def _glibc() -> Any:
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt, libc.malloc_trim  # noqa: B018 - both must exist
    except (OSError, AttributeError):  # pragma: no cover - not glibc after all
        return None
    return libc


@contextlib.contextmanager
def _freed_memory_kept() -> Iterator[None]:
    """While training, keep the memory torch frees in the process for its next allocation.

    torch allocates every activation and gradient afresh; glibc serves blocks above its
    mmap threshold (at most 32 MiB) with a new ``mmap`` and returns them with ``munmap``
    on free, and trims the heap's free top, so every forward pass faulted its activations
    in again page by page, zeroed by the kernel: measured at 100 x 100, about 1.7 to 3.9
    MB of page faults per image evaluated, a third to a half of the run's time in system
    time.  Inside this block (glibc only; elsewhere it does nothing) glibc serves every
    block from the heap (``M_MMAP_MAX = 0``) and keeps freed memory (a trim threshold
    of 2 GiB), so after the first steps no page is faulted in again.  On leaving, glibc's
    defaults are set back (a fixed 128 KiB trim threshold, 65536 mmaps) and the heap is
    trimmed, so the process does not keep the memory.  Nested and concurrent uses in
    one process share one setting (the outermost one restores it).
    """
    global _keep_depth
    libc = _glibc()
    if libc is None:
        yield
        return
    with _keep_lock:
        if _keep_depth == 0:
            libc.mallopt(_M_MMAP_MAX, 0)
            libc.mallopt(_M_TRIM_THRESHOLD, 2**31 - 1)
        _keep_depth += 1
    try:
        yield
    finally:
        with _keep_lock:
            _keep_depth -= 1
            if _keep_depth == 0:
                libc.mallopt(_M_MMAP_MAX, _GLIBC_DEFAULT_MMAP_MAX)
                libc.mallopt(_M_TRIM_THRESHOLD, _GLIBC_DEFAULT_TRIM_THRESHOLD)
                libc.malloc_trim(0)


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise fail_type(name, value, "a bool")
    return bool(value)


def _check_positive(value: Any, name: str) -> int:
    value = check_int(value, name)
    if value < 1:
        raise fail(name, value, "an int >= 1")
    return value


def _check_seed(seed: Any) -> int:
    seed = check_int(seed, "seed")
    if seed < 0:
        raise fail("seed", seed, "an int >= 0")
    return seed


def _check_channels(channels: Any) -> tuple[int, int, int]:
    if isinstance(channels, (str, bytes)) or not isinstance(channels, Iterable):
        raise fail_type("channels", channels, "a sequence of 3 ints >= 1")
    out = tuple(channels)
    if len(out) != 3:
        raise fail("channels", channels, "3 ints >= 1 (one per convolution layer)")
    for c in out:
        if isinstance(c, (bool, np.bool_)) or not isinstance(c, numbers.Integral):
            raise fail_type("channels", channels, "a sequence of 3 ints >= 1")
        if c < 1:
            raise fail("channels", channels, "3 ints >= 1 (one per convolution layer)")
    return tuple(int(c) for c in out)  # type: ignore[return-value]


def _check_kernel(kernel_size: Any) -> int:
    k = check_int(kernel_size, "kernel_size")
    if k < 1 or k % 2 == 0:
        raise fail("kernel_size", k, "an odd int >= 1")
    return k
