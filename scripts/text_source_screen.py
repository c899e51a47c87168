"""Screen richer class texts at scoring time on trained runs: the sub-action cache's texts added to each held-out class.

The defaults until pv75 described a class by its name and its meta.json description (`TextCfg.text_sources`), averaged over
the prompt templates (the defaults now add the cache texts below). The bundled sets also carry curated texts in
`imutext/assets/subactions/` (keywords, a sentence, an affirmative sentence, sub-actions, each written to say how the sensor sees the activity); for a folder that is not bundled,
`imutext.data.subactions` writes the same fields through an LLM backend. This replays each run's zero-shot scores from its
checkpoint with the held-out set's class embedding averaged over more of those sources (the trained weights, the hubness
bank and the windows unchanged; nothing is retrained) and prints, per run and scored set, the macro-F1 per window of every
cell in CELLS as one JSON line, with `trained`, the cell the run was trained with (its replay must equal zero_shot's
score). A run trained with the cache texts replayed with the 'default' cell is what a folder without a cache gets. The
development sets are not scored.

    python scripts/text_source_screen.py outputs/<run> ... > results/text-source-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
from imutext.eval.metrics import macro_f1
from imutext.eval.zeroshot import zero_shot, model_hub_offset, scoring_texts
from imutext.data.datasets import load_labels
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, load_checkpoint, model_from_checkpoint, text_encoder
from results_tables import IMU_ZS as DEV   # development sets: never scored here

BASE = ('name', 'description')   # the folder's meta.json only: the defaults, and all a folder without a sub-action cache has
CELLS = dict(default=BASE, keywords=BASE + ('keywords',), sentence=BASE + ('sentence',), affirmative=BASE + ('affirmative',),
             subactions=BASE + ('subactions',), every=BASE + ('keywords', 'sentence', 'affirmative', 'subactions'),
             cache_only=('keywords', 'sentence', 'affirmative', 'subactions'))   # JSON key -> the text sources scored

def replay_f1(model, r, cls)->float:  # a checkpoint's model; its `zero_shot` result on a set; (K, 384) class embeddings for that set
    "Macro-F1 per window of the set's windows scored against `cls`, with the hubness correction `zero_shot` applies."
    return round(macro_f1(r['features'] @ cls.T - model_hub_offset(model, cls), r['y']), 4)

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); trained = model.cfg
    own = [k for k, v in CELLS.items() if v == trained.text.text_sources]
    assert own, f"{run}: trained with text sources {trained.text.text_sources}, which no cell of {list(CELLS)} repeats"
    enc = text_encoder(trained)
    for ds in [s for s in trained.data.zero_shot_sets if s not in DEV]:
        r = zero_shot(model, ds, n_boot=0)   # the windows' features once; each cell changes only the class embeddings
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=trained.train.seed, set=ds, trained=own[0])
        labels = load_labels(ds)             # names, descriptions and folder: all the texts need
        for name, sources in CELLS.items():
            cfg = scoring_texts(trained, ds, sources)   # refuses a cache source the set has no texts for
            cls = class_embeddings(dataset_texts(labels, cfg), enc, model)   # (K, 384)
            row[name] = replay_f1(model, r, cls)
        assert abs(row[own[0]] - r['metrics']['macro_f1']) < 1e-4, f"{run} {ds}: the replayed {own[0]!r} cell differs from zero_shot's score"
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
