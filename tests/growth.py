"""How a function's CPU time grows with its input: linearity tests that hold on a loaded machine.

A wall-clock limit ("under 5 s") fails when neighbours load the cores and says nothing about the
shape of the cost. This compares the process's own CPU time on a small and a large input instead:
linear code grows by about the size ratio, quadratic code by its square.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Below this much CPU on the large input, the ratio is mostly timer noise and fixed costs.
NOISE_SECONDS = 0.05


def _best_cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def cpu_growth(run: Callable[[object], object], small: object, large: object, *, repeat: int = 3) -> float:
    """CPU time of ``run(large)`` over that of ``run(small)`` (best of ``repeat`` each); 1.0 when the
    large run is too quick to tell (under ``NOISE_SECONDS``)."""
    large_seconds = _best_cpu_seconds(lambda: run(large), repeat)
    if large_seconds < NOISE_SECONDS:
        return 1.0
    small_seconds = _best_cpu_seconds(lambda: run(small), repeat)
    return large_seconds / max(small_seconds, 1e-6)
