"""Hypothesis profiles and fixtures for the hostile-input suite.

The profiles are applied per test (``@settings(PROFILE)`` via
:data:`tests.hostile.harness.PROFILE`), so they never change the profile the
rest of the suite loads in ``tests/conftest.py``:

* ``hostile-dev`` (default): a quick pass, about 1,380 examples in all;
* ``hostile-ci`` (when ``CI`` is set, or ``HYPOTHESIS_PROFILE=hostile-ci``):
  every property scaled up so the hostile properties total 13,800
  examples, with no deadline (shared CI runners are slow and noisy).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "hostile-dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "hostile-ci", max_examples=1000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
