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
