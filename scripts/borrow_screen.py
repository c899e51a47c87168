"""Screen borrowed cache texts at scoring time: a folder without a sub-action cache borrows the cache texts of the most similar class of the other bundled sets.

A folder that is not bundled has no `subactions.json`, so its classes are described by their names and descriptions only,
while the bundled sets also carry curated keywords, sentences and sub-actions (`imutext/assets/subactions/`). Here each class
of a held-out set takes the cache texts of the one class of the other bundled IMU sets (never its own set's) whose label
text is nearest in MiniLM space, if their cosine is at least TAU; otherwise it keeps its name and description. Each run's
held-out windows are scored from its checkpoint with those texts (weights, hubness bank and windows unchanged), and printed
per run and set as one JSON line: the macro-F1 with the names and descriptions (`plain`), with the borrowed texts
(`borrowed`), and every class's donor with its cosine. The development sets are not scored.

    python scripts/borrow_screen.py outputs/<run> ... > results/borrow-screen/screen.jsonl
"""
import json, re, sys
from pathlib import Path
from imutext.data.datasets import list_datasets, load_labels
from imutext.data.labels import EXTRA_SOURCES, label_texts
from imutext.data.subactions import load_subactions
from imutext.eval.zeroshot import zero_shot
from imutext.models.factory import CKPT_NAME, class_embeddings, dataset_texts, load_checkpoint, model_from_checkpoint, text_encoder
from results_tables import IMU_ZS as DEV   # development sets: never scored here
from text_source_screen import replay_f1

TAU = 0.8        # the least cosine between two classes' label texts for one to lend its cache texts to the other
PLAIN = ('name', 'description')

def donors(exclude:str, encoder)->tuple:
    "(label texts, (M, 384) their embeddings, per class the cache texts) of every class of the bundled IMU sets but `exclude` that have a cache."
    names, texts = [], []
    for s in list_datasets('imu'):
        cache = load_subactions(s)
        if s == exclude or not all(g in cache for g in EXTRA_SOURCES): continue
        ls = load_labels(s)
        for k, t in enumerate(label_texts(ls.label_names, ls.label_descriptions)):
            names.append(f'{s}: {t}'); texts.append([x for g in EXTRA_SOURCES for x in cache[g][k]])
    return names, encoder.encode([n.split(': ', 1)[1] for n in names]), texts

def borrowed(ds:str, cfg, encoder)->tuple:
    "Per class of `ds` its texts with the nearest donor's cache texts when the cosine reaches TAU, and per class (donor, cosine)."
    ls = load_labels(ds)
    own = dataset_texts(ls, cfg.override(text_sources=PLAIN))
    names, emb, cache = donors(ds, encoder)
    sim = encoder.encode(label_texts(ls.label_names, ls.label_descriptions)) @ emb.T   # (K, M) cosines: both sides normalised
    best, idx = sim.max(1)
    out = [ts + (cache[j] if b >= TAU else []) for ts, b, j in zip(own, best.tolist(), idx.tolist())]
    return own, out, [(names[j], round(b, 3)) for b, j in zip(best.tolist(), idx.tolist())]

def screen(run):
    model = model_from_checkpoint(load_checkpoint(Path(run)/CKPT_NAME)); cfg = model.cfg
    enc = text_encoder(cfg)
    for ds in [s for s in cfg.data.zero_shot_sets if s not in DEV]:
        r = zero_shot(model, ds, n_boot=0)   # the windows' features once
        own, out, match = borrowed(ds, cfg, enc)
        row = dict(run=re.sub(r'^\d{8}-\d{6}-', '', Path(run).name), seed=cfg.train.seed, set=ds, trained=','.join(cfg.text.text_sources))
        for name, texts in (('plain', own), ('borrowed', out)):
            row[name] = replay_f1(model, r, class_embeddings(texts, enc, model))   # (K, 384) class embeddings
        if cfg.text.text_sources == PLAIN: assert abs(row['plain'] - r['metrics']['macro_f1']) < 1e-4, f"{run} {ds}: the replayed plain score differs from zero_shot's"
        row['lent'] = sum(b >= TAU for _, b in match); row['donors'] = match
        yield row

if __name__ == '__main__':
    for run in sys.argv[1:]:
        for row in screen(run): print(json.dumps(row), flush=True)
