"""Tests of finitelearn.paper.shapes against Appendix A.1, property by property.

Each image is decoded independently of the generator: the bounding box of its non-zero
pixels gives the centre and the half side / radius, and the expected image is rebuilt
pixel by pixel with plain Python loops.
"""

from __future__ import annotations

import numpy as np
import pytest

from finitelearn.errors import InvalidArgument, InvalidType
from finitelearn.paper import shapes
from finitelearn.paper.shapes import centre_range, generate, radius_range


def _decode(image):
    """(centre x, centre y, r) from the bounding box of the non-zero pixels."""
    ys, xs = np.nonzero(image)
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    assert x1 - x0 == y1 - y0, "bounding box is not a square"
    assert (x1 - x0) % 2 == 0, "bounding box has no centre pixel"
    r = (x1 - x0) // 2
    return int(x0 + r), int(y0 + r), int(r)


def _rebuild(kind, cx, cy, r, textured, size=100):
    """The image of Appendix A.1 with plain loops (the independent oracle)."""
    img = [[0.0] * size for _ in range(size)]
    for y in range(size):
        for x in range(size):
            if kind == 0:
                inside = abs(x - cx) <= r and abs(y - cy) <= r
            else:
                inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
            if inside:
                img[y][x] = 0.5 if (textured and (x + y) % 2 == 0) else 1.0
    return np.array(img)


@pytest.fixture(scope="module")
def mu_images():
    return generate(300, "mu", seed=12345)


@pytest.fixture(scope="module")
def nu_images():
    return generate(300, "nu", seed=54321)


def test_shapes_and_types(mu_images):
    images, labels = mu_images
    assert images.shape == (300, 100, 100)
    assert images.dtype == np.float32
    assert labels.shape == (300,)
    assert set(labels.tolist()) == {0, 1}


@pytest.mark.parametrize("dist", ["mu", "nu"])
def test_values_and_ranges(dist, mu_images, nu_images):
    images, _ = mu_images if dist == "mu" else nu_images
    assert images.min() >= 0 and images.max() <= 1
    assert set(np.unique(images).tolist()) <= {0.0, 0.5, 1.0}


@pytest.mark.parametrize("dist", ["mu", "nu"])
def test_every_image_pixel_by_pixel(dist, mu_images, nu_images):
    """Sizes, centres inside their range, the shape, and the texture, exactly."""
    images, labels = mu_images if dist == "mu" else nu_images
    textured_kind = 0 if dist == "mu" else 1
    for image, label in zip(images[:60], labels[:60]):
        cx, cy, r = _decode(image)
        assert 12 <= r <= 25
        assert r <= cx <= 98 - r and r <= cy <= 98 - r  # inside the image, A.1's range
        expected = _rebuild(int(label), cx, cy, r, textured=(label == textured_kind))
        np.testing.assert_array_equal(image, expected)


@pytest.mark.parametrize("dist", ["mu", "nu"])
def test_label_matches_shape_and_texture(dist, mu_images, nu_images):
    images, labels = mu_images if dist == "mu" else nu_images
    for image, label in zip(images, labels):
        cx, cy, r = _decode(image)
        corner_filled = image[cy - r, cx - r] > 0  # squares fill their corners, disks don't
        assert corner_filled == (label == 0)
        has_texture = bool((image == 0.5).any())
        textured_kind = 0 if dist == "mu" else 1
        assert has_texture == (label == textured_kind)
        # inside a textured shape, 0.5 exactly at the pixels with x + y even
        if has_texture:
            ys, xs = np.nonzero(image)
            parity_even = (xs + ys) % 2 == 0
            assert np.all(image[ys[parity_even], xs[parity_even]] == 0.5)
            assert np.all(image[ys[~parity_even], xs[~parity_even]] == 1.0)


def test_radii_and_centres_cover_their_ranges():
    images, labels = generate(2000, "mu", seed=7)
    decoded = [_decode(im) for im in images]
    radii = {r for _, _, r in decoded}
    assert radii == set(range(12, 26))
    # for r = 12 the centre range is 12..86: both ends are reached, nothing beyond
    xs12 = [cx for cx, _, r in decoded if r == 12]
    assert min(xs12) >= 12 and max(xs12) <= 86
    all_x = [cx - r for cx, _, r in decoded] + [cy - r for _, cy, r in decoded]
    assert min(all_x) == 0  # touches the first row/column
    assert max(cx + r for cx, _, r in decoded) == 98  # A.1's worked example: x + r <= 98


def test_square_probability_is_one_half():
    _, labels = generate(4000, "nu", seed=3)
    squares = int((labels == 0).sum())
    # binomial(4000, 1/2): sd = 31.6; 5 sd
    assert abs(squares - 2000) < 160


def test_balanced_training_set():
    images, labels = generate(1000, "mu", seed=11, balanced=True)
    assert int((labels == 0).sum()) == 500 and int((labels == 1).sum()) == 500
    assert not np.all(labels[:500] == 0)  # shuffled, not sorted


def test_same_seed_same_images_and_distributions_differ_only_in_texture():
    a_img, a_lab = generate(20, "mu", seed=5)
    b_img, b_lab = generate(20, "mu", seed=5)
    np.testing.assert_array_equal(a_img, b_img)
    np.testing.assert_array_equal(a_lab, b_lab)
    n_img, n_lab = generate(20, "nu", seed=5)
    np.testing.assert_array_equal(a_lab, n_lab)  # same draws, only the texture moves
    np.testing.assert_array_equal(a_img > 0, n_img > 0)
    assert not np.array_equal(a_img, n_img)
    c_img, _ = generate(20, "mu", seed=6)
    assert not np.array_equal(a_img, c_img)


def test_generator_argument_is_used():
    rng = np.random.default_rng(9)
    a, _ = generate(3, "mu", rng)
    b, _ = generate(3, "mu", rng)
    assert not np.array_equal(a, b)


def test_small_size_extension():
    images, labels = generate(50, "nu", seed=1, size=48)
    assert images.shape == (50, 48, 48)
    for image, label in zip(images, labels):
        cx, cy, r = _decode(image)
        assert 6 <= r <= 12 and r <= cx <= 46 - r and r <= cy <= 46 - r
        np.testing.assert_array_equal(
            image, _rebuild(int(label), cx, cy, r, textured=(label == 1), size=48))


def test_ranges():
    assert radius_range() == (12, 25)
    assert centre_range(20) == (20, 78)
    assert centre_range(12) == (12, 86)
    assert shapes.SIZE == 100


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        (dict(n=0), InvalidArgument, "n=0"),
        (dict(n=-3), InvalidArgument, "n=-3"),
        (dict(n=2.0), InvalidType, "n=2.0"),
        (dict(n=True), InvalidType, "n=True"),
        (dict(n=3, distribution="mux"), InvalidArgument, "distribution='mux'"),
        (dict(n=3, distribution=None), InvalidType, "distribution=None"),
        (dict(n=3, seed=1.5), InvalidType, "seed=1.5"),
        (dict(n=3, seed="0"), InvalidType, "seed='0'"),
        (dict(n=3, seed=-1), InvalidArgument, "seed=-1"),
        (dict(n=3, balanced=True), InvalidArgument, "even"),
        (dict(n=4, balanced=1), InvalidType, "balanced=1"),
        (dict(n=4, size=8), InvalidArgument, "size=8"),
    ],
)
def test_bad_arguments(kwargs, exc, words):
    with pytest.raises(exc, match=words.replace("(", r"\(").replace(".", r"\.")):
        generate(**kwargs)


def test_bad_radius_for_centre_range():
    with pytest.raises(InvalidArgument, match="r=30"):
        centre_range(30)
