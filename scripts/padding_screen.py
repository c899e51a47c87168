"""Replay the held-out scores of trained runs with a short segment's window padded by mirroring ('reflect') or by repeating its last value ('edge').

A probe folder of hapt cut into 2.56 s segments (the UCI-HAR convention, 85 % of the 3 s window) scored 0.216 macro-F1 with imutext-base
and edge padding, against 0.403 for 3 s segments of the same data and 0.389 mirrored: the repeated last value makes a window's tail
look still. Bundled held-out sets have short segments too (utd_mhad's 2-5 s trials, hmp's short trials). This replays each run's
zero-shot sets from its checkpoint with both paddings (nothing retrained; the checkpoints were trained with edge padding) and prints
one JSON line per run and set: macro-F1 per window with each padding, and the share of windows that are padded; then the same on the
set re-cut into consecutive 2.56 s segments (`recut`, as UCI-HAR-style converters deliver data; keys `*_256`).

Rule fixed before the run: 'reflect' becomes the padding (training and scoring) unless its three-seed ten-fold mean on the defaults'
runs falls below edge's by more than 0.002; the development sets are not scored. (The re-cut sets were added after that rule
passed, to measure the case the probe found on the held-out sets rather than on one training set; they choose nothing.)

    python scripts/padding_screen.py outputs/<run> ... > results/padding-screen/screen.jsonl
"""
import json, re, sys
from dataclasses import replace
from functools import partial
from pathlib import Path
import numpy as np
import imutext.data.windows as W
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint
from imutext.eval.zeroshot import zero_shot
from results_tables import IMU_ZS as DEV

PADS = ('edge', 'reflect')
CUT = W.cut_windows

RECUT_S = 2.56   # UCI-HAR's window: 128 samples at 50 Hz

def recut(ds, seconds:float=RECUT_S):
    "`ds` with every segment cut into consecutive pieces of `seconds` (a shorter remainder dropped), each keeping its segment's label and subject."
    n = np.diff(ds.offsets); size = np.round(seconds * ds.rates).astype(np.int64); k = n // size
    seg = np.repeat(np.arange(len(n)), k); start = ds.offsets[seg] + (np.arange(len(seg)) - np.repeat(np.cumsum(k) - k, k)) * size[seg]
    rows = np.concatenate([np.arange(a, a + size[i]) for a, i in zip(start, seg)])
    return replace(ds, name=f"{ds.name}-recut", signals=ds.signals[rows], offsets=np.r_[0, np.cumsum(size[seg])], labels=ds.labels[seg],
                   groups=ds.groups[seg], rates=ds.rates[seg])

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    size = int(round(cfg.data.window_s * cfg.data.rate_hz))
    for ds in [s for s in cfg.data.zero_shot_sets if s not in DEV]:
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds)
        short = recut(W.load_dataset(ds))
        for pad in PADS:
            W.cut_windows = partial(CUT, pad=pad)
            r = zero_shot(model, ds, n_boot=0)
            row[pad] = round(r['metrics']['macro_f1'], 4)
            row[f'{pad}_256'] = round(zero_shot(model, short, n_boot=0)['metrics']['macro_f1'], 4)
        W.cut_windows = CUT
        d = W.load_dataset(ds); n = np.diff(d.offsets) * cfg.data.rate_hz / d.rates   # segment lengths at the model's rate
        row['padded_share'] = round(float((n[r['seg']] < size).mean()), 4)            # windows whose segment is shorter than one window
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
