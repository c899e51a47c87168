"""Screen a text-side hubness term on trained runs: each class text's mean cosine with the folder's other class texts.

A held-out set's hub is often a class text that lies among its siblings (sisfall's "Sitting a moment, lying quickly, wait a
moment, and sit again" between its sitting and lying texts; README, "Which class text takes each held-out set"). This term
needs only the folder's label texts, no window of it, so a correction by it stays inductive. Each run's scores are replayed
from its checkpoint with the default correction (the training windows' hubness) minus beta x that term, for every beta in
BETAS; beta 0 is the defaults. One JSON line per run and scored set (macro-F1 per window and per recording):

    python scripts/text_hub_screen.py outputs/<run> ... > results/text-hub-screen/screen.jsonl
"""
import json, sys
import numpy as np
from imutext.eval.zeroshot import model_hub_offset
from hub_strength_screen import replay

BETAS = (0.0, 0.25, 0.5, 1.0)   # 0 = the defaults

def sibling_similarity(cls:np.ndarray)->np.ndarray:  # (K, D) unit class-text embeddings -> (K,)
    "Each class text's mean cosine with the other K - 1 class texts."
    s = cls @ cls.T
    return (s.sum(1) - np.diag(s)) / (len(cls) - 1)

def corrected(beta):
    return lambda model, r: r['raw_scores'] - model_hub_offset(model, r['class_emb']) - beta * sibling_similarity(r['class_emb'])

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in replay(run, {f'b{b:g}': corrected(b) for b in BETAS}, 'b0'): print(json.dumps(row), flush=True)
