"""Shared test configuration: hypothesis profiles.

``deadline=None`` everywhere (a first numba call outlives the 200 ms default); in CI
(``CI`` set) the ``ci`` profile is derandomised so a run is reproducible.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, max_examples=60)
settings.register_profile(
    "ci", deadline=None, max_examples=60, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# CI installs the nn extra (torch) so that Example 4.2's tests run there; a CI run without
# torch must fail loudly instead of skipping those tests into green.
if os.environ.get("CI"):
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        raise RuntimeError("CI is set but torch is not installed: .ci/run must install the nn extra")

# The deprecated shim modules warn on import; their names are tested in tests/test_deprecated.py,
# not collected for doctests (they have none).
collect_ignore = ["finitelearn/cube.py", "finitelearn/domain.py", "finitelearn/grid.py"]
