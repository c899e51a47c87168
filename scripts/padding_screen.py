"""Replay the held-out scores of trained runs with a short segment's window padded by mirroring ('reflect') or by repeating its last value ('edge').

A probe folder of hapt cut into 2.56 s segments (the UCI-HAR convention, 85 % of the 3 s window) scored 0.216 macro-F1 with imutext-base
and edge padding, against 0.403 for 3 s segments of the same data and 0.389 mirrored: the repeated last value makes a window's tail
look still. Bundled held-out sets have short segments too (utd_mhad's 2-5 s trials, hmp's short trials). This replays each run's
zero-shot sets from its checkpoint with both paddings (nothing retrained; the checkpoints were trained with edge padding) and prints
one JSON line per run and set: macro-F1 per window with each padding, and the share of windows that are padded.

Rule fixed before the run: 'reflect' becomes the padding (training and scoring) unless its three-seed ten-fold mean on the defaults'
runs falls below edge's by more than 0.002; the development sets are not scored.

    python scripts/padding_screen.py outputs/<run> ... > results/padding-screen/screen.jsonl
"""
import json, re, sys
from functools import partial
from pathlib import Path
import numpy as np
import imutext.data.windows as W
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint
from imutext.eval.zeroshot import zero_shot
from results_tables import IMU_ZS as DEV

PADS = ('edge', 'reflect')
CUT = W.cut_windows

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    size = int(round(cfg.data.window_s * cfg.data.rate_hz))
    for ds in [s for s in cfg.data.zero_shot_sets if s not in DEV]:
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds)
        for pad in PADS:
            W.cut_windows = partial(CUT, pad=pad)
            r = zero_shot(model, ds, n_boot=0)
            row[pad] = round(r['metrics']['macro_f1'], 4)
        W.cut_windows = CUT
        d = W.load_dataset(ds); n = np.diff(d.offsets) * cfg.data.rate_hz / d.rates   # segment lengths at the model's rate
        row['padded_share'] = round(float((n[r['seg']] < size).mean()), 4)            # windows whose segment is shorter than one window
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
