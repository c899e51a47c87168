"""Probe: does weighting a class's name and description against its sub-action cache texts at scoring time help the runs trained with the cache texts?

Runs trained with `-p text_sources name,description,keywords,sentence,affirmative,subactions` average every class text:
about five name and description texts (four name templates and the meta.json description) against fourteen cache texts
(keywords, sentence, affirmative sentences, sub-actions). This replays each run's held-out set from its checkpoint (the
weights, the hubness bank and the windows unchanged) with the class embedding taken four ways and prints one JSON line per
run with each macro-F1 per window:
- `every`: the mean of all texts, as trained (must equal zero_shot's score);
- `base`: name + description only (a folder without a cache);
- `bal2`: normalize(mean(name + description) + mean(cache texts)), the two groups weighted equally;
- `bal6`: normalize(sum over the sources of each source's mean), every source weighted equally;
- `w75`: normalize(3 mean(name + description) + mean(cache texts)).
The development sets are not scored.

    python scripts/text_balance_probe.py outputs/<run> ... > results/text-source-screen/balance.jsonl
"""
import json, re, sys
import numpy as np
from pathlib import Path
from imutext.eval.zeroshot import zero_shot, scoring_texts
from imutext.data.datasets import load_labels
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, load_checkpoint, model_from_checkpoint, text_encoder
from text_source_screen import BASE, CELLS, replay_f1

CACHE = CELLS['cache_only']
unit = lambda x: x / np.linalg.norm(x, axis=1, keepdims=True)

def probe(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); trained = model.cfg
    assert trained.text.text_sources == BASE + CACHE, f"{run}: trained with {trained.text.text_sources}, not the cache texts"
    enc, ds = text_encoder(trained), trained.data.zero_shot_sets[0]
    r, labels = zero_shot(model, ds, n_boot=0), load_labels(ds)
    emb = lambda srcs: class_embeddings(dataset_texts(labels, scoring_texts(trained, ds, srcs)), enc, model)   # (K, 384)
    score = lambda cls: replay_f1(model, r, cls)
    base, cache = emb(BASE), emb(CACHE)
    sources = [emb((s,)) for s in ('name',) + CACHE] + ([emb(('description',))] if all(labels.label_descriptions or []) else [])
    row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=trained.train.seed, set=ds, every=score(emb(BASE + CACHE)), base=score(base),
               bal2=score(unit(base + cache)), bal6=score(unit(sum(sources))), w75=score(unit(3 * base + cache)))
    assert abs(row['every'] - r['metrics']['macro_f1']) < 1e-4, f"{run}: the replayed mean of all texts differs from zero_shot's score"
    return row

if __name__ == '__main__':
    for run in sys.argv[1:]: print(json.dumps(probe(run)), flush=True)
