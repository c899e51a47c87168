"""Screen per-class standardised zero-shot scores on trained runs: each class's score divided by its spread over the hubness bank.

The hubness correction subtracts from each class's score the mean similarity of its text to its 50 most similar bank windows
(`ClipCfg.hub_k`), so a text close to everything loses that offset; it does not change a class's scale. A class text whose
similarities to windows spread widely can still take windows from classes whose similarities spread narrowly. This replays each
run's scores from its checkpoint (the bank is the checkpoint's own; nothing is retrained) with each class's score standardised
by the standard deviation of its similarities over the bank windows, and prints the macro-F1 per window and per recording of
every cell as one JSON line per run and scored set (`hub_strength_screen.replay`). Cells: `a1_k50` the defaults; `z_bank`
(score - mean over the bank) / std over the bank; `z_top` (the defaults' corrected score) / std over the bank.

    python scripts/score_scale_screen.py outputs/<run> ... > results/score-scale-screen/screen.jsonl
"""
import json, sys
import numpy as np
from hub_strength_screen import replay, strength

def bank_stats(model, r):   # -> (K,) mean and (K,) std of the bank windows' similarities to each class text
    s = model.hub_bank.float().numpy() @ np.asarray(r['class_emb'], np.float32).T   # (M, K)
    return s.mean(0), s.std(0)

def z_bank(model, r):   # (score - its mean over the bank) / its std over the bank
    m, sd = bank_stats(model, r)
    return (r['raw_scores'] - m) / sd

CELLS = dict(a1_k50=strength(1.0, 50), z_bank=z_bank,
             z_top=lambda model, r: strength(1.0, 50)(model, r) / bank_stats(model, r)[1])

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in replay(run, CELLS, 'a1_k50'): print(json.dumps(row), flush=True)
