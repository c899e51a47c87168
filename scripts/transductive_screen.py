"""Screen test-time corrections of zero-shot scores on trained runs (how `eval.zeroshot.balanced_scores` was chosen).

For every run folder given, the checkpoint scores each of its held-out sets, and the macro-F1 of each correction of the
(N, K) window-to-class-text similarities is printed as one JSON line:
- none: the raw inductive score (each window on its own, no hubness correction);
- center: the set's mean score per class subtracted (transductive);
- csls<k>_<a>: each class's score minus a x its mean similarity to its k most similar windows of the set (transductive CSLS);
- train_csls_<a>, train_center: the same with the model's own training windows (500 per training set, no augmentation)
  in place of the scored set: inductive, the class text's hubness measured on data the model was trained on (how the
  hubness bank of `ClipCfg.hub_bank` was chosen; checkpoints now carry such a bank, drawn from the training split only);
- balanced: Sinkhorn-Knopp class balancing at the model's temperature (`balanced_scores`, transductive).

    python scripts/transductive_screen.py outputs/<run> ... > screen.jsonl
    python scripts/transductive_screen.py --table screen.jsonl   # mean per held-out training set and per seed
"""
import json, sys, warnings
from pathlib import Path
import numpy as np, torch
from imutext.models.factory import load_checkpoint, model_from_checkpoint, signal_windows
from imutext.eval.zeroshot import zero_shot, embed_windows, balanced_scores, hub_offset
from imutext.eval.metrics import macro_f1
from results_tables import SCREEN_CORRECTIONS, IMU_ZS as DEV   # the corrections' names, labels and parameters, and the development sets (printed, never used to choose), written once


# each kind of correction: (raw scores s (N, K), the set's features, class texts, training-window bank, k, a, scale) -> corrected (N, K)
KINDS = dict(none=lambda s, f, c, b, k, a, sc: s,
             center=lambda s, f, c, b, k, a, sc: s - s.mean(0),
             csls=lambda s, f, c, b, k, a, sc: s - hub_offset(f, c, k, a),          # the scored set as the neighbourhood
             train_csls=lambda s, f, c, b, k, a, sc: s - hub_offset(b, c, k, a),    # the training windows as the neighbourhood
             train_center=lambda s, f, c, b, k, a, sc: s - (b @ c.T).mean(0),
             balanced=lambda s, f, c, b, k, a, sc: balanced_scores(s, sc))

def corrections(feats, cls, scale, bank):
    "{name: (N, K) corrected scores} of the raw similarities of the set's features `feats` to the class texts `cls`, given training-window features `bank`; one per entry of `SCREEN_CORRECTIONS`."
    s = feats @ cls.T
    return {name: KINDS[kind](s, feats, cls, bank, k, a, scale) for name, (_, kind, k, a) in SCREEN_CORRECTIONS.items()}

def screen(run, per_set=500, seed=0):
    model = model_from_checkpoint(load_checkpoint(Path(run)/'checkpoint.pt')).eval()
    rng, bank = np.random.default_rng(seed), []
    for ts in model.cfg.data.train_sets:
        w = signal_windows(ts, model.cfg)
        bank.append(embed_windows(model, w.subset(np.sort(rng.choice(len(w), min(per_set, len(w)), replace=False)))))
    bank, scale = np.concatenate(bank), float(model.logit_scale.detach().exp())
    for ds in model.cfg.data.zero_shot_sets:
        r = zero_shot(model, ds, n_boot=0)
        cs = corrections(r['features'], r['class_emb'], scale, bank)
        yield dict(run=Path(run).name, seed=model.cfg.train.seed, set=ds, **{k: round(macro_f1(v, r['y']), 4) for k, v in cs.items()})

def table(rows):
    "Mean macro-F1 of each correction: per held-out training set, per seed over those sets, and on the development sets."
    names = [k for k in rows[0] if k not in ('run', 'seed', 'set')]
    held = [r for r in rows if r['set'] not in DEV]
    line = lambda label, rs: f"{label:24}" + ''.join(f"{np.mean([r[n] for r in rs]):>15.3f}" for n in names) + f"{len(rs):>4}"
    out = [f"{'':24}" + ''.join(f"{n:>15}" for n in names) + '   n']
    out += [line(s, [r for r in held if r['set'] == s]) for s in sorted({r['set'] for r in held})]
    out += [line(f'mean, seed {k}', [r for r in held if r['seed'] == k]) for k in sorted({r['seed'] for r in held})]
    out += [line(f'mean, all seeds', held)]
    out += [line(f'{d} (dev)', [r for r in rows if r['set'] == d]) for d in DEV if any(r['set'] == d for r in rows)]
    return '\n'.join(out)

if __name__ == '__main__':
    warnings.filterwarnings('ignore', message='text sources')
    if sys.argv[1:2] == ['--table']:
        print(table([json.loads(l) for f in sys.argv[2:] for l in open(f) if l.strip()])); sys.exit()
    torch.set_num_threads(1)
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
