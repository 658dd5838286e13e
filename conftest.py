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
