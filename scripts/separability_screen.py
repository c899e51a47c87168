"""What limits a held-out set's zero-shot score: features that do not separate its activities, or class texts that sit in the wrong place?

For each run (one leave-one-dataset-out fold) and its held-out set (the development sets are skipped), the windows'
text-space features from the run's checkpoint (`eval.zeroshot.zero_shot`: the held-out set never met in training) are
scored three ways, all by macro-F1 over the set's own classes:

- `zero_shot`: the class texts, as the run scored it (hubness-corrected);
- `centroid`: each class's mean feature from the other subjects (recordings where subjects are unknown) in place of its
  text, 5-fold group cross-validation: how far the same features go when a class's place is known;
- `probe`: a logistic regression on the z-scored features, the same folds: how separable the features are at all.

`centroid_own_text` is the share of classes whose mean feature (all windows) scores its own text highest among the set's
class texts (chance 1 / classes): where the class texts land against where the windows go. Nothing is retrained and nothing
is chosen here; labels are used only to measure.

    python scripts/separability_screen.py outputs/<run> ... > results/separability-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler
from imutext.eval.metrics import macro_f1
from imutext.eval.zeroshot import zero_shot, model_hub_offset
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint
from results_tables import IMU_ZS as DEV   # development sets: never scored here

FOLDS, MAX_WINDOWS, SEED = 5, 6000, 0   # group folds; windows kept per set for the two cross-validated scores (seeded draw)

def centroids(f, y, k):   # (N, D) unit features, (N,) classes, class count -> (k, D) unit class means (zero for an absent class)
    c = np.zeros((k, f.shape[1]), np.float32)
    for j in np.unique(y): c[j] = f[y == j].mean(0)
    return c / np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)

def cross_validated(f, y, groups, k):   # -> (centroid predictions, probe predictions), every window predicted once
    pc, pp = np.zeros(len(y), np.int64), np.zeros(len(y), np.int64)
    for tr, te in GroupKFold(min(FOLDS, len(np.unique(groups)))).split(f, y, groups):
        C = centroids(f[tr], y[tr], k); C[np.linalg.norm(C, axis=1) == 0] = np.nan   # a class absent from the training folds is never predicted
        pc[te] = np.nanargmax(f[te] @ C.T, 1)
        sc = StandardScaler().fit(f[tr])
        pp[te] = LogisticRegression(max_iter=1000).fit(sc.transform(f[tr]), y[tr]).predict(sc.transform(f[te]))
    return pc, pp

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME))
    for ds in [s for s in model.cfg.data.zero_shot_sets if s not in DEV]:
        r = zero_shot(model, ds, n_boot=0)
        f, y, g, k = np.asarray(r['features'], np.float32), np.asarray(r['y']), np.asarray(r['subject']), len(r['class_emb'])
        own = centroids(f, y, k) @ np.asarray(r['class_emb'], np.float32).T - model_hub_offset(model, r['class_emb'])
        present = np.unique(y)
        keep = np.sort(np.random.default_rng(SEED).choice(len(y), min(len(y), MAX_WINDOWS), replace=False))
        pc, pp = cross_validated(f[keep], y[keep], g[keep], k)
        yield dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=model.cfg.train.seed, set=ds, classes=int(len(present)),
                   windows=int(len(y)), groups=int(len(np.unique(g))), zero_shot=round(r['metrics']['macro_f1'], 4),
                   centroid=round(macro_f1(np.eye(k)[pc], y[keep]), 4), probe=round(macro_f1(np.eye(k)[pp], y[keep]), 4),
                   centroid_own_text=round(float((own[present].argmax(1) == present).mean()), 4), chance_own_text=round(1 / k, 4))

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
