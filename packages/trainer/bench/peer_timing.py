"""Timing shared by the Python peers of `pnpm bench` (numpy_epoch.py, torch_epoch.py)."""
import time


def time_epochs(epoch, epochs, warmup):
    """Runs `epoch` warmup times untimed, then `epochs` times; returns the medians (ms) of the
    wall-clock time and of the process CPU time per epoch."""
    for _ in range(warmup):
        epoch()
    times, cpu = [], []
    for _ in range(epochs):
        t, c = time.perf_counter(), time.process_time()
        epoch()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return median(times), median(cpu)


def median(values):
    s = sorted(values)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
