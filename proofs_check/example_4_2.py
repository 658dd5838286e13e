"""Example 4.2 and Appendix A: the squares-and-disks data, the max-pool filter, a reduced run.

Three records:

1. **the data of Appendix A.1** (``fl.paper.shapes.generate``): for images drawn from mu and
   nu with a fixed seed, each image is rebuilt here from its own bounding box (centre (x, y),
   half side / radius r): the square is [x-r, x+r] x [y-r, y+r], the disk the pixels with
   (x'-x)^2 + (y'-y)^2 <= r^2, the background 0, the shape 1, and 0.5 at the pixels with x'+y'
   even when textured; r in 12..25, the centre in r..98-r (the appendix's worked example:
   r = 20, centres 20..78); under mu the squares are textured and the disks plain, under nu
   the reverse; the training set is 500 + 500;
2. **the filter**: "a max pooling with kernel size 3 and stride 1 ... to filter out the
   texture".  Counted exactly, for both shapes, every size r = 12..25 and every centre
   position: the pixels where the filtered textured and the filtered plain image still differ.
   A 3x3 window inside the shape always holds a pixel with x+y odd (value 1), so the texture
   disappears there; a window that meets the shape only in pixels with x+y even keeps 0.5.
   The count is done on a local canvas per (shape, r, parity of x+y) and then placed at every
   position with the valid (unpadded, 98 x 98) output of the paper's MaxPool2d; it is
   compared with torch's ``MaxPool2d(3, stride=1)`` on the generated images;
3. **the adversarial accuracy** on a reduced run with a fixed seed (only with ``train=True``,
   or ``d_max >= TRAIN_D`` from the command line; about a minute): the plain student's
   adversarial accuracy against the filtered student's.
"""

from __future__ import annotations

import numpy as np


from .report import ERRATUM, REFUTED, VERIFIED, Report, failed_facts

from finitelearn.paper.shapes import SQUARE

REFERENCE = "Ex. 4.2, App. A.1-A.2"
SIZE = 100
N_IMAGES = 200
TRAIN_D = 6
MAX_D = TRAIN_D
CAP_REASON = ("no d: the images are 100 x 100; --d-max >= 6 adds the reduced training run "
              "(torch, about a minute)")


def _shape(kind: int, r: int, canvas: int, c: int) -> np.ndarray:
    yy, xx = np.mgrid[0:canvas, 0:canvas]
    if kind == SQUARE:
        return (np.abs(xx - c) <= r) & (np.abs(yy - c) <= r)
    return (xx - c) ** 2 + (yy - c) ** 2 <= r * r


def _maxpool_same(a: np.ndarray) -> np.ndarray:
    """3x3 max with zero padding (the canvas has a margin, so no window is cut)."""
    p = np.pad(a, 1)
    return np.max([p[i:i + a.shape[0], j:j + a.shape[1]] for i in range(3) for j in range(3)], axis=0)


def diff_offsets(kind: int, r: int, parity: int) -> np.ndarray:
    """(u, v) offsets from the centre of the window centres where the filtered textured and plain
    shapes differ, for centre parity (x + y) % 2 = parity; plain numpy."""
    canvas = 2 * r + 5
    c = r + 2
    inside = _shape(kind, r, canvas, c)
    yy, xx = np.mgrid[0:canvas, 0:canvas]
    textured = inside & ((xx + yy + parity) % 2 == 0)
    plain = inside.astype(np.float64)
    tex = np.where(textured, 0.5, plain)
    diff = _maxpool_same(plain) != _maxpool_same(tex)
    v, u = np.nonzero(diff)                       # rows are y
    return np.stack([u - c, v - c], axis=1)


def residue_counts(kind: int, r: int, size: int = SIZE) -> np.ndarray:
    """counts[i, j]: differing pixels of the filtered images for the centre (x, y) =
    (r + i, r + j), every position of centre_range, in the valid 98 x 98 output."""
    lo, hi = r, size - 2 - r
    xs = np.arange(lo, hi + 1)
    out = np.zeros((xs.size, xs.size), dtype=np.int64)
    for parity in (0, 1):
        off = diff_offsets(kind, r, parity)
        X, Y = np.meshgrid(xs, xs, indexing="ij")
        mask = (X + Y) % 2 == parity
        for u, v in off:
            ok = (X + u >= 1) & (X + u <= size - 2) & (Y + v >= 1) & (Y + v <= size - 2)
            out += (ok & mask).astype(np.int64)
    return out


def _rebuild(img: np.ndarray, kind: int) -> tuple[np.ndarray, int, int, int, bool]:
    ys, xs = np.nonzero(img)
    x, y = (xs.min() + xs.max()) // 2, (ys.min() + ys.max()) // 2
    r = (xs.max() - xs.min()) // 2
    yy, xx = np.mgrid[0:img.shape[0], 0:img.shape[1]]
    inside = (np.abs(xx - x) <= r) & (np.abs(yy - y) <= r) if kind == SQUARE else \
        (xx - x) ** 2 + (yy - y) ** 2 <= r * r
    textured = bool((img == 0.5).any())
    want = np.where(inside, np.where(textured & ((xx + yy) % 2 == 0), 0.5, 1.0), 0.0)
    return want, int(x), int(y), int(r), textured


def check(d_max: int | None = None, train: bool | None = None) -> list[Report]:
    from finitelearn.paper import shapes as S
    if train is None:
        train = d_max is not None and int(d_max) >= TRAIN_D
    # 1. the data
    data = {"every image rebuilt exactly from its bounding box": True, "r in 12..25": True,
            "centre in r..98-r": True, "mu: squares textured, disks plain": True,
            "nu: squares plain, disks textured": True, "training set 500 + 500": True}
    images = {}
    for dist in ("mu", "nu"):
        imgs, labels = S.generate(N_IMAGES, dist, seed=0)
        images[dist] = (imgs, labels)
        for img, lab in zip(imgs, labels):
            want, x, y, r, textured = _rebuild(img, int(lab))
            data["every image rebuilt exactly from its bounding box"] &= bool((want == img).all())
            data["r in 12..25"] &= 12 <= r <= 25
            data["centre in r..98-r"] &= r <= x <= 98 - r and r <= y <= 98 - r
            tex_should = (lab == S.SQUARE) if dist == "mu" else (lab == S.DISK)
            data[f"{dist}: squares {'textured' if dist == 'mu' else 'plain'}, disks "
                 f"{'plain' if dist == 'mu' else 'textured'}"] &= textured == bool(tex_should)
    _, tl = S.generate(1000, "mu", seed=1, balanced=True)
    data["training set 500 + 500"] = int((tl == S.SQUARE).sum()) == 500 == int((tl == S.DISK).sum())
    ok = all(data.values())
    rec_data = Report(
        title="App. A.1: the squares-and-disks data",
        claim='"The half side length of the squares and the radius of the disks are uniformly sampled from integers '
              'within [12,25] ... for a square with half side length 20, the center is a pixel (x,y) with x and y '
              'uniformly sampled from integers within [20,78] ... changing the value from 1 to 0.5 for the pixels '
              '(x,y) with x+y being even"',
        reference="App. A.1", verdict=VERIFIED if ok else REFUTED,
        checked=f"{N_IMAGES} images from mu and {N_IMAGES} from nu (seed 0), every pixel; a 1000-image training set",
        evidence=("every image equals the one rebuilt from its bounding box by the appendix's rules; r in 12..25, "
                  "centres in r..98-r as in the worked example (the words 'so that the whole shape is within the "
                  "image' would also allow 99-r); texture on the squares under mu, on the disks under nu; 500 + 500 "
                  "training images") if ok else failed_facts(data),
        independent_reference="the shape rebuilt here with numpy from the appendix's words (square [x-r,x+r]^2, "
                              "disk (x'-x)^2+(y'-y)^2 <= r^2, 0.5 at x'+y' even), compared pixel by pixel",
        count=2 * N_IMAGES * SIZE * SIZE, scope="100x100, seed 0", details={"facts": data})

    # 2. the filter, exactly
    stats = {}
    configs = 0
    for kind, name in ((S.SQUARE, "square"), (S.DISK, "disk")):
        mx, nonzero, total = 0, 0, 0
        per_r = {}
        for r in range(12, 26):
            c = residue_counts(kind, r)
            per_r[r] = int(c.max())
            mx = max(mx, int(c.max()))
            nonzero += int((c > 0).sum())
            total += c.size
        stats[name] = {"max_pixels": mx, "configurations_with_residue": nonzero, "configurations": total,
                       "max_by_r": per_r}
        configs += total
    # torch's MaxPool2d on the generated images against the count
    import torch
    agree = True
    pool = torch.nn.MaxPool2d(kernel_size=3, stride=1)
    for dist in ("mu", "nu"):
        imgs, labels = images[dist]
        for img, lab in zip(imgs[:60], labels[:60]):
            _, x, y, r, _ = _rebuild(img, int(lab))
            plain = (img > 0).astype(np.float32)
            yy, xx = np.mgrid[0:SIZE, 0:SIZE]
            tex = np.where((img > 0) & ((xx + yy) % 2 == 0), np.float32(0.5), plain).astype(np.float32)
            a = pool(torch.from_numpy(plain)[None, None])[0, 0].numpy()
            b = pool(torch.from_numpy(tex)[None, None])[0, 0].numpy()
            agree &= int((a != b).sum()) == int(residue_counts(int(lab), r)[x - r, y - r])
    sq, dk = stats["square"], stats["disk"]
    residue = sq["max_pixels"] > 0 or dk["max_pixels"] > 0
    ev = (f"the texture survives the filter at boundary pixels only: a textured square keeps up to "
          f"{sq['max_pixels']} pixels at 0.5 after the 3x3 max pool (its corners when x+y is even: "
          f"{sq['configurations_with_residue']:,} of {sq['configurations']:,} (r, position) configurations), a "
          f"textured disk up to {dk['max_pixels']} ({dk['configurations_with_residue']:,} of "
          f"{dk['configurations']:,}); everywhere else the filtered textured and plain shapes are equal. torch's "
          f"MaxPool2d on 120 generated images gives the same counts: {agree}")
    rec_filter = Report(
        title="Ex. 4.2: does the 3x3 stride-1 max pool remove the texture?",
        claim='"the student can conduct a low-pass filtering to the images before feeding them into the neural '
              'network, to filter out the texture. For this problem, specifically, we use a max pooling with kernel '
              'size 3 and stride 1 to act as the filtering."',
        reference="Ex. 4.2", verdict=(ERRATUM if residue else VERIFIED) if agree else REFUTED,
        checked=f"both shapes, every r = 12..25, every centre position: {configs:,} configurations, every output pixel",
        evidence=ev,
        independent_reference="a plain numpy 3x3 max over a zero-padded local canvas per (shape, r, parity), placed "
                              "at every position of the valid 98x98 output; cross-checked with torch.nn.MaxPool2d",
        count=configs, scope="100x100", details={"stats": stats, "torch_agrees": agree})
    out = [rec_data, rec_filter]
    if train:
        out.append(_training())
    return out


TRAIN = dict(epochs=4, n_train=400, batch_size=50, eval_every=1000, n_eval=400, size=48, seed=0, num_threads=2)


def _training() -> Report:
    from finitelearn.paper import example_4_2 as E

    plain = E.train_student(False, **TRAIN)[-1]
    filt = E.train_student(True, **TRAIN)[-1]
    facts = {"plain: test accuracy >= 0.9": plain.test_accuracy >= 0.9,
             "plain: adversarial accuracy <= 0.5": plain.adversarial_accuracy <= 0.5,
             "filtered: adversarial within 0.1 of test": abs(filt.adversarial_accuracy - filt.test_accuracy) <= 0.1,
             "filtered: adversarial above plain": filt.adversarial_accuracy > plain.adversarial_accuracy}
    holds = all(facts.values())
    return Report(
        title="Ex. 4.2: adversarial accuracy, reduced run (fixed seed)",
        claim='"It shows clearly that the student learns to make classification using textures, hence as the test '
              'accuracy goes to 1 the adversarial accuracy goes to 0. ... In this case the adversarial accuracy is '
              'nearly as good as the test accuracy."',
        reference="Ex. 4.2, Fig. 4.3", verdict=VERIFIED if holds else REFUTED,
        checked=f"one reduced run of both students: {TRAIN}",
        evidence=(f"plain: test {plain.test_accuracy:.3f}, adversarial {plain.adversarial_accuracy:.3f}; filtered: "
                  f"test {filt.test_accuracy:.3f}, adversarial {filt.adversarial_accuracy:.3f}"
                  + ("" if holds else "; " + failed_facts(facts))),
        independent_reference="the accuracies are counts of correct labels on fresh images from mu and nu (A.1); "
                              "no exact reference exists for a trained network: a reduced run, float arithmetic",
        count=2 * TRAIN["n_eval"], scope="48x48, reduced", details={"facts": facts})
