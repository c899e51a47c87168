"""Screen test-time rotation averaging on leave-one-dataset-out checkpoints of the defaults' training.

Training rotates every device's windows at random (`DataCfg.rotate`), so a model's text-space feature of a window
depends on the orientation the window was recorded in. Averaging the features of a window's recorded orientation and
`v - 1` seeded random rotations of each device (`data.windows.rotate_windows`), renormalised, is the usual test-time
remedy; it stays inductive (each window on its own) and costs `v` forward passes. Each run is scored as the defaults
score it (with the hubness correction) at v = 1 (no averaging), 2 and 4. One JSON
line per run and scored set, macro-F1:

    python scripts/tta_screen.py [--dev] outputs/<run> ... > results/tta-screen/screen.jsonl

Only each run's first zero-shot set (the held-out training set of a `lodo` fold) is scored, and with `--dev` also
its other zero-shot sets (the development sets).
"""
import json, re, sys
from dataclasses import replace
from pathlib import Path
import numpy as np, torch
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, text_encoder, load_checkpoint, model_from_checkpoint, load_for, modality
from imutext.eval.zeroshot import embed_windows, model_hub_offset
from imutext.data.windows import rotate_windows
from imutext.eval.metrics import macro_f1

VIEWS = (1, 2, 4)   # orientations averaged per window: the recorded one and v - 1 random rotations

def screen(run, dev=False):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    enc = text_encoder(cfg)
    for name in cfg.data.zero_shot_sets[:None if dev else 1]:
        ds = load_for(name, cfg); w = modality(cfg).windows(ds, cfg)
        cls = class_embeddings(dataset_texts(ds, cfg), enc, model)   # (K, 384)
        off, rng = model_hub_offset(model, cls), np.random.default_rng([cfg.train.seed, 3])
        total, row = embed_windows(model, w).astype(np.float64), {}
        for v in range(1, max(VIEWS) + 1):
            if v > 1: total += embed_windows(model, replace(w, x=rotate_windows(w.x.copy(), w.triplets, w.device, rng)))
            if v in VIEWS:
                f = total / np.linalg.norm(total, axis=1, keepdims=True)
                row[f'views_{v}'] = round(macro_f1(f @ cls.T - off, w.y), 4)
        yield dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=name, **row)

if __name__ == '__main__':
    dev = '--dev' in sys.argv
    torch.set_num_threads(1)
    for run in (a for a in sys.argv[1:] if a != '--dev'):
        for row in screen(run, dev): print(json.dumps(row), flush=True)
