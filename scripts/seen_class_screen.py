"""Screen two-hop zero-shot scores through the training classes (ConSE, Norouzi et al. 2014) on trained runs.

The direct score compares a window with each class text of the held-out folder, texts the signal side never met; every
held-out set but basicmotions has one such text taking 21-73 % of its windows (README, "Which class text takes each held-out
set"). The model was trained to separate its own training classes, whose text embeddings the checkpoint keeps
(`SignalClip.hub_classes`). Two-hop: a window's probabilities over the training classes (softmax of the model's scaled
similarities, kept to the T most likely) weight those classes' text embeddings; the unit-norm mixture is compared with the
folder's class texts, and corrected for hubness like the direct score (the same k and alpha on the bank windows' mixtures).
Each cell scores `(1 - lam) x direct + lam x two-hop`; nothing is retrained and the folder's windows are used one at a time,
so every cell stays inductive.

Rule fixed before the screen (the bars of the earlier screens on these runs): a cell passes when its seed-0 ten-fold mean
per window reaches 0.242 and the nine folds without basicmotions 0.175; a passing cell is then confirmed on seeds 1 and 2.
The development sets are not scored. One JSON line per run and scored set:

    python scripts/seen_class_screen.py outputs/<run> ... > results/seen-class-screen/screen.jsonl
"""
import json, sys
import numpy as np
from scipy.special import softmax
from imutext.eval.zeroshot import hub_offset, model_hub_offset
from hub_strength_screen import replay

TOPS, LAMS = (1, 5, 0), (0.5, 1.0)   # T most likely training classes (0 = all); weight of the two-hop score (0 = the defaults)

def f32(a): return a.float().numpy() if hasattr(a, 'float') else np.asarray(a, np.float32)

def two_hop(feats:np.ndarray,   # (N, D) unit text-space window features
            classes:np.ndarray, # (C, D) the training classes' text embeddings
            scale:float,        # the model's exp(logit_scale)
            top:int,            # keep the `top` most likely training classes (0 = all)
           )->np.ndarray:       # (N, D) unit mixtures of training-class text embeddings
    "Each window's softmax over the training classes, kept to its `top` most likely, as a unit-norm mixture of their text embeddings."
    p = softmax(scale * feats @ classes.T, axis=1)
    if top: p = np.where(p >= -np.partition(-p, top - 1, axis=1)[:, top - 1:top], p, 0.)
    e = p @ classes
    return e / np.linalg.norm(e, axis=1, keepdims=True)

def cell(top, lam):
    def score(model, r):
        c, C = model.cfg.clip, f32(model.hub_classes)
        scale = float(model.logit_scale.detach().exp())
        hop = lambda f: two_hop(f, C, scale, top)
        s2 = hop(r['features']) @ r['class_emb'].T - hub_offset(hop(f32(model.hub_bank)), r['class_emb'], c.hub_k, c.hub_alpha, model.hub_labels, C, c.hub_same)
        return (1 - lam) * (r['raw_scores'] - model_hub_offset(model, r['class_emb'])) + lam * s2
    return score

if __name__ == '__main__':
    cells = {'default': lambda model, r: r['raw_scores'] - model_hub_offset(model, r['class_emb'])}
    cells.update({f't{t}_l{l:g}': cell(t, l) for t in TOPS for l in LAMS})
    for run in sys.argv[1:]:
        for row in replay(run, cells, 'default'): print(json.dumps(row), flush=True)
