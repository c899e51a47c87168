"""Screen seed ensembles on trained runs: each window scored by the mean of several models' hubness-corrected scores.

Single folds swing between seeds by up to 0.17 macro-F1 in the defaults' mix (basicmotions) and 0.25 in the eleven-set
mix (epilepsy), more than most switches gain. Averaging the scores of models trained with different seeds is the
usual cure for that variance. Nothing is retrained: each run's checkpoint re-scores its held-out sets (the development sets
are not scored); the runs of one mix (`lodo-<mix>-<set>-s<k>`) and held-out set are grouped by seed, and every subset of the
seeds scores each window by the mean of its members' scores (cosine scales, each corrected with its own hubness bank). One
JSON line per mix, held-out set and subset, with the macro-F1 per window and per recording:

    python scripts/ensemble_screen.py outputs/<run> ... > results/ensemble-screen/screen.jsonl

Rule fixed before any score was computed: a mix's ensemble is a lead only if each pair of seeds beats the mean of its two
members on both the ten-fold mean and the nine folds without basicmotions, and the three seeds together beat their members'
mean on each by more than the mix's seed spread. A lead is not a default: it would be built as a switch and measured by
training in a later stop.
"""
import itertools, json, re, sys
from collections import defaultdict
from pathlib import Path
import numpy as np
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint
from imutext.eval.zeroshot import zero_shot, recording_scores
from imutext.eval.metrics import macro_f1
from results_tables import IMU_ZS as DEV   # development sets (written once there): never scored here

def scored(run):
    "`run`'s mix, seed and, for its held-out set, (hubness-corrected (N, K) scores, labels, segment ids); the run folder's name must say which set it held out."
    name = re.match(r'(?:\d{8}-\d{6}-)?lodo-(.+)-([^-]+)-s(\d+)$', Path(run).name)
    if not name: raise ValueError(f"{run}: not a leave-one-dataset-out run folder (lodo-<mix>-<set>-s<k>)")
    mix, held, seed = name[1], name[2], int(name[3])
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    sets = [s for s in cfg.data.zero_shot_sets if s not in DEV]
    if sets != [held] or cfg.train.seed != seed: raise ValueError(f"{run}: the name says {held!r}, seed {seed}; the run scored {sets}, seed {cfg.train.seed}")
    r = zero_shot(model, held, n_boot=0)
    return mix, held, seed, (r['scores'], r['y'], r['seg'])

def ensembles(members:dict):   # seed -> (scores, labels, segment ids) of one held-out set, every member on the same windows
    "(seeds, macro-F1 per window, per recording) of every non-empty subset of the seeds, scored by the mean of its members' scores."
    seeds = sorted(members); y, seg = members[seeds[0]][1:]
    if any(not (np.array_equal(m[1], y) and np.array_equal(m[2], seg)) for m in members.values()): raise ValueError("the members scored different windows")
    for n in range(1, len(seeds) + 1):
        for sub in itertools.combinations(seeds, n):
            s = np.mean([members[k][0] for k in sub], axis=0)
            yield list(sub), macro_f1(s, y), macro_f1(*recording_scores(s, seg, y)[:2])

if __name__ == '__main__':
    groups = defaultdict(dict)   # (mix, set) -> seed -> scores
    for run in sys.argv[1:]:
        mix, ds, seed, s = scored(run)
        if seed in groups[mix, ds]: raise ValueError(f"{run}: a second run of {mix!r} holding out {ds!r} with seed {seed}")
        groups[mix, ds][seed] = s
    for (mix, ds), members in groups.items():
        for sub, f1, rec in ensembles(members):
            print(json.dumps(dict(mix=mix, set=ds, seeds=sub, macro_f1=round(f1, 4), rec_macro_f1=round(rec, 4))), flush=True)
