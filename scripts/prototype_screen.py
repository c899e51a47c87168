"""Screen several prototypes per class at scoring time on trained runs: a class scores its best-matching text group, not their mean.

Scoring describes a class by one embedding, the mean of all its texts (name templates, the meta.json description and the
sub-action cache's keywords, sentence, affirmative sentence and sub-actions). A window that matches one of those texts well
and the rest poorly is scored by the mean; with several prototypes per class (Novack et al. 2023, CHiLS, take the best of a
class's sub-class names) it is scored by the best. Each prototype is hubness-corrected with its own offset on the model's
bank, as `zero_shot` corrects a class, and a class's score is the maximum over its prototypes. Nothing is retrained; the
windows' features come from each run's checkpoint. Cells (JSON keys):

- mean: today's scoring, the mean of all texts (must equal the run's own macro-F1)
- views: the best of the two views training draws (the mean of all texts, the mean of name and description)
- sources: the best of the per-source means (name templates, description, keywords, sentence, affirmative, sub-actions)
- texts: the best single text
- plain: the mean of name and description (what a folder without a sub-action cache gets today)
- plain_src: the best of the name templates' mean and the description
- texts_lse, plain_lse: a soft best single text, (1/s) log mean_j exp(s x corrected similarity to text j) with the model's own
  logit scale s, over every text and over the name templates and description

    python scripts/prototype_screen.py outputs/<run> ... > results/prototype-screen/screen.jsonl
"""
import json, re, sys, warnings
from pathlib import Path
import numpy as np
from scipy.special import logsumexp
from imutext.eval.metrics import macro_f1
from imutext.eval.zeroshot import zero_shot, model_hub_offset, scoring_texts
from imutext.data.datasets import load_labels
from imutext.data.labels import EXTRA_SOURCES
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, load_checkpoint, model_from_checkpoint, text_encoder
from results_tables import IMU_ZS as DEV   # development sets: never scored here

def source_texts(cfg, ds, labels)->dict:  # the model's config; the held-out set's name; its labels
    "{source: per class its texts from that source} for every source of the model's text_sources, and under 'every' and 'plain' all of them and name + description, as scoring writes them."
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        texts = lambda *src: dataset_texts(labels, scoring_texts(cfg, ds, src))
        name = texts('name')
        out = {'name': name}
        for s in [s for s in cfg.text.text_sources if s != 'name']:   # each source beside the names (a description may be missing)
            out[s] = [[t for t in both if t not in set(n)] for both, n in zip(texts('name', s), name)]
        out['every'], out['plain'] = texts(*cfg.text.text_sources), texts('name', 'description')   # as scoring has them: deduplicated across sources
    return out

def best_of(model, enc, feats, groups, soft=False)->np.ndarray:  # the model; its text encoder; (N, 384) window features; [(class, [texts])] prototypes; soft: log-mean-exp at the model's scale instead of the maximum
    "(N, K) scores: per class the maximum (or its soft version) over its prototypes of the hubness-corrected similarity."
    groups = [(k, ts) for k, ts in groups if ts]
    emb = class_embeddings([ts for _, ts in groups], enc, model)             # (P, 384)
    s = feats @ emb.T - model_hub_offset(model, emb)                         # (N, P)
    owner = np.array([k for k, _ in groups]); K = owner.max() + 1
    assert set(owner) == set(range(K)), "a class has no prototype"
    if not soft: return np.stack([s[:, owner == k].max(1) for k in range(K)], 1)
    sc = model.logit_scale.exp().item()
    return np.stack([(logsumexp(sc * s[:, owner == k], 1) - np.log((owner == k).sum())) / sc for k in range(K)], 1)

def cells(src:dict)->dict:  # `source_texts` output -> {cell: [(class, texts)]}
    every, plain, K = src['every'], src['plain'], len(src['every'])
    per = {s: ts for s, ts in src.items() if s not in ('every', 'plain')}   # the per-source texts
    return dict(mean=list(enumerate(every)),
                views=list(enumerate(every)) + list(enumerate(plain)),
                sources=[(k, per[s][k]) for s in per for k in range(K)],
                texts=[(k, [t]) for k in range(K) for t in every[k]],
                plain=list(enumerate(plain)),
                plain_src=[(k, per[s][k]) for s in ('name', 'description') if s in per for k in range(K)],
                texts_lse=[(k, [t]) for k in range(K) for t in every[k]],
                plain_lse=[(k, [t]) for k in range(K) for t in plain[k]])

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    assert set(EXTRA_SOURCES) <= set(cfg.text.text_sources), f"{run}: trained without the cache texts ({cfg.text.text_sources})"
    enc = text_encoder(cfg)
    for ds in [s for s in cfg.data.zero_shot_sets if s not in DEV]:
        r = zero_shot(model, ds, n_boot=0)
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds)
        for name, groups in cells(source_texts(cfg, ds, load_labels(ds))).items():
            row[name] = round(macro_f1(best_of(model, enc, r['features'], groups, soft=name.endswith('_lse')), r['y']), 4)
        assert abs(row['mean'] - r['metrics']['macro_f1']) < 1e-4, f"{run} {ds}: the replayed mean cell {row['mean']} differs from zero_shot's {r['metrics']['macro_f1']}"
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
