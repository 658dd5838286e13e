"""The squares-and-disks images of Example 4.2 (Ma & Ying, Section 4.2 and Appendix A.1).

Appendix A.1, followed to the letter:

* the images have 100 x 100 grey pixels with values in [0, 1]; the background is 0 and
  the pixels of the shape are 1;
* the half side of a square and the radius of a disk are uniform over the integers
  12..25 ("roughly [a/8, a/4]" for side a = 100);
* the centre (x, y) is a pixel uniform over the positions that keep the whole shape in
  the image; the square of half side r is the pixel set [x - r, x + r] x [y - r, y + r];
* the texture changes the value from 1 to 0.5 at the pixels (x, y) of the shape with
  x + y even;
* under mu (training and test data) squares are textured and disks plain; under nu (the
  attack) squares are plain and disks textured; squares have probability 1/2.

Where the appendix leaves a choice, this module makes it as follows.

* **Centre range.** The appendix's worked example gives, for half side 20, centres
  uniform over the integers 20..78, i.e. r..(a - 2 - r).  The sentence "so that the whole
  shape is within the image" would also allow a - 1 - r (= 79).  We follow the worked
  example: :func:`centre_range` is r..a-2-r.  Every shape is inside the image either way.
* **Disk.** The pixels (x', y') with (x' - x)^2 + (y' - y)^2 <= r^2 (integer pixel
  centres, boundary included).  Its bounding box is [x - r, x + r] x [y - r, y + r], like
  the square's.
* **Pixel coordinates** are the 0-based array indices, ``image[y, x]`` (row y, column x).
  The parity of x + y is the same for 0- and 1-based indices, so the texture does not
  depend on this choice.
* **Labels** are 0 for a square and 1 for a disk.  A test set draws each label
  independently with probability 1/2 ("the probability of squares is 0.5");
  ``balanced=True`` gives the training set of A.1 instead (exactly n/2 of each class, in
  a random order).
* **Order of the random draws** (so that a seed fixes the images): the labels (or the
  permutation, when balanced), then the n radii, then the n centre columns x, then the n
  centre rows y, all from ``numpy.random.default_rng(seed)``.
* **Smaller images.** ``size`` other than 100 is an extension for quick tests, not part
  of the paper: radii size//8..size//4 (12..25 at 100) and the same centre rule.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..validation import as_rng, check_int, fail, fail_type

__all__ = [
    "SIZE",
    "SQUARE",
    "DISK",
    "TEXTURE_VALUE",
    "radius_range",
    "centre_range",
    "generate",
]

#: Side of the images of Appendix A.1, in pixels.
SIZE = 100
#: Label of a square.
SQUARE = 0
#: Label of a disk.
DISK = 1
#: Value of the textured pixels (x + y even) inside a textured shape.
TEXTURE_VALUE = 0.5

_DISTRIBUTIONS = ("mu", "nu")
_CHUNK = 256  # images built at once; bounds the temporary boolean arrays


def radius_range(size: int = SIZE) -> tuple[int, int]:
    """The smallest and largest half side / radius (inclusive) for images of side ``size``.

    Appendix A.1: uniform over the integers in [12, 25] for ``size = 100``; other sizes
    (an extension for tests) use ``size // 8 .. size // 4``.

    >>> radius_range()
    (12, 25)
    >>> radius_range(48)
    (6, 12)
    """
    size = _check_size(size)
    if size == SIZE:
        return 12, 25
    return size // 8, size // 4


def centre_range(r: int, size: int = SIZE) -> tuple[int, int]:
    """The smallest and largest centre coordinate (inclusive) for half side / radius ``r``.

    The worked example of Appendix A.1: for r = 20 the centre coordinates are uniform over
    the integers 20..78, that is ``r .. size - 2 - r`` (see the module docstring).

    >>> centre_range(20)
    (20, 78)
    """
    size = _check_size(size)
    r = check_int(r, "r")
    lo, hi = radius_range(size)
    if not lo <= r <= hi:
        raise fail("r", r, f"an int in {lo}..{hi} for size={size}")
    return r, size - 2 - r


def generate(
    n: int,
    distribution: str = "mu",
    seed: int | np.random.Generator | None = None,
    *,
    balanced: bool = False,
    size: int = SIZE,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw n images of Example 4.2 from mu (the data) or nu (the attack), Appendix A.1.

    Parameters
    ----------
    n : int
        Number of images, >= 1.
    distribution : {'mu', 'nu'}
        ``'mu'``: textured squares and plain disks (training and test data);
        ``'nu'``: plain squares and textured disks (the adversarial distribution).
    seed : int, numpy.random.Generator or None
        Seed of ``numpy.random.default_rng``, or a generator to draw from.
    balanced : bool
        If true, exactly n/2 squares and n/2 disks in a random order (the training set of
        A.1; n must be even); otherwise each image is a square with probability 1/2.
    size : int
        Side of the images; the paper's is 100 (other sizes are a test extension).

    Returns
    -------
    images : numpy.ndarray
        float32 array of shape (n, size, size), ``images[k, y, x]``, values in
        {0, 0.5, 1} (exact in float32).
    labels : numpy.ndarray
        int64 array of shape (n,): 0 for a square, 1 for a disk.

    Examples
    --------
    >>> images, labels = generate(4, "mu", seed=0, balanced=True)
    >>> images.shape, images.dtype, sorted(labels.tolist())
    ((4, 100, 100), dtype('float32'), [0, 0, 1, 1])
    >>> sorted(set(images.ravel().tolist()))
    [0.0, 0.5, 1.0]
    >>> square = images[labels == 0][0]
    >>> ys, xs = np.nonzero(square)
    >>> bool(square[ys[0], xs[0]] == (0.5 if (ys[0] + xs[0]) % 2 == 0 else 1.0))
    True
    """
    n = check_int(n, "n")
    if n < 1:
        raise fail("n", n, "an int >= 1")
    if not isinstance(distribution, str):
        raise fail_type("distribution", distribution, "'mu' or 'nu'")
    if distribution not in _DISTRIBUTIONS:
        raise fail("distribution", distribution, "'mu' (the data) or 'nu' (the attack)")
    if not isinstance(balanced, (bool, np.bool_)):
        raise fail_type("balanced", balanced, "a bool")
    if balanced and n % 2:
        raise fail("n", n, "an even int when balanced=True (n/2 images of each class)")
    size = _check_size(size)
    rng = _rng(seed)

    if balanced:
        labels = rng.permutation(np.repeat(np.array([SQUARE, DISK], dtype=np.int64), n // 2))
    else:
        labels = rng.integers(0, 2, size=n, dtype=np.int64)
    lo, hi = radius_range(size)
    radii = rng.integers(lo, hi + 1, size=n, dtype=np.int64)
    # centre_range: r .. size-2-r inclusive, so the exclusive upper bound is size-1-r
    xs = rng.integers(radii, size - 1 - radii, dtype=np.int64)
    ys = rng.integers(radii, size - 1 - radii, dtype=np.int64)
    textured_label = SQUARE if distribution == "mu" else DISK

    images = np.empty((n, size, size), dtype=np.float32)
    coord = np.arange(size, dtype=np.int64)
    checker = ((coord[:, None] + coord[None, :]) % 2 == 0)[None]  # x + y even
    for start in range(0, n, _CHUNK):
        sl = slice(start, min(start + _CHUNK, n))
        r = radii[sl, None, None]
        dy = coord[None, :, None] - ys[sl, None, None]
        dx = coord[None, None, :] - xs[sl, None, None]
        square = (np.abs(dx) <= r) & (np.abs(dy) <= r)
        disk = dx * dx + dy * dy <= r * r
        is_square = (labels[sl] == SQUARE)[:, None, None]
        inside = np.where(is_square, square, disk)
        textured = (labels[sl] == textured_label)[:, None, None] & checker
        images[sl] = np.where(inside, np.where(textured, TEXTURE_VALUE, 1.0), 0.0)
    return images, labels


def _check_size(size: Any) -> int:
    size = check_int(size, "size")
    if size < 16:
        raise fail("size", size, "an int >= 16 (the paper's images have size 100)")
    return size


_rng = as_rng
