"""Benchmark: load every bundled vibration set, resample it, and build each model input (waveform, envelope, order); prints windows/s and seconds.
With --job it also runs the vibration job (`imutext run nbs/runs/train.ipynb --preset vib`) into a temporary folder and prints its wall time."""
import argparse, subprocess, sys, tempfile, time
from pathlib import Path
from dataclasses import replace
from imutext.config import VibDataCfg
from imutext.data.datasets import list_datasets, load_dataset
from imutext.data.windows import resample_segments
from imutext.data.vibration import VIB_INPUTS, vib_inputs

cfg, t_all, totals = VibDataCfg(), time.perf_counter(), dict.fromkeys(('load', 'resample') + VIB_INPUTS, 0.)
n_win = dict.fromkeys(VIB_INPUTS, 0)
for name in list_datasets('vibration'):
    t = time.perf_counter(); ds = load_dataset(name); t_load = time.perf_counter() - t
    t = time.perf_counter(); resample_segments(ds.signals, ds.offsets, ds.rates, cfg.vib_rate_hz); t_res = time.perf_counter() - t
    totals['load'] += t_load; totals['resample'] += t_res
    line = f"{name:8s} {ds.signals.shape[0]/1e6:5.1f} M samples  load {t_load:5.2f} s  resample {t_res:5.2f} s"
    for inp in VIB_INPUTS:
        t = time.perf_counter(); w = vib_inputs(ds, replace(cfg, vib_input=inp)); dt = time.perf_counter() - t
        totals[inp] += dt; n_win[inp] += len(w)
        line += f"  {inp} {len(w):5d} w {dt:5.2f} s ({len(w)/dt:,.0f} w/s)"
    print(line)
for inp in VIB_INPUTS:
    print(f"{inp:9s}: {n_win[inp]:6d} windows in {totals[inp]:5.2f} s ({n_win[inp]/totals[inp]:,.0f} windows/s; includes resampling for waveform/envelope)")
print(f"load {totals['load']:.2f} s, resample {totals['resample']:.2f} s; all vibration sets, all inputs: {time.perf_counter() - t_all:.1f} s")

ap = argparse.ArgumentParser(description=__doc__); ap.add_argument('--job', action='store_true', help='also time the vibration job')
if ap.parse_args().job:
    nb = Path(__file__).resolve().parents[1]/'nbs'/'runs'/'train.ipynb'
    with tempfile.TemporaryDirectory() as root:
        t = time.perf_counter()
        r = subprocess.run([str(Path(sys.executable).with_name('imutext')), 'run', str(nb), '--preset', 'vib', '--root', root], capture_output=True, text=True)
        if r.returncode: sys.exit(r.stderr[-2000:])
        print(f"vibration job (imutext run nbs/runs/train.ipynb --preset vib): {time.perf_counter() - t:.0f} s wall time, kernel start included")
