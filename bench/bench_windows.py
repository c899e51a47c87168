"Benchmark: load + window every bundled IMU dataset at the default DataCfg; prints windows and seconds."
import time
from imutext.config import DataCfg
from imutext.data.datasets import list_datasets, load_dataset
from imutext.data.windows import imu_windows

cfg, total, t_all = DataCfg(), 0, time.perf_counter()
for name in list_datasets('imu'):
    t = time.perf_counter(); ds = load_dataset(name); t_load = time.perf_counter() - t
    t = time.perf_counter(); w = imu_windows(ds, cfg); t_win = time.perf_counter() - t
    total += len(w)
    print(f"{name:14s} {len(w):7d} windows  load {t_load:5.2f} s  window {t_win:5.2f} s")
dt = time.perf_counter() - t_all
print(f"all IMU datasets: {total} windows of {cfg.window_s} s at {cfg.rate_hz} Hz in {dt:.1f} s ({total/dt:,.0f} windows/s incl. loading)")

# accelerometer counts of a folder whose subjects are unknown: each segment is calibrated as its own recording
import numpy as np
from imutext.data.windows import calibrate_counts
rng = np.random.default_rng(0)
for n in (2_000, 20_000):
    x = rng.integers(1800, 2300, size=(n * 50, 3)).astype(np.float32)
    t = time.perf_counter(); calibrate_counts(x, np.arange(n + 1) * 50, -np.ones(n, np.int64), np.array([[0, 1, 2]]))
    print(f"calibrate_counts: {n:6d} segments of unknown subjects ({n * 50:,} rows) in {time.perf_counter() - t:.2f} s")
