"""Screen the strength of the inductive hubness correction (`ClipCfg.hub_alpha`, `ClipCfg.hub_k`) on trained runs.

The correction was chosen at alpha 1 with 50 neighbours, the largest alpha that screen tried (RESULTS.md, "How the correction
was chosen"); every held-out set but basicmotions still has one class text that takes 21-73 % of its windows beyond its own share
(`eval.debug.check_hub_class`). This replays each run's zero-shot scores from its checkpoint (the hubness bank is the
checkpoint's own; nothing is retrained) and prints, per run and scored set, the macro-F1 per window and per recording of
every (alpha, k) in GRID, as one JSON line. A run scores its zero-shot sets that are not development sets; a run with
none (the main job) scores the development sets, which are reported and never used to choose.

    python scripts/hub_strength_screen.py outputs/<run> ... > results/hub-strength-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
from imutext.config import ClipCfg
from imutext.models.factory import CKPT_NAME, load_checkpoint, model_from_checkpoint
from imutext.eval.zeroshot import zero_shot, hub_offset, recording_scores
from imutext.eval.metrics import macro_f1
from results_tables import IMU_ZS as DEV   # development sets (written once there): printed, never used to choose

ALPHAS, KS = (0.0, 1.0, 1.5, 2.0, 3.0), (10, 50, 200)   # alpha 0 = uncorrected (k plays no part); (1.0, 50) = the defaults
GRID = [(0.0, 50)] + [(a, k) for a in ALPHAS[1:] for k in KS]

def cell(a, k): return f"a{a:g}_k{k}"   # the JSON key of one setting

def replay(run, cells:dict, default:str):   # cells: JSON key -> (model, zero_shot result) -> corrected (N, K) scores; `default` names the defaults' cell
    "Per scored set of `run`: the macro-F1 per window and per recording ('rec_' keys) of every cell's scores."
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    sets = [s for s in cfg.data.zero_shot_sets if s not in DEV] or list(cfg.data.zero_shot_sets)
    for ds in sets:
        r = zero_shot(model, ds, n_boot=0)
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds)
        for name, f in cells.items():
            s = f(model, r)
            row[name] = round(macro_f1(s, r['y']), 4)
            row['rec_' + name] = round(macro_f1(*recording_scores(s, r['seg'], r['y'])[:2]), 4)
        assert abs(row[default] - r['metrics']['macro_f1']) < 1e-4, f"{run} {ds}: the replayed default differs from zero_shot's score"
        yield row

def strength(a, k):   # the scores corrected with alpha a and k neighbours on the checkpoint's bank
    return lambda model, r: r['raw_scores'] - hub_offset(model.hub_bank, r['class_emb'], k, a)

def screen(run):
    c = ClipCfg()
    return replay(run, {cell(a, k): strength(a, k) for a, k in GRID}, cell(c.hub_alpha, c.hub_k))

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
