"""Re-score the text-free vibration reference of committed vibration runs with the code of today (nothing retrained: the reference does not use the model).

`eval.baselines.order_reference` chooses among the held-out set's fault types that have training windows since 8c12bd6,
the candidates zero-shot has too; before, it chose only among the fault types with scored windows, which left 'healthy'
out for cwru and cwru_fe (their shared healthy recording is not scored while the other is in training). The reference is a
function of the run's recorded config (training sets, vibration preprocessing) and seed alone, so each run's reference
is recomputed from its hyperparameters.json and written, beside the value its metrics.json holds, as one JSON line per
run and scored set:

    python scripts/vib_reference_replay.py results/vib-job-src-s* results/vib-lodo-src-*-s* > results/vib-reference/replay.jsonl

With `--lines` it scores the reference that reads each rig's fault lines instead (`order_reference(lines=True)`, the rig's
geometry as the physics texts state it; a held-out rig without geometry gets a row with `macro_f1` null and the reason):

    python scripts/vib_reference_replay.py --lines results/vib-bsf-s* results/vib-lodo-bsf-s*/* > results/vib-reference/lines.jsonl
"""
import json, sys, warnings
from pathlib import Path
from imutext.config import cfg_from_dict
from imutext.core import git_info
from imutext.eval.baselines import order_reference

def run_id(run:Path)->str:   # a run folder -> its path under results/ (a sweep's fold: vib-lodo-bsf-s0/cwru), else its name
    p, res = run.resolve(), Path('results').resolve()
    return str(p.relative_to(res)) if p.is_relative_to(res) else run.name

def replay(run:Path, lines:bool=False):
    hp, mt = (json.loads((run/f).read_text()) for f in ('hyperparameters.json', 'metrics.json'))
    cfg = cfg_from_dict(hp['config'], source=run/'hyperparameters.json')
    git = git_info()
    for ds, m in mt['zero_shot'].items():
        if 'reference' not in m: continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore'); r = order_reference(list(cfg.data.train_sets), ds, cfg.vib, seed=cfg.train.seed, lines=lines)
        except ValueError as e:
            if not lines: raise
            yield dict(run=run_id(run), set=ds, seed=cfg.train.seed, macro_f1=None, reason=str(e), commit=git.get('commit'), dirty=git.get('dirty')); continue
        if lines: yield dict(run=run_id(run), set=ds, seed=cfg.train.seed, classes=r['classes'], macro_f1=round(r['macro_f1'], 4), accuracy=round(r['accuracy'], 4),
                             chance_macro_f1=round(r['chance_macro_f1'], 4), n=r['n'], left_out=r['left_out'], commit=git.get('commit'), dirty=git.get('dirty')); continue
        yield dict(run=run_id(run), set=ds, seed=cfg.train.seed, classes=r['classes'], macro_f1=round(r['macro_f1'], 4), accuracy=round(r['accuracy'], 4),
                   chance_macro_f1=round(r['chance_macro_f1'], 4), n=r['n'], before=dict(classes=m['reference']['classes'], macro_f1=round(m['reference']['macro_f1'], 4)),
                   commit=git.get('commit'), dirty=git.get('dirty'))

if __name__ == '__main__':
    lines = '--lines' in sys.argv[1:]
    for run in map(Path, [a for a in sys.argv[1:] if a != '--lines']):
        for row in replay(run, lines): print(json.dumps(row), flush=True)
