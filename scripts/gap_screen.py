"""Move each held-out class text by the modality gap measured on the training sets, and score again: a scoring replay.

The separability screen showed that a held-out set's features separate its classes while its class texts land away from
its windows. This replays each run's zero-shot scores with every held-out class embedding t replaced by a prototype p
built from where the *training* classes' windows sit against *their* texts, so no window of the scored set is used (the
score stays inductive). For every training set of the run, its windows are embedded by the run's checkpoint; training
class j gets its unit window centroid C_j, its class embedding T_j (the run's text sources) and its gap G_j = C_j - T_j.

- `defaults`: p = t, the run's own score (asserted);
- `global`: p = t + the mean gap, renormalised;
- `local`: p = t + the gaps of the training classes whose texts lie nearest t (softmax of t . T_j at temperature TAU);
- `ridge`: p = t A, A the ridge regression from T to C shrunk towards the identity (lambda RIDGE).

Each cell is scored with the hubness correction zero_shot applies (`model_hub_offset` of p), with the run's text sources
and, as a folder without a sub-action cache is, with the name and description alone (`*_names`). One JSON line per run and
held-out set; the development sets are not scored. The rule and values were fixed before any replay ran.

    python scripts/gap_screen.py outputs/<run> ... > results/gap-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
import numpy as np
from imutext.eval.metrics import macro_f1
from imutext.eval.zeroshot import zero_shot, model_hub_offset, scoring_texts
from imutext.data.datasets import load_labels
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, load_checkpoint, model_from_checkpoint, text_encoder
from results_tables import IMU_ZS as DEV   # development sets: never scored here

TAU, RIDGE = 0.05, 1.0       # local: softmax temperature over text cosines; ridge: shrinkage towards the identity
NAMES = ('name', 'description')   # all a folder without a sub-action cache has

def unit(a): return a / np.maximum(np.linalg.norm(a, axis=-1, keepdims=True), 1e-12)

def training_gaps(model)->tuple:   # -> ((J, D) class embeddings T, (J, D) unit window centroids C) over every training class of the run
    T, C = [], []
    for s in model.cfg.data.train_sets:
        r = zero_shot(model, s, n_boot=0, seen_ok=True)
        f, y = np.asarray(r['features'], np.float64), np.asarray(r['y'])
        for j in np.unique(y):
            T.append(np.asarray(r['class_emb'][j], np.float64)); C.append(unit(f[y == j].mean(0)))
    return np.stack(T), np.stack(C)

def prototypes(t, T, C)->dict:   # (K, D) held-out class embeddings -> cell -> (K, D) unit prototypes
    G, D = C - T, T.shape[1]
    w = np.exp((t @ T.T - (t @ T.T).max(1, keepdims=True)) / TAU); w /= w.sum(1, keepdims=True)
    A = np.linalg.solve(T.T @ T + RIDGE * np.eye(D), T.T @ C + RIDGE * np.eye(D))
    return dict(defaults=t, **{'global': unit(t + G.mean(0)), 'local': unit(t + w @ G), 'ridge': unit(t @ A)})

def score(model, r, p)->float:
    p = p.astype(np.float32)
    return round(macro_f1(r['features'] @ p.T - model_hub_offset(model, p), r['y']), 4)

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    T, C = training_gaps(model)
    enc = text_encoder(cfg)
    for ds in [s for s in cfg.data.zero_shot_sets if s not in DEV]:
        r = zero_shot(model, ds, n_boot=0)
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds, training_classes=len(T),
                   mean_gap=round(float(np.linalg.norm((C - T).mean(0))), 4))
        row.update({k: score(model, r, p) for k, p in prototypes(np.asarray(r['class_emb'], np.float64), T, C).items()})
        assert abs(row['defaults'] - r['metrics']['macro_f1']) < 1e-4, f"{run} {ds}: the replayed defaults differ from zero_shot's score"
        names = class_embeddings(dataset_texts(load_labels(ds), scoring_texts(cfg, ds, NAMES)), enc, model)
        row.update({f'{k}_names': score(model, r, p) for k, p in prototypes(np.asarray(names, np.float64), T, C).items()})
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
