"""Screen `ClipCfg.hub_same` on leave-one-dataset-out checkpoints trained before the hubness bank kept each feature's class.

For every run folder given, the checkpoint's hubness bank is replayed with `train.hub_features` (which now also returns
each bank window's class; the features are checked against the checkpoint's own), the training classes' text
embeddings are computed as `train.end_training` does, and each held-out set is scored with the hubness correction
- none: uncorrected;
- all: every bank feature counts (the correction before `hub_same`);
- same_<t>: bank features whose own class text has cosine >= t with the scored class text are left out.
One JSON line per run and scored set, macro-F1:

    python scripts/hub_same_screen.py outputs/<run> ... > results/hub-same-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
import torch
from imutext.models.factory import CKPT_NAME, ClassTexts, load_checkpoint, model_from_checkpoint
from imutext.train import prepare, hub_features
from imutext.eval.zeroshot import zero_shot, hub_offset
from imutext.eval.metrics import macro_f1

SAME = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)   # the screened thresholds

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg, c = model.cfg, model.cfg.clip
    p = prepare(cfg)
    bank, labels = hub_features(model, p.train, c.hub_bank, cfg.train.seed, 'cpu')
    assert torch.allclose(bank.float(), model.hub_bank.float(), atol=2e-3), f"{run}: the replayed bank differs from the checkpoint's"
    with torch.no_grad(): classes = ClassTexts(p.texts, p.encoder, model)()
    for ds in cfg.data.zero_shot_sets:
        r = zero_shot(model, ds, n_boot=0)
        f1 = lambda **kw: round(macro_f1(r['raw_scores'] - hub_offset(bank, r['class_emb'], c.hub_k, c.hub_alpha, **kw), r['y']), 4)
        yield dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds, none=round(macro_f1(r['raw_scores'], r['y']), 4),
                   all=f1(), **{f'same_{t}': f1(labels=labels, classes=classes, same=t) for t in SAME})

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
