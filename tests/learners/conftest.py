"""Deselect this folder's ``@pytest.mark.slow`` tests unless ``-m`` selects them (e.g. ``-m slow``)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    expr = config.getoption("-m") or ""
    if "slow" in expr:
        return
    keep, drop = [], []
    for item in items:
        mine = HERE in Path(str(item.fspath)).parents
        (drop if mine and item.get_closest_marker("slow") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
