"""Print the result tables of README.md and RESULTS.md (Markdown) from the committed run files under results/.

Every number in those result tables comes out of this script, and tests/test_results.py checks that the two files
hold exactly these tables, so a table cannot drift from its runs. Run after adding runs: python scripts/results_tables.py (prints) or --write (rewrites the marked tables of both).
"""
import functools, itertools, json, re, sys
from functools import partial
from pathlib import Path
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT/'results'

def load(name):
    "metrics.json and hyperparameters.json of results/<name>, or None."
    d = RES/name
    if not (d/'metrics.json').is_file(): return None
    return json.loads((d/'metrics.json').read_text()), json.loads((d/'hyperparameters.json').read_text())

def seeds(prefix):
    "The runs <prefix>-s0, -s1, … up to the first seed missing, so that a list position is the seed (per-seed gains pair runs by position)."
    runs = list(itertools.takewhile(bool, (load(f'{prefix}-s{k}') for k in range(10))))
    if bad := [k for k, (_, h) in enumerate(runs) if h.get('seed', k) != k]: raise ValueError(f"results/{prefix}-s{bad[0]}: hyperparameters.json says seed {runs[bad[0]][1]['seed']}")
    return runs

def pm(xs, nd=3):
    "mean ± std over seeds (the value alone for one seed)."
    xs = [x for x in xs if x is not None]
    if not xs: return '–'
    return f"{np.mean(xs):.{nd}f}" + (f" ± {np.std(xs, ddof=1):.{nd}f}" if len(xs) > 1 else '')

def gains(new, old):
    "Per-seed differences new - old, as '+0.012 / -0.003 / …' (both lists in seed order, of the same seeds)."
    if len(new) != len(old): raise ValueError(f"per-seed gains need the same seeds on both sides: {len(new)} against {len(old)} values")
    return ' / '.join(f"{n - o:+.3f}" for n, o in zip(new, old))

def ci(m, key='macro_f1'):
    c = (m.get('ci95') or {}).get(key)
    return f"[{c[0]:.3f}, {c[1]:.3f}]" if c else ''

def commit(runs):
    "The commits the runs were made at (a resumed run's every part), '*' after one with uncommitted changes and '?' after one whose state is unknown."
    mark = lambda g: '' if g.get('dirty') is False else '*' if g.get('dirty') else '?'
    return ', '.join(sorted({(g.get('commit') or '?')[:7] + mark(g) for _, h in runs for g in [h['git'] or {}, *h.get('resumed', [])]}))

def screen_rows(path):
    "The JSON lines a screening script wrote to `path` (one per run and scored set), or None when it has none."
    return [json.loads(l) for l in path.read_text().splitlines() if l.strip()] if path.is_file() else None

def table(head, rows):
    out = ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
    return '\n'.join(out + ['| ' + ' | '.join(map(str, r)) + ' |' for r in rows])

REF_REPLAY = RES/'vib-reference'/'replay.jsonl'   # the vibration reference re-scored among the same candidates as zero-shot (8c12bd6; scripts/vib_reference_replay.py)

@functools.lru_cache(maxsize=None)
def replay_f1(path):
    "`{(run, set): macro_f1}` of a reference replay file (read once)."
    return {(r['run'], r['set']): r['macro_f1'] for r in screen_rows(path) or []}

def reference(run, ds, m):
    "The text-free reference macro-F1 of run `run` on `ds`: its re-scored value where the replay has one, else the one in its metrics `m`."
    return replay_f1(REF_REPLAY).get((run, ds), (m.get('reference') or {}).get('macro_f1'))

LINES_REPLAY = RES/'vib-reference'/'lines.jsonl'   # the reference with the rig's geometry (order_reference(lines=True): the spectrum at each rig's fault lines), scored on committed runs (scripts/vib_reference_replay.py --lines)

def lines_reference(run, ds):
    "The fault-line reference macro-F1 of run `run` (its id under results/) on `ds`; None where it was not scored or cannot be (a rig without geometry)."
    return replay_f1(LINES_REPLAY).get((run, ds))

def lines_note(names):
    "A sentence naming the fault-line replay of the runs `names` (ids under results/), when it scored any."
    rows = [r for r in screen_rows(LINES_REPLAY) or [] if r['run'] in names]
    return (f" The geometry column reads each window's envelope spectrum at its rig's fault lines (1x and 2x the shaft speed, BPFI, BPFO, BSF, FTF from the bearing geometry, as the physics texts state them) "
            f"into the same logistic regression, scored at {', '.join(sorted({r['commit'][:7] for r in rows}))}: `results/vib-reference/lines.jsonl` (`python scripts/vib_reference_replay.py --lines`)." if rows else '')

def replay_note(names):
    "A sentence naming the replay when it re-scored any of the runs `names`."
    rows = [r for r in screen_rows(REF_REPLAY) or [] if r['run'] in names]
    return (f" The reference column is re-scored at {', '.join(sorted({r['commit'][:7] for r in rows}))} among the same candidates as zero-shot (the held-out set's fault types with training windows; "
            f"before 8c12bd6 only those with scored windows): `results/vib-reference/replay.jsonl` (`python scripts/vib_reference_replay.py`)." if rows else '')

VIB_SHARED = 'vib-lodo-src'   # re-runs of the folds whose held-out set shares a source run with a training set (cwru, cwru_fe), scored without it since c8791c8: vib-lodo-src-<held-out>-s<k>

VIB_LODO = 'vib-lodo-peak'   # the leave-one-rig-out sweeps at clean 5338b61 (spectra that hold their peaks on the order grid): vib-lodo-peak-s<k>/<held-out>/
VIB_LODO_BSF = 'vib-lodo-bsf'   # the same sweeps before 5338b61, at clean 7abe5c5 (ball-fault orders from the geometry, 9ee0ae7; the reference among zero-shot's candidates, 8c12bd6)

def _sweep_runs(prefix, held):
    "The committed fold runs `<prefix>-s<k>/<held>` of the leave-one-rig-out sweeps."
    return [r for r in (load(f'{s.name}/{held}') for s in sorted(RES.glob(f'{prefix}-s[0-9]')) if s.is_dir()) if r]

def _before_bsf(held):
    "The folds before 9ee0ae7: the re-runs without the shared recording (VIB_SHARED) where there are some, else the first sweeps."
    return seeds(f'{VIB_SHARED}-{held}') or _sweep_runs('vib-lodo', held)

def vib_cross_dataset(lodo=VIB_LODO, before=lambda held: _sweep_runs(VIB_LODO_BSF, held), label='before 5338b61',
                      before_files=f"`results/{VIB_LODO_BSF}-s*/<held-out>/` (7abe5c5)"):
    "Zero-shot fault-type recognition on a rig left out of training (leave-one-dataset-out over the bundled vibration sets), beside the same folds before a fix (`before(held)`: their runs)."
    new = [d for d in sorted(RES.glob(f'{lodo}-s[0-9]')) if d.is_dir()]
    if not new: return None
    rows, runs = [], []
    for held in sorted({p.name for s in new for p in s.iterdir() if (p/'metrics.json').is_file()}):
        rs = [r for r in (load(f'{s.name}/{held}') for s in new) if r]; runs += rs
        old = before(held); ms = [r[0]['zero_shot'][held] for r in rs]
        rows.append([held, ms[0]['n_classes'], ms[0]['n'], pm([m['macro_f1'] for m in ms]), ci(ms[0]), f"{ms[0]['chance_macro_f1']:.3f}",
                     pm([m['accuracy'] for m in ms]), pm([(m.get('reference') or {}).get('macro_f1') for m in ms]), pm([lines_reference(f'{s.name}/{held}', held) for s in new]),
                     pm([r[0]['zero_shot'][held]['macro_f1'] for r in old]), gains([m['macro_f1'] for m in ms], [r[0]['zero_shot'][held]['macro_f1'] for r in old]), len(ms)])
    return table(['held-out set', 'fault types', 'windows', 'macro-F1 (mean ± std over seeds)', '95 % CI (seed 0, recordings)', 'chance macro-F1',
                  'accuracy', 'reference: order spectrum + logistic regression, macro-F1', 'reference with the rig\'s geometry: fault lines + logistic regression, macro-F1', f'macro-F1 {label}', 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/{lodo}-s*/<held-out>/`; {label}: {before_files}." + lines_note([f'{s.name}/{held}' for s in new for held in ('cwru', 'cwru_fe', 'mfpt', 'uestc')])

IMU_CLOSED = ('dsads', 'mobifall', 'utd_mhad')   # the IMU closed-set splits (subject-disjoint)

def closed_set():
    "Encoder trained alone vs the aligned model on the same leakage-free split (closed set), at today's code (closed-*) beside the runs before 4c59799."
    groups = [('cwru-xload', 'cwru-xload-d-classce', 'CWRU cross-load (0–1 hp → 2–3 hp), 15 labels'), ('uestc-xspeed', 'uestc-xspeed', 'UESTC cross-speed (→ 1400 rpm), 4 labels'),
              *[(f'imu-{ds}', f'imu-{ds}', f'{ds}, subject-disjoint') for ds in IMU_CLOSED]]
    rows, runs = [], []
    for new, old, what in groups:
        rs, before = seeds(f'closed-{new}'), seeds(old)
        if not rs: continue
        runs += rs + before; ms, bs = [r[0] for r in rs], [r[0] for r in before]
        rows.append([what, ms[0]['n_classes'], pm([m['supervised_acc'] for m in ms]), pm([m['aligned_acc'] for m in ms]),
                     pm([m['gap_pp'] for m in ms], 1), ci(ms[0]['aligned'], 'accuracy'), f"{max(m['weight_sync_max_diff'] for m in ms):.1e}",
                     pm([m['supervised_acc'] for m in bs]), pm([m['aligned_acc'] for m in bs]), pm([m['gap_pp'] for m in bs], 1), len(ms)])
    if not rows: return None
    return table(['split', 'classes', 'encoder alone: accuracy', 'aligned, by class text: accuracy', 'gap (pp)', 'aligned 95 % CI (seed 0)',
                  'weight-sync max diff', 'before 4c59799: encoder alone', 'before 4c59799: aligned', 'before 4c59799: gap (pp)', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/closed-<split>-s*/`, before `results/cwru-xload-d-classce-s*/`, `results/uestc-xspeed-s*/`, `results/imu-<set>-s*/`."

def closed_gravity():
    "The IMU closed-set splits with the default gravity_drop (closed-imu-<set>) and without it (closed-imu-nogd-<set>), same seeds and commit."
    rows, ons, offs = [], [], []
    for ds in IMU_CLOSED:
        on, off = seeds(f'closed-imu-{ds}'), seeds(f'closed-imu-nogd-{ds}')
        n = min(len(on), len(off))
        if not n: continue
        on, off = on[:n], off[:n]; ons += on; offs += off
        cells = []
        for key in ('supervised_acc', 'aligned_acc'):
            a, b = ([r[0][key] for r in rs] for rs in (off, on))
            cells += [pm(a), pm(b), gains(b, a)]
        rows.append([ds, on[0][0]['n_classes'], *cells, n])
    if not rows: return None
    g = lambda rs: '/'.join(sorted({f"{r[1]['config']['data']['gravity_drop']:g}" for r in rs}))   # the runs' own setting
    heads = [f'gravity_drop {g(offs)}', f'gravity_drop {g(ons)} (the default)']
    return table(['subject-disjoint split', 'classes', *[h for what in ('encoder alone', 'aligned') for h in (*[f'{what}, {x}' for x in heads], 'change per seed')], 'seeds'], rows) + \
        f"\n\nCommit {commit(ons + offs)}; run files `results/closed-imu-<split>-s*/`, `results/closed-imu-nogd-<split>-s*/`."

CLOSED_MOBIFALL = (('imu-mobifall', 'before 4c59799 (da688a3): names and descriptions, soft targets, validated on training windows'),
                   ('closed-imu-oldtxt-mobifall', 'e28227a: names and descriptions, soft targets (text_sources=name,description, soft_targets=true)'),
                   ('closed-imu-nd-mobifall', 'e28227a: names and descriptions, hard targets (text_sources=name,description)'),
                   ('closed-imu-mobifall', '5e1f8b4, the template defaults (the closed-set table\'s row): the cache texts, hard targets'))   # run prefix, what it trained with

def closed_mobifall():
    "The mobifall closed-set aligned row, one change at a time: which change since da688a3 lowered it (same split and seeds)."
    rows, runs = [], []
    for prefix, what in CLOSED_MOBIFALL:
        rs = seeds(prefix)
        if not rs: continue
        runs += rs; ms = [r[0] for r in rs]
        rows.append([what, pm([m['supervised_acc'] for m in ms]), pm([m['aligned_acc'] for m in ms]), ' / '.join(f"{m['aligned_acc']:.3f}" for m in ms),
                     ' / '.join(str(m['n_train']) for m in ms), len(ms)])
    if len(rows) < 2: return None
    return table(['mobifall, subject-disjoint', 'encoder alone: accuracy', 'aligned: accuracy', 'aligned per seed', 'training windows per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files " + ', '.join(f"`results/{p}-s*/`" for p, _ in CLOSED_MOBIFALL) + "."

def story():
    "CWRU cross-load at the label level, one change at a time (seed 0)."
    steps = [('cwru-xload-a-seed004texts', 'fault name + terms + physics texts, 8 epochs'), ('cwru-xload-b-severity', 'severity texts (sizes as words)'),
             ('cwru-xload-c-40ep', '+ 40 epochs'), ('cwru-xload-d-classce-s0', '+ class-text cross-entropy')]
    rows, runs = [], []
    for name, what in steps:
        r = load(name)
        if not r: continue
        runs.append(r); m = r[0]
        rows.append([what, f"{m['supervised_acc']:.3f}", f"{m['aligned_acc']:.3f}", f"{m['gap_pp']:.1f}", f"{m['aligned_f1']:.3f}"])
    if not rows: return None
    return table(['aligned model', 'encoder alone', 'aligned', 'gap (pp)', 'aligned macro-F1'], rows) + f"\n\nCommit {commit(runs)}; run files `results/cwru-xload-*/`."

def sweeps():
    "Temperature and projection on CWRU cross-load (severity texts, class-text CE, 10 epochs, seed 0)."
    rows, runs = [], []
    for p in sorted(RES.glob('temp-*'), key=lambda p: (p.name == 'temp-learned', -float(p.name[5:]) if p.name != 'temp-learned' else 0)):
        r = load(p.name)
        if not r: continue
        runs.append(r); c = r[1]['config']['clip']
        t = 'learned' if c['learn_scale'] else f"{1 / c['logit_scale_init']:.2f}"
        rows.append([f"temperature {t}", f"{r[0]['aligned_acc']:.3f}", f"{r[0]['supervised_acc']:.3f}"])
    for pj in ('none', 'linear', 'mlp', 'residual'):
        r = load(f'proj-{pj}')
        if r: runs.append(r); rows.append([f"projection {pj}", f"{r[0]['aligned_acc']:.3f}", f"{r[0]['supervised_acc']:.3f}"])
    if not rows: return None
    return table(['setting', 'aligned accuracy', 'encoder alone'], rows) + f"\n\nCommit {commit(runs)}; run files `results/temp-*/`, `results/proj-*/`."

HUB_ALL = ('main-hub', 'hub')      # the defaults before ClipCfg.hub_same (every bank feature counted in the hubness); the hubness ablation, the adapted scores, the bank size and the one-seed screens were measured on them
PV75 = ('main-pv75', 'pv75')   # the current defaults (the cache texts, hard targets, plain views 0.75) before segment ends were resampled without zero padding: the main job's runs and the fold name of their leave-one-dataset-out runs lodo-<fold>-<set>-s<k>, made at c0caf35 with the same fields as flags; every screen on today's defaults was measured against them
EDGE = ('main-edge', 'edge')   # the defaults after the resampling fix of ae36c68: main-job runs at a96aa00, folds at ae36c68; the screens of that time were measured against them
DEFAULTS = ('main-clip', 'clip')   # the same defaults at the code of today (augmented batches clipped again, 224c76b): main-job runs at 224c76b, folds at e5f02ee (seed 0) and 5338b61 (seeds 1-2); the headline tables
VIB_JOB = 'vib-peak'   # the vibration job's runs (`--preset vib`, seeds 0-2, 5338b61): spectra that hold their peaks on the order grid
VIB_BSF = 'vib-bsf'   # the same job before 5338b61 (fa62a87): ball-fault orders from the bearing geometry (9ee0ae7), the reference among zero-shot's candidates (8c12bd6), cwru_fe without its healthy recording (c8791c8)
VIB_BEFORE = 'vib-job-src'   # the same job before 9ee0ae7 (c8791c8); `vib-job-rec` (73abb9a) scored cwru_fe's shared healthy recording, `vib-job-s0` (3559223) is the single seed before
PREVIOUS = ((*EDGE, 'before clipping again after the augmentations (ae36c68)'),
            (*HUB_ALL, 'name + description, soft targets (3559223)'),   # earlier defaults, newest first: (main job, fold name, label)
            ('main-gdrop', 'gdrop', 'without the hubness correction (57c0563)'),
            ('main-cal', 'cal', 'without gravity_drop (0e7fd0a)'),
            ('main', 'diverse', 'wider mix, old count calibration (c3cf6ce)'),
            ('lodo-base-mainmix', 'base', 'eight-set mix (until c3cf6ce)'))

def main_jobs():
    "The two jobs of the README: IMU main job and vibration job, every seed run."
    rows, runs = [], []
    for prefix, job in ((DEFAULTS[0], 'IMU main job'), (VIB_JOB, 'vibration job')):
        rs = seeds(prefix)
        if not rs: continue
        runs += rs
        for ds, m in rs[0][0]['zero_shot'].items():
            ms = [r[0]['zero_shot'][ds] for r in rs]
            refs = [reference(f'{prefix}-s{k}', ds, x) for k, x in enumerate(ms)]; ref = refs[0]; geo = lines_reference(f'{prefix}-s0', ds)
            rows.append([job, ds, m['n_classes'], m['n'], pm([x['accuracy'] for x in ms]), pm([x['macro_f1'] for x in ms]), ci(m),
                         pm([(x.get('transductive') or {}).get('macro_f1') for x in ms]), f"{m['chance_macro_f1']:.3f}",
                         f"{ref:.3f}" if ref is not None else '–', f"{geo:.3f}" if geo is not None else '–', ' / '.join(f"{r[0]['wall_s']:.0f}" + (' (resumed part)' if r[1].get('resumed') else '') for r in rs), len(rs)])
    if not rows: return None
    return table(['job', 'held-out set', 'classes', 'windows', 'accuracy', 'macro-F1', '95 % CI (seed 0)', 'macro-F1 adapted to the set (transductive)', 'chance macro-F1', 'text-free reference macro-F1',
                  'text-free reference with the rig\'s geometry', 'wall s per seed', 'seeds'], rows) + f"\n\nCommit {commit(runs)}; run files `results/{DEFAULTS[0]}-s*/`, `results/{VIB_JOB}-s*/`." + replay_note([f'{VIB_JOB}-s{k}' for k in range(3)]) + lines_note([f'{VIB_JOB}-s{k}' for k in range(3)])

from imutext.ship import DEVELOPMENT_SETS as IMU_ZS   # the IMU development sets the main job holds out (written once, in imutext.ship)
MAIN8 = 'main8'   # the main job on the eight-set mix (the defaults until c3cf6ce): the reference the ablation and pre-training rows were run against

def load_cb(name):
    "codebook.json of results/<name>, or None."
    f = RES/name/'codebook.json'
    return json.loads(f.read_text()) if f.is_file() else None

def zs_cells(runs):
    "Zero-shot macro-F1 (mean ± std over seeds) on each IMU development set."
    return [pm([r[0]['zero_shot'][d]['macro_f1'] for r in runs]) for d in IMU_ZS]

def codebook():
    "The code-token model (the aligned model pooling codebook tokens) beside the main model, same seeds and commit; the codebook's own measures."
    rows, runs = [], []
    for prefix, what in (('codebook-main', 'main model (encoder tokens)'), ('codebook-pool', 'code-token model (vq_mode=pool)')):
        rs = seeds(prefix)
        if not rs: continue
        runs += rs
        cbs = [load_cb(f'{prefix}-s{k}') for k in range(len(rs))]; cbs = [c for c in cbs if c]
        g = lambda f, nd=3: pm([f(c) for c in cbs], nd) if cbs else '–'
        rows.append([what, *zs_cells(rs), g(lambda c: c['val_usage_pct'], 1), g(lambda c: c['val_perplexity'], 1), g(lambda c: c['val_recon_r2']),
                     *[g(lambda c, d=d: c['uea'][d]['histogram_accuracy']) for d in ('epilepsy', 'racketsports')],
                     *[g(lambda c, d=d: c['uea'][d]['tokens_accuracy']) for d in ('epilepsy', 'racketsports')], len(rs)])
    if not rows: return None
    return table(['model', 'hapt macro-F1', 'wisdm_watch macro-F1', 'codes used on val %', 'code perplexity (val)', 'reconstruction R² (val)',
                  'Epilepsy: token histogram', 'RacketSports: token histogram', 'Epilepsy: token probe', 'RacketSports: token probe', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/codebook-main-s*/`, `results/codebook-pool-s*/` (`codebook.json`)."

def codebook_sweep():
    "Codebook size and action option (seed 0): what each does to the book, the reconstruction, the sub-action meaning of codes and zero-shot."
    variants = [('codebook-pool-k32-s0', '32 codes, action decoder (option 2)'), ('codebook-pool-s0', '64 codes, action decoder (option 2)'),
                ('codebook-pool-head-s0', '64 codes, action head (option 1)')]
    rows, runs = [], []
    for name, what in variants:
        r, c = load(name), load_cb(name)
        if not (r and c): continue
        runs.append(r)
        rows.append([what, f"{c['val_usage_pct']:.1f}", f"{c['val_perplexity']:.1f}", f"{c['val_recon_r2']:.3f}",
                     'yes' if c['flat_reconstruction'] else 'no', f"{c['code_subaction_entropy_bits']:.2f}",
                     f"{c['uea']['epilepsy']['histogram_accuracy']:.3f}", f"{c['uea']['racketsports']['histogram_accuracy']:.3f}",
                     *[f"{r[0]['zero_shot'][d]['macro_f1']:.3f}" for d in IMU_ZS]])
    if not rows: return None
    return table(['codebook', 'used on val %', 'perplexity', 'recon R²', 'flat?', 'code → sub-action entropy (bits)',
                  'Epilepsy histogram acc.', 'RacketSports histogram acc.', 'hapt macro-F1', 'wisdm_watch macro-F1'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/codebook-pool-*-s0/`."

def ablation():
    "IMU main-job ablation: one switch off per row, 3 seeds each, one commit."
    rows, runs = [], []
    for prefix, what in ((MAIN8, 'main job (rotation, gyro dropout, soft targets)'), ('ablation-norotate', 'no rotation augmentation'),
                         ('ablation-nogyrodrop', 'no gyroscope dropout')):
        rs = seeds(prefix)
        if not rs: continue
        runs += rs
        rows.append([what, *zs_cells(rs), *[ci(rs[0][0]['zero_shot'][d]) for d in IMU_ZS], len(rs)])
    if len(rows) < 2: return None
    return table(['configuration', 'hapt macro-F1 (mean ± std)', 'wisdm_watch macro-F1 (mean ± std)', 'hapt 95 % CI (seed 0)', 'wisdm_watch 95 % CI (seed 0)', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/main8-s*/`, `results/ablation-*-s*/`."

def pre_losses(name):
    "The last pre-training epoch's logged (weighted) terms of results/<name>, as 'rec / ms / patch / win'."
    r = load(name)
    if not r: return '–'
    h = r[0]['history'][-1]
    return ' / '.join(f"{h[k]:.3f}" for k in ('rec_loss', 'ms_loss', 'patch_loss', 'win_loss'))

PRE_ROWS = [(MAIN8, None, 'none (the main job)'), ('pretrained', 'pre', 'phase 2, every term (1.0 / 1.0 / 0.6 / 0.3)'),
            ('pretrained-p1', 'pre-p1', 'phase 1: reconstruction only'), ('pretrained-norec', 'pre-norec', 'phase 2 without reconstruction'),
            ('pretrained-noms', 'pre-noms', 'phase 2 without multi-scale'), ('pretrained-nopatch', 'pre-nopatch', 'phase 2 without patch contrastive'),
            ('pretrained-nowin', 'pre-nowin', 'phase 2 without window relational')]

def pretrain():
    "Zero-shot of the aligned model with and without masked teacher-student pre-training of its encoder; the pre-training's last-epoch terms."
    rows, runs = [], []
    for prefix, pre, what in PRE_ROWS:
        rs = seeds(prefix)
        if not rs: continue
        runs += rs
        vib, old = ([seeds(f'{p}-{"pretrained" if pre == "pre" else "nopre"}') for p in ('vibpt2', 'vibpt')] if pre in ('pre', None) else ([], []))
        runs += vib + old
        f1 = lambda v: pm([r[0]['zero_shot']['cwru_fe']['macro_f1'] for r in v]) if v else '–'
        rows.append([what, *zs_cells(rs), f1(vib), pre_losses(f'{pre}-s0') if pre else '–', pre_losses('vibpt2-pre-s0') if pre == 'pre' else '–', f1(old),
                     f"{len(rs)}" + (f" / {len(vib)}" if vib else '')])
    if len(rows) < 2: return None
    return table(['pre-training of the encoder', 'hapt macro-F1', 'wisdm_watch macro-F1', 'vibration: cwru_fe macro-F1',
                  'IMU pre-training, last epoch (seed 0): rec / ms / patch / win', 'vibration pre-training, last epoch (seed 0): rec / ms / patch / win',
                  'vibration before c8791c8 (bac6124, counting the shared recording): cwru_fe macro-F1', 'seeds (IMU / vibration)'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/main8-s*/`, `results/pre*-s*/`, `results/pretrained*-s*/`, `results/vibpt2-*-s*/`; before, `results/vibpt-*-s*/`."

FEWSHOT_ROWS = [('aligned (main job)', 'fewshot-main', 'trained', 'probe'), ('pre-trained + aligned', 'fewshot-pretrained', 'trained', 'probe'),
                ('pre-trained only (not aligned)', 'fewshot-pretrained', 'pretrained', 'probe'), ('random encoder', 'fewshot-pretrained', 'random', 'probe'),
                ('MiniRocket + ridge (raw windows)', 'fewshot-minirocket', 'none', 'minirocket'),
                ('MiniRocket + ridge, before the reference fix (1121cab)', 'fewshot-pretrained', 'none', 'minirocket')]

def fewshot():
    "k labelled windows per class from some subjects of a development set, scored on its other subjects: probes on frozen encoders against MiniRocket."
    import pandas as pd
    runs, rows = [], []
    for d in IMU_ZS:
        for what, prefix, enc, meth in FEWSHOT_ROWS:
            found = [f for f in (RES/f'{prefix}-{d}-s{k}' for k in range(3)) if (f/'transfer.csv').is_file()]
            if enc in ('random', 'none'): found = found[:1]        # seed-independent: the same control / shots in every run
            tabs = [pd.read_csv(f/'transfer.csv') for f in found]
            ts = [t[(t.encoder == enc) & (t.method == meth)].set_index('k') for t in tabs]
            keep = [i for i, t in enumerate(ts) if len(t)]
            if not keep: continue
            runs += [(None, json.loads((found[i]/'hyperparameters.json').read_text())) for i in keep]
            ts = [ts[i] for i in keep]
            cell = (lambda k: pm([t.macro_f1_mean.get(k) for t in ts])) if len(ts) > 1 else \
                   (lambda k: f"{ts[0].macro_f1_mean[k]:.3f} ± {ts[0].macro_f1_std[k]:.3f}")
            z = pm([tabs[i][tabs[i].method == 'zero_shot'].macro_f1_mean.iloc[0] for i in keep]) if enc == 'trained' else '–'
            rows.append([d, what, z, *[cell(k) for k in (1, 2, 5, 10)], f"{len(ts)} model seeds" if len(ts) > 1 else '3 shot draws'])
    if not rows: return None
    return table(['development set', 'features', 'k = 0 (zero-shot)', 'k = 1', 'k = 2', 'k = 5', 'k = 10', '± over'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/fewshot-*/` (`transfer.csv`: accuracy and macro-F1 of every k, mean and spread over 3 shot draws)."

LODO_FOLDS = ('mobifall', 'spar', 'dsads', 'chest_acc')   # a fall set (pocket), a wrist set, a multi-position set, an accelerometer-only set

LODO_ROWS = (('base', 'main job'), ('channel_text', 'channel descriptions on the tokens, with x/y/z letters (channel_text before 1af6533)'),
             ('channel_pos', 'channel descriptions on the tokens, sensor and position only (channel_text)'),
             ('placement_prompt', 'placement in the class prompt (placement_prompt)'), ('perceiver', 'perceiver pool (pool=perceiver)'),
             ('bank_attention', 'label bank: attention, learnable (label_pool=attention)'), ('bank_mean_learned', 'label bank: mean, learnable (mean_learned)'),
             ('bank_attention_frozen', 'label bank: attention, frozen (attention_frozen)'),
             ('text_aug', 'text augmentation, soft targets (text_aug)'), ('text_aug_hard', 'text augmentation, hard targets (text_aug, soft_targets=false)'),
             ('lsa', 'LSA fusion (fusion=lsa)'), ('time_warp', 'time warp 0.2 (time_warp)'), ('rate_jitter', 'rate jitter 0.2 (rate_jitter)'),
             ('dyn_scale', 'movement scaling 0.3 (dyn_scale)'), ('rotate45', 'rotations up to 45° (rotate_max_deg=45)'),
             ('augs', 'time warp + rate jitter + movement scaling'),
             ('diverse', 'epilepsy and racketsports added to the training mix'),
             ('diverse_ta', 'epilepsy and racketsports added, with text augmentation'))

def lodo_screen():
    "Screening of issue 11's switches: each of four training sets held out in turn (seed 0), the development sets reported beside."
    rows, runs = [], []
    for cfg, what in LODO_ROWS:
        rs = {f: load(f'lodo-{cfg}-{f}-s0') for f in LODO_FOLDS}
        if not all(rs.values()): continue
        runs += list(rs.values())
        held = [rs[f][0]['zero_shot'][f]['macro_f1'] for f in LODO_FOLDS]
        dev = [np.mean([r[0]['zero_shot'][d]['macro_f1'] for r in rs.values()]) for d in IMU_ZS]
        rows.append([what, *[f"{x:.3f}" for x in held], f"{np.mean(held):.3f}", *[f"{x:.3f}" for x in dev]])
    if len(rows) < 2: return None
    base = {f: load(f'lodo-base-{f}-s0')[0]['zero_shot'] for f in LODO_FOLDS}
    chance = [base[f][f]['chance_macro_f1'] for f in LODO_FOLDS]
    rows.append(['chance macro-F1 (classes)', *[f"{c:.3f} ({base[f][f]['n_classes']})" for c, f in zip(chance, LODO_FOLDS)], f"{np.mean(chance):.3f}",
                 *[f"{np.mean([base[f][d]['chance_macro_f1'] for f in LODO_FOLDS]):.3f}" for d in IMU_ZS]])
    return table(['configuration', *[f'held out: {f}' for f in LODO_FOLDS], 'mean of the four', 'hapt (dev), mean of 4 runs', 'wisdm_watch (dev), mean of 4 runs'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-*-s0/`."

CONFIRM_ROWS = (('base', 'main job (eight-set mix)', None), ('text_aug', 'text augmentation, soft targets (text_aug)', ('base', 'main job')),
                ('diverse', 'wider mix: epilepsy and racketsports added (the defaults since c3cf6ce)', ('base', 'main job')),
                ('diverse_rot45', 'wider mix, rotations up to 45° (rotate_max_deg=45)', ('diverse', 'wider mix')),
                ('hub', 'the defaults since 3559223 (wider mix, gravity_drop 0.3, hubness correction)', None),
                ('attn', 'the defaults with the learnable attention label bank (label_pool=attention)', ('hub', 'defaults')))   # configuration, label, (the row it is paired with, its short name)

def lodo_confirm():
    "Confirmation of the screening's best switches: three seeds on the same four folds, mean ± seed sd per fold and of the four-fold mean, and the paired gain over the row it changes."
    rows, runs, mean4 = [], [], {}
    for cfg, what, ref in CONFIRM_ROWS:
        per = {f: [load(f'lodo-{cfg}-{f}-s{k}') for k in range(3)] for f in LODO_FOLDS}
        if not all(all(v) for v in per.values()): continue
        runs += [r for v in per.values() for r in v]
        held = {f: [r[0]['zero_shot'][f]['macro_f1'] for r in per[f]] for f in LODO_FOLDS}
        mean4[cfg] = np.array([np.mean([held[f][k] for f in LODO_FOLDS]) for k in range(3)])
        gain = f"{gains(mean4[cfg], mean4[ref[0]])} (over the {ref[1]})" if ref and ref[0] in mean4 else '–'
        dev = [[np.mean([per[f][k][0]['zero_shot'][d]['macro_f1'] for f in LODO_FOLDS]) for k in range(3)] for d in IMU_ZS]
        rows.append([what, *[pm(held[f]) for f in LODO_FOLDS], pm(mean4[cfg]), gain, *[pm(x) for x in dev]])
    if len(rows) < 2: return None
    return table(['configuration (3 seeds)', *[f'held out: {f}' for f in LODO_FOLDS], 'mean of the four', 'paired gain, seeds 0 / 1 / 2',
                  'hapt (dev)', 'wisdm_watch (dev)'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-<configuration>-<held out>-s[0-2]/`."

GRAVITY_FREE = ('basicmotions', 'racketsports')   # the bundled sets whose accelerometers report gravity-removed acceleration (their meta.json `gravity`)

def row_means(rows, part, c, ks):
    "Per seed k in `ks`: the mean of field `c` over the screen rows (JSON lines with 'set' and 'seed') of the sets `part`."
    return [np.mean([r[c] for r in rows if r['set'] in part and r['seed'] == k]) for k in ks]

def fold_rows(path, fold):
    "The screen rows in `path` of the runs lodo-<fold>-<set>-s<k>."
    return [r for r in screen_rows(path) or [] if r['run'].startswith(f'lodo-{fold}-')]

def seed_means(values, part, ks):
    "Per seed k in `ks`: the mean over the sets `part` of `values` ({set: one value per seed})."
    return [np.mean([values[ds][k] for ds in part]) for k in ks]

SWING = 'basicmotions'   # 400 windows in 4 classes: the fold that swings most between settings; screens since f7891a2 also need a gain on the other nine

def held_out_means(sets, train):
    "The averages under a leave-one-dataset-out table: (row label, sets) for all its sets, for the training sets held out, and for those without SWING."
    held = [d for d in sets if d in train]
    calm = [d for d in held if d != SWING]
    return ((f'**mean of the {len(sets)} sets**', sets),) * (len(held) < len(sets)) + ((f'mean of the {len(held)} training sets held out', held),) * bool(held) + \
        ((f'mean of the {len(calm)} without {SWING}', calm),) * (0 < len(calm) < len(held))

def full_runs(mix_prefix, fold_cfg, train=None):
    "The `mix_prefix` runs' (None: no main-job runs) training sets, and {bundled IMU set: its runs, one per seed}: each training set by the runs that held it out (lodo-<fold_cfg>-<set>-s<k>), the sets the mix runs score zero-shot by them; without mix runs, the folds of the training sets `train` alone."
    mix = seeds(mix_prefix) if mix_prefix else []
    if mix: train = mix[0][1]['config']['data']['train_sets']
    if not train: return [], {}
    return train, ({ds: mix for ds in mix[0][0]['zero_shot']} if mix else {}) | {ds: list(itertools.takewhile(bool, (load(f'lodo-{fold_cfg}-{ds}-s{k}') for k in range(3)))) for ds in train}   # seeds 0, 1, … up to the first missing: list position = seed

def lodo_full():
    "The defaults' full leave-one-dataset-out table: each of the main job's training sets held out in turn (trained on the others), the development sets scored by the main job; beside it, the earlier defaults (PREVIOUS) on the same held-out sets and seeds, with the per-seed gain over the newest of them."
    (train, new), prev = full_runs(*DEFAULTS), [full_runs(m, f)[1] for m, f, _ in PREVIOUS]
    sides = [new] + prev
    sets = sorted(ds for ds in new if all(side.get(ds) for side in sides))
    if not sets: return None
    f1 = [{ds: [r[0]['zero_shot'][ds]['macro_f1'] for r in side[ds]] for ds in sets} for side in sides]   # per side: one value per seed
    ks = range(min(len(v) for side in f1 for v in side.values()))   # the seeds every set has on every side
    rows, runs, chances = [], [], {}
    for ds in sets:
        runs += [r for side in sides for r in side[ds]]
        m = new[ds][0][0]['zero_shot'][ds]; chances[ds] = m['chance_macro_f1']
        rows.append([ds + (' (dev)' if ds in IMU_ZS else ''), f'the other {len(train) - 1} training sets' if ds in train else 'the main job', m['n_classes'], m['n'], pm(f1[0][ds]), ci(m),
                     f"{m['chance_macro_f1']:.3f}", f"{np.mean(f1[0][ds]) / m['chance_macro_f1']:.1f}×", pm(f1[1][ds]), gains(f1[0][ds], f1[1][ds]), *[pm(v[ds]) for v in f1[2:]], len(f1[0][ds])])
    with_g = [ds for ds in sets if ds not in GRAVITY_FREE]
    for what, part in ((f'**mean of the {len(sets)} sets**', sets), (f'mean of the {len(with_g)} sets with gravity', with_g)):
        mean = [seed_means(v, part, ks) for v in f1]   # per side and seed: mean over the part's sets
        chance = np.mean([chances[ds] for ds in part])
        rows.append([what, '', '', '', pm(mean[0]), '', f"{chance:.3f}", f"{np.mean(mean[0]) / chance:.1f}×", pm(mean[1]), gains(mean[0], mean[1]), *[pm(v) for v in mean[2:]], len(ks)])
    return table(['held out', 'trained on', 'classes', 'windows', 'macro-F1 (mean ± seed sd)', '95 % CI (seed 0, subject bootstrap)', 'chance macro-F1',
                  '× chance', *[label for _, _, label in PREVIOUS[:1]], 'gain per seed', *[label for _, _, label in PREVIOUS[1:]], 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/{DEFAULTS[0]}-s*/`, `results/lodo-{DEFAULTS[1]}-*-s[0-2]/`; earlier defaults " + \
        ', '.join(f"`results/{m}-s*/`, `results/lodo-{f}-*-s[0-2]/`" for m, f, _ in PREVIOUS) + '.'

def lodo_pair(key, base, other, labels, note, runs_of=HUB_ALL, chance=lambda m: m['chance_macro_f1'], count=None):
    "The leave-one-dataset-out runs of the defaults `runs_of` (main job, fold name) scored two ways from the same weights (`base`, `other`: metrics -> (macro-F1, CI dict or None)), per held-out set and seed, with the per-seed gain; only sets whose metrics have `key`. `labels`: the two scores' and the CI's column heads; `chance`: metrics -> the chance macro-F1 of `other`; `count`: (column head, metrics -> the number `other` scores), or None for no such column."
    train, new = full_runs(*runs_of)
    sets = sorted(ds for ds in new if new[ds] and all(key in r[0]['zero_shot'][ds] for r in new[ds]))
    if not sets: return None
    get = lambda ds, f: [f(r[0]['zero_shot'][ds])[0] for r in new[ds]]   # one value per seed
    a, b = ({ds: get(ds, f) for ds in sets} for f in (base, other))
    rows, runs = [], []
    for ds in sets:
        runs += new[ds]; m = new[ds][0][0]['zero_shot'][ds]
        rows.append([ds + (' (dev)' if ds in IMU_ZS else ''), m['n_classes'], *([count[1](m)] if count else []), pm(a[ds]), pm(b[ds]), gains(b[ds], a[ds]), ci({'ci95': other(m)[1]}),
                     f"{chance(m):.3f}", f"{np.mean(b[ds]) / chance(m):.1f}×", len(b[ds])])
    ks = range(min(len(v) for v in b.values()))
    for what, part in held_out_means(sets, train):
        ma, mb = (seed_means(v, part, ks) for v in (a, b))
        rows.append([what, '', *[''] * bool(count), pm(ma), pm(mb), gains(mb, ma), '', '', '', len(ks)])
    return table(['held out', 'classes', *([count[0]] if count else []), *labels[:2], 'gain per seed', labels[2], 'chance macro-F1', '× chance', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/{runs_of[0]}-s*/`, `results/lodo-{runs_of[1]}-*-s[0-2]/` ({note})."

def lodo_adapt():
    "The defaults' leave-one-dataset-out runs scored inductively (the headline) and adapted to the held-out set's unlabelled windows (`transductive`, Sinkhorn class balancing)."
    return lodo_pair('transductive', lambda m: (m['macro_f1'], m.get('ci95')), lambda m: (m['transductive']['macro_f1'], m['transductive'].get('ci95')),
                     ('inductive macro-F1 (the headline)', 'adapted to the held-out set (transductive)', '95 % CI adapted (seed 0, subject bootstrap, the adaptation held fixed)'), "`transductive` in each held-out set's metrics; its interval resamples subjects of the scores adapted once on the whole set, so it leaves out how the adaptation itself would vary")

def lodo_hub():
    "The ablation of the hubness correction: the defaults' leave-one-dataset-out runs scored from the same weights without it (`hubness.uncorrected_macro_f1`) and with it (the headline)."
    return lodo_pair('hubness', lambda m: (m['hubness']['uncorrected_macro_f1'], None), lambda m: (m['macro_f1'], m.get('ci95')),
                     ('uncorrected macro-F1 (no hubness bank)', 'corrected macro-F1 (the default, the headline)', '95 % CI corrected (seed 0, subject bootstrap)'), "`hubness` in each held-out set's metrics")

REC_RUNS = ('main-rec', 'rec')   # the HUB_ALL defaults re-run at 73abb9a (same configuration), whose metrics hold the per-recording score

def lodo_rec():
    "The defaults' leave-one-dataset-out runs scored per window (the headline) and per recording (`per_recording`: each segment's mean window score), from the same weights."
    return lodo_pair('per_recording', lambda m: (m['macro_f1'], m.get('ci95')), lambda m: (m['per_recording']['macro_f1'], m['per_recording'].get('ci95')),
                     ('per window (the headline)', 'per recording', '95 % CI per recording (seed 0, subject bootstrap)'), "`per_recording` in each held-out set's metrics",
                     runs_of=REC_RUNS, chance=lambda m: m['per_recording']['chance_macro_f1'], count=('recordings', lambda m: m['per_recording']['n']))

ALL_RUNS = 'all11'   # leave-one-dataset-out with every other bundled IMU set in training, the development sets included: lodo-<ALL_RUNS>-<set>-s<k> (the REC_RUNS defaults, at 480914a)
ALL_PV75 = 'all11p'   # the same with the PV75 defaults, imutext-base's mix and configuration before the resampling fix, at 8a70bcc
ALL_DEFAULTS = 'all11e'   # the same with the defaults of ae36c68 (EDGE), imutext-base's mix and configuration: the evidence of its card

def lodo_all(narrow=REC_RUNS, wide_fold=ALL_RUNS):   # (main-job runs, fold name) of a configuration; fold name of its runs on the wider mix
    "Each training set held out in turn, trained on the other training sets (the `narrow` folds, the development sets held out) or on every other bundled IMU set (lodo-<wide_fold>-*: the development sets in the training mix too), per seed, with the per-seed gain and the hub class of the wider mix."
    from imutext.eval.debug import hub_share
    train, rec = full_runs(*narrow)
    wide = {ds: [r for r in (load(f'lodo-{wide_fold}-{ds}-s{k}') for k in range(3)) if r] for ds in train}
    sets = sorted(ds for ds in train if wide[ds] and rec.get(ds))
    if not sets: return None
    ks = range(min(min(len(wide[ds]), len(rec[ds])) for ds in sets))
    a, b = ({ds: [side[ds][k][0]['zero_shot'][ds]['macro_f1'] for k in ks] for ds in sets} for side in (rec, wide))
    rows, runs = [], []
    for ds in sets:
        runs += [side[ds][k] for side in (rec, wide) for k in ks]; m = wide[ds][0][0]['zero_shot'][ds]
        h, p, q = hub_share(m['confusion'])
        rows.append([ds, m['n_classes'], pm(a[ds]), pm(b[ds]), gains(b[ds], a[ds]), ci(m), f"{m['chance_macro_f1']:.3f}", f"{np.mean(b[ds]) / m['chance_macro_f1']:.1f}×",
                     f"{m['label_names'][h]} ({100 * p:.0f} % / {100 * q:.0f} %)", len(ks)])
    for what, part in held_out_means(sets, train):
        ma, mb = (seed_means(v, part, ks) for v in (a, b))
        rows.append([what, '', pm(ma), pm(mb), gains(mb, ma), '', '', '', '', len(ks)])
    return table(['held out', 'classes', f'trained on the other {len(train) - 1} training sets (the defaults\' folds)', f'trained on the other {len(train) - 1 + len(IMU_ZS)} bundled sets (+ {", ".join(IMU_ZS)})',
                  'gain per seed', '95 % CI, wider mix (seed 0, subject bootstrap)', 'chance macro-F1', '× chance', 'hub class, wider mix, seed 0 (% of predictions / % of labels)', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{narrow[1]}-*-s[0-{ks[-1]}]/`, `results/lodo-{wide_fold}-*-s[0-{ks[-1]}]/`."

def hub_classes():
    "Per held-out set of the REC_RUNS and seed: the class that takes the most of its windows beyond its own share (`eval.debug.hub_share` of the confusion matrix)."
    from imutext.eval.debug import hub_share
    train, new = full_runs(*REC_RUNS)
    sets = sorted(ds for ds in new if new[ds])
    if not sets: return None
    def cell(m):
        k, p, q = hub_share(m['confusion'])
        return f"{m['label_names'][k]} ({100 * p:.0f} % / {100 * q:.0f} %)"
    ks = range(min(len(new[ds]) for ds in sets))
    rows = [[ds + (' (dev)' if ds in IMU_ZS else ''), new[ds][0][0]['zero_shot'][ds]['n_classes'], *[cell(new[ds][k][0]['zero_shot'][ds]) for k in ks]] for ds in sets]
    return table(['held out', 'classes', *[f'seed {k}: class (% of predictions / % of labels)' for k in ks]], rows) + \
        f"\n\nCommit {commit([r for ds in sets for r in new[ds]])}; run files `results/{REC_RUNS[0]}-s*/`, `results/lodo-{REC_RUNS[1]}-*-s[0-2]/` (`confusion` in each held-out set's metrics)."

STRENGTH_SCREEN = RES/'hub-strength-screen'/'screen.jsonl'   # scripts/hub_strength_screen.py on the checkpoints of the REC_RUNS (seeds 0-2)
TEXT_HUB_SCREEN = RES/'text-hub-screen'/'screen.jsonl'        # scripts/text_hub_screen.py on the same checkpoints
SEEN_CLASS_SCREEN = RES/'seen-class-screen'/'screen.jsonl'    # scripts/seen_class_screen.py (until ec77b87) on the same checkpoints
BARS = (0.242, 0.175)   # a seed-0 screen's bars: the ten-fold mean and the mean of the nine folds without SWING (RESULTS.md, "A second bar for a screen")

def replay_screen(path, label, script, runs_of=REC_RUNS, bars=BARS, at=None):   # runs_of: (main-job runs, fold name) whose weights were replayed; bars: the screen's (ten-fold, nine-fold) bars; at: the last commit with `script`, once removed
    "A screen of score corrections replayed on the weights of `runs_of` (`path`: the JSON lines `script` wrote; `label`: cell key -> row label): seed-0 means against `bars`, the three-seed means, per recording, and the development sets."
    rows_in = screen_rows(path)
    if not rows_in: return None
    cells = [k for k in rows_in[0] if k not in ('run', 'seed', 'set') and not k.startswith('rec_')]
    held = [r for r in rows_in if r['set'] not in IMU_ZS]
    ks = sorted({r['seed'] for r in held})
    ten = {r['set'] for r in held}; nine = ten - {SWING}
    mean = lambda c, k, calm=False: row_means(held, nine if calm else ten, c, [k])[0]
    dev = [d for d in IMU_ZS if any(r['set'] == d for r in rows_in)]   # the development sets, where the main job's runs were replayed too
    rows = []
    for c in cells:
        s0, n0 = mean(c, ks[0]), mean(c, ks[0], True)
        rows.append([label(c), f"{s0:.3f}", f"{n0:.3f}", 'yes' if s0 >= bars[0] and n0 >= bars[1] else 'no', pm([mean(c, k) for k in ks]), pm([mean(c, k, True) for k in ks]),
                     pm([mean('rec_' + c, k) for k in ks]), *[pm([r[c] for r in rows_in if r['set'] == d]) for d in dev]])
    runs = [load(r['run']) for r in rows_in]
    return table(['correction of the scores', f'ten folds, seed {ks[0]}', f'nine without {SWING}, seed {ks[0]}', f'both bars ({bars[0]:.3f} / {bars[1]:.3f})',
                  f'ten folds, seeds {ks[0]}-{ks[-1]}', f'nine, seeds {ks[0]}-{ks[-1]}', f'ten folds per recording, seeds {ks[0]}-{ks[-1]}', *[f'{d} (dev, main job)' for d in dev]], rows) + \
        f"\n\nCommit {commit([r for r in runs if r])}; run files {f'`results/{runs_of[0]}-s*/`, ' if dev else ''}`results/lodo-{runs_of[1]}-*-s[0-2]/`, scores `{path.relative_to(ROOT)}` (`python scripts/{script}`{f' at {at}, the last commit that has it' if at else ''})."

STRENGTH_SCREEN_PV = RES/'hub-strength-screen'/'pv75.jsonl'   # the same script on the checkpoints of the PV75 defaults (seeds 0-2)
PV_BARS = (0.284, 0.216)   # screens on the PV75 defaults: their three-seed ten-fold and nine-fold means (0.274, 0.206) + 0.010

def hub_strength_screen(path=STRENGTH_SCREEN, runs_of=REC_RUNS, bars=BARS):
    "The screen of the hubness correction's strength (hub_alpha, hub_k) on the weights of `runs_of`."
    c = load(f'lodo-{runs_of[1]}-dsads-s0')[1]['config']['clip']
    def label(cell):
        a, k = (float(x[1:]) for x in cell.split('_'))
        return 'uncorrected (alpha 0)' if a == 0 else f"alpha {a:g}, k {k:g}" + (' (the defaults)' if (a, k) == (c['hub_alpha'], c['hub_k']) else '')
    return replay_screen(path, label, 'hub_strength_screen.py', runs_of, bars)

def text_hub_screen():
    "The screen of the text-side hubness term (each class text's mean cosine with the folder's other class texts, times beta) on the REC_RUNS' weights, beside the default correction."
    return replay_screen(TEXT_HUB_SCREEN, lambda c: 'the defaults (beta 0)' if c == 'b0' else f"the defaults - {c[1:]} x mean cosine with the other class texts", 'text_hub_screen.py')

def seen_class_screen():
    "The screen of two-hop scores through the training classes (ConSE) mixed into the default scores, on the REC_RUNS' weights."
    def label(c):
        if c == 'default': return 'the defaults (direct scores only)'
        t, l = c[1:].split('_l')
        return f"{1 - float(l):g} x direct + {l} x two-hop, " + ('all training classes' if t == '0' else f"top {t} training class" + ('es' if t != '1' else ''))
    return replay_screen(SEEN_CLASS_SCREEN, label, 'seen_class_screen.py', at='ec77b87')   # the script read the training classes' text embeddings that checkpoints kept for ClipCfg.hub_same

ENSEMBLE_SCREEN = RES/'ensemble-screen'/'screen.jsonl'   # scripts/ensemble_screen.py on the checkpoints of ENSEMBLE_MIXES' folds (seeds 0-2)
ENSEMBLE_MIXES = ((REC_RUNS[1], "the defaults' ten-set mix"), (ALL_RUNS, "imutext-base's eleven-set mix"))   # the folds' name lodo-<mix>-<set>-s<k> -> label

def ensemble_screen():
    "Seed ensembles replayed on the weights of two mixes' folds: per held-out set the single models, the pairs of seeds and all seeds together (each window scored by the mean of the members' scores), with each ensemble's gain over the mean of its members."
    rows_in = screen_rows(ENSEMBLE_SCREEN)
    if not rows_in: return None
    ks = sorted({r['seeds'][0] for r in rows_in if len(r['seeds']) == 1})
    pairs, every = list(itertools.combinations(ks, 2)), tuple(ks)
    rows, runs = [], []
    for mix, label in ENSEMBLE_MIXES:
        got = {(r['set'], tuple(r['seeds'])): r['macro_f1'] for r in rows_in if r['mix'] == mix}
        sets = sorted({ds for ds, _ in got})
        value = lambda sub, part: np.mean([got[ds, sub] for ds in part])                    # the ensemble `sub`'s mean over the sets `part`
        members = lambda sub, part: np.mean([got[ds, (k,)] for ds in part for k in sub])   # its members' mean
        runs += [r for r in (load(f'lodo-{mix}-{ds}-s{k}') for ds in sets for k in ks) if r]
        for what, part in [(ds, [ds]) for ds in sets] + list(held_out_means(sets, sets)):
            rows.append([label, what, pm([value((k,), part) for k in ks]), f"{np.mean([value(p, part) for p in pairs]):.3f}", ' / '.join(f"{value(p, part) - members(p, part):+.3f}" for p in pairs),
                         f"{value(every, part):.3f}", f"{value(every, part) - members(every, part):+.3f}"])
    return table(['mix', 'held out', 'one model (mean ± std over the seeds)', 'two seeds (mean of the pairs)', f"change per pair over its members' mean ({' / '.join('+'.join(map(str, p)) for p in pairs)})",
                  f'all {len(ks)} seeds', f"change over the {len(ks)} members' mean"], rows) + \
        f"\n\nCommit {commit(runs)}; run files " + ', '.join(f"`results/lodo-{m}-*-s[0-2]/`" for m, _ in ENSEMBLE_MIXES) + f", scores `{ENSEMBLE_SCREEN.relative_to(ROOT)}` (`python scripts/ensemble_screen.py`)."

PADDING_SCREEN = RES/'padding-screen'/'screen.jsonl'   # scripts/padding_screen.py on the checkpoints of the REC_RUNS (seeds 0-2)

def padding_screen():
    "Mirrored against repeated-last-value padding of short segments, replayed on the REC_RUNS' weights: each held-out set as bundled and re-cut into 2.56 s segments."
    rows_in = screen_rows(PADDING_SCREEN)
    if not rows_in: return None
    sets, ks = sorted({r['set'] for r in rows_in}), sorted({r['seed'] for r in rows_in})
    per = lambda ds, c: [r[c] for r in rows_in if r['set'] == ds]
    cols = ('edge', 'reflect', 'edge_256', 'reflect_256')
    rows = [[ds, f"{per(ds, 'padded_share')[0]:.0%}", *[pm(per(ds, c)) for c in cols]] for ds in sets]
    rows.append([f'**mean of the {len(sets)} held-out sets**', '', *[pm(row_means(rows_in, sets, c, ks)) for c in cols]])
    return table(['held out', 'windows padded (as bundled)', 'as bundled: last value repeated', 'as bundled: mirrored (the padding now)',
                  're-cut to 2.56 s: last value repeated', 're-cut to 2.56 s: mirrored'], rows) + \
        f"\n\nCommit {commit([r for r in (load(x['run']) for x in rows_in) if r])}; run files `results/lodo-{REC_RUNS[1]}-*-s[0-2]/`, scores `{PADDING_SCREEN.relative_to(ROOT)}` (`python scripts/padding_screen.py`); seeds {ks[0]}-{ks[-1]}, mean ± sd over seeds."

SEPARABILITY_SCREEN = RES/'separability-screen'/'screen.jsonl'   # scripts/separability_screen.py on the checkpoints of SEPARABILITY_RUNS' ten folds

SEPARABILITY_RUNS = 'def40'   # the defaults re-run at the commit of lodo_screen10m: lodo-<this>-<set>-s0

def separability_screen():
    "Per held-out set of the defaults' folds: zero-shot macro-F1 beside the same features scored by class centroids and by a logistic probe (group cross-validation), and how often a class's mean feature picks its own text; mean ± sd over the seeds replayed."
    rows_in = fold_rows(SEPARABILITY_SCREEN, SEPARABILITY_RUNS)
    if not rows_in: return None
    sets, ks = sorted({r['set'] for r in rows_in}, key=lambda d: np.mean([r['zero_shot'] for r in rows_in if r['set'] == d])), sorted({r['seed'] for r in rows_in})
    per = lambda part, c: row_means(rows_in, part, c, ks)
    gap = lambda part: [p - z for p, z in zip(per(part, 'probe'), per(part, 'zero_shot'))]
    first = {d: next(r for r in rows_in if r['set'] == d) for d in sets}
    rows = [[d, first[d]['classes'], first[d]['groups'], *[pm(per([d], c)) for c in ('zero_shot', 'centroid', 'probe')], pm(gap([d])),
             f"{pm(per([d], 'centroid_own_text'), 2)} ({first[d]['chance_own_text']:.2f})"] for d in sets]
    rows.append([f'**mean of the {len(sets)} held-out sets**', '', '', *[pm(per(sets, c)) for c in ('zero_shot', 'centroid', 'probe')], pm(gap(sets)),
                 f"{pm(per(sets, 'centroid_own_text'), 2)} ({np.mean([first[d]['chance_own_text'] for d in sets]):.2f})"])
    return table([f'held out (seeds {ks[0]}-{ks[-1]})' if len(ks) > 1 else f'held out (seed {ks[0]})', 'classes', 'subjects (recordings where unknown)', 'zero-shot: class texts',
                  'class centroids of other subjects', 'logistic probe, other subjects', 'probe - zero-shot', 'classes whose mean feature scores its own text highest (chance)'], rows) + \
        f"\n\nCommit {commit([r for r in (load(x['run']) for x in rows_in) if r])}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s*/`, scores `{SEPARABILITY_SCREEN.relative_to(ROOT)}` (`python scripts/separability_screen.py`); mean ± sd over seeds."

TEXT_SOURCE_SCREEN = RES/'text-source-screen'/'screen.jsonl'   # scripts/text_source_screen.py on the same checkpoints
TEXT_SOURCE_HEADS = dict(default='name + description (the defaults)', keywords='+ keywords', sentence='+ sentence', affirmative='+ affirmative sentence', subactions='+ sub-actions',
                         every='+ all four', cache_only='the four cache sources, without name and description')   # JSON key -> column head
TEXT_SOURCE_PICK = 'every'   # the cell that passed the seed-0 screen, confirmed on seeds 1 and 2

def _text_source_rows():
    return fold_rows(TEXT_SOURCE_SCREEN, SEPARABILITY_RUNS)

def text_source_screen():
    "Held-out class texts from more sources of the sub-action cache at scoring time, replayed on the SEPARABILITY_RUNS' seed-0 weights: per held-out set, the ten-fold and nine-fold means against BARS."
    rows_in = sorted([r for r in _text_source_rows() if r['seed'] == 0], key=lambda r: r['set'])
    if not rows_in: return None
    cells = [k for k in rows_in[0] if k not in ('run', 'seed', 'set')]
    rows = [[r['set'], *[f"{r[c]:.3f}" for c in cells]] for r in rows_in]
    ten, nine = (lambda c: np.mean([r[c] for r in rows_in])), (lambda c: np.mean([r[c] for r in rows_in if r['set'] != SWING]))
    rows += [[f'**mean of the {len(rows_in)} held-out sets**', *[f"{ten(c):.3f}" for c in cells]], [f'mean of the {len(rows_in) - 1} without {SWING}', *[f"{nine(c):.3f}" for c in cells]],
             [f'both bars ({BARS[0]:.3f} / {BARS[1]:.3f})', *['yes' if ten(c) >= BARS[0] and nine(c) >= BARS[1] else 'no' for c in cells]]]
    return table(['held out (seed 0)', *[TEXT_SOURCE_HEADS.get(c, c) for c in cells]], rows) + \
        f"\n\nCommit {commit([r for r in (load(x['run']) for x in rows_in) if r])}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s0/`, scores `{TEXT_SOURCE_SCREEN.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)."

def text_source_confirm():
    "TEXT_SOURCE_PICK against the defaults' texts on the same weights, every seed replayed: per held-out set mean ± sd and the change per seed, then the ten-fold and nine-fold means."
    rows_in = _text_source_rows()
    ks = sorted({r['seed'] for r in rows_in})
    if len(ks) < 2: return None
    sets = sorted({r['set'] for r in rows_in})
    per = lambda part, c: row_means(rows_in, part, c, ks)
    classes = lambda part: '' if len(part) > 1 else load(f'lodo-{SEPARABILITY_RUNS}-{part[0]}-s{ks[0]}')[0]['zero_shot'][part[0]]['n_classes']
    rows = [[what, classes(part), pm(per(part, 'default')), pm(per(part, TEXT_SOURCE_PICK)),
             gains(per(part, TEXT_SOURCE_PICK), per(part, 'default')), len(ks)] for what, part in [(d, [d]) for d in sets] + list(held_out_means(sets, sets))]
    return table(['held out', 'classes', TEXT_SOURCE_HEADS['default'], f"name + description {TEXT_SOURCE_HEADS[TEXT_SOURCE_PICK]} of the cache", 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit([r for r in (load(x['run']) for x in rows_in) if r])}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s[{ks[0]}-{ks[-1]}]/`, scores `{TEXT_SOURCE_SCREEN.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)."

TEXT_SOURCE_TRAINED = RES/'text-source-screen'/'trained.jsonl'   # scripts/text_source_screen.py on the runs trained with the cache texts
TRAINED_RUNS = 'trt'   # those runs: lodo-<this>-<set>-s<k>, -p text_sources name,description,keywords,sentence,affirmative,subactions
CENTRED_RUNS = 'tc'    # the same texts with each set's class embeddings centred: the same text_sources, -p center_sets true
HARD_RUNS = 'th'      # the same texts with hard targets: the same text_sources, -p soft_targets false
PLAIN_RUNS = 'pv'     # the same with name + description alone for half the classes per step: -p soft_targets false -p plain_views 0.5
PLAIN75_RUNS = PV75[1]  # the same with plain_views 0.75: the defaults since they were confirmed

def text_source_trained(fold, what):
    "The runs lodo-<fold>-* (trained with the cache texts, `what` says how) against SEPARABILITY_RUNS (trained with name + description) on the same folds and seeds: scored as trained, and with name + description only, as a folder without a sub-action cache is; per held-out set mean ± sd and the change per seed, then the ten-fold and nine-fold means."
    new, old = fold_rows(TEXT_SOURCE_TRAINED, fold), _text_source_rows()
    ks = sorted({r['seed'] for r in new} & {r['seed'] for r in old})
    if not ks: return None
    sets = sorted({r['set'] for r in new if r['seed'] in ks})
    rows = []
    for label, part in [(d, [d]) for d in sets] + list(held_out_means(sets, sets)):
        base, every, plain = row_means(old, part, 'default', ks), row_means(new, part, 'every', ks), row_means(new, part, 'default', ks)
        rows.append([label, pm(base), pm(every), gains(every, base), pm(plain), gains(plain, base), len(ks)])
    runs = [r for r in (load(x['run']) for x in new + old if x['seed'] in ks) if r]
    return table(['held out', 'trained and scored with name + description', f'trained and scored with {what}', 'change per seed',
                  f'trained with {what}, scored with name + description (a folder without a cache)', 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s[{ks[0]}-{ks[-1]}]/`, `results/lodo-{fold}-*-s[{ks[0]}-{ks[-1]}]/`, scores `{TEXT_SOURCE_TRAINED.relative_to(ROOT)}`, `{TEXT_SOURCE_SCREEN.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)."

def defaults_screen(fold, what, base=PV75[1]):
    "The runs lodo-<fold>-* (a switch on the defaults, `what` says which) against the defaults' folds `base` (by default those before the resampling fix) at the same seeds, each scored as trained and with name + description only (a folder without a sub-action cache; scripts/text_source_screen.py): per held-out set mean ± sd and the change per seed, then the ten-fold and nine-fold means."
    new, old = fold_rows(TEXT_SOURCE_TRAINED, fold), fold_rows(TEXT_SOURCE_TRAINED, base)
    ks = sorted({r['seed'] for r in new} & {r['seed'] for r in old})
    sets = sorted({r['set'] for r in new if r['seed'] in ks})
    if not ks or any({r['set'] for r in new if r['seed'] == k} != set(sets) for k in ks): return None   # only whole seeds
    rows = []
    for label, part in [(d, [d]) for d in sets] + list(held_out_means(sets, sets)):
        cells = [row_means(rows_, part, c, ks) for c in ('every', 'default') for rows_ in (old, new)]
        rows.append([label, pm(cells[0]), pm(cells[1]), gains(cells[1], cells[0]), pm(cells[2]), pm(cells[3]), gains(cells[3], cells[2]), len(ks)])
    runs = [r for r in (load(x['run']) for x in new + old if x['seed'] in ks) if r]
    seeds = f's{ks[0]}' if len(ks) == 1 else f's[{ks[0]}-{ks[-1]}]'
    return table(['held out', 'the defaults, scored as trained', f'{what}, scored as trained', 'change per seed',
                  'the defaults, scored with name + description (a folder without a cache)', f'{what}, scored with name + description', 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{base}-*-{seeds}/`, `results/lodo-{fold}-*-{seeds}/`, scores `{TEXT_SOURCE_TRAINED.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)."

SCALE_SCREEN = RES/'score-scale-screen'/'screen.jsonl'   # scripts/score_scale_screen.py on the checkpoints of lodo-<PROTOTYPE_RUNS>-*-s[0-2]
SCALE_CELLS = dict(a1_k50='the defaults (hubness-corrected)', z_bank='minus the mean over the bank, divided by the standard deviation over the bank', z_top='the defaults, divided by the standard deviation over the bank')

PROTOTYPE_SCREEN = RES/'prototype-screen'/'screen.jsonl'   # scripts/prototype_screen.py on the checkpoints of lodo-<PROTOTYPE_RUNS>-*-s[0-2]
PROTOTYPE_RUNS = 'rp'   # the PV75 defaults' ten folds retrained at 2dfaeb3 with their checkpoints kept (the training of PLAIN75_RUNS)
PROTOTYPE_CELLS = (('mean', None, 'the mean of all texts (the defaults)'), ('views', 'mean', 'best of the two training views (all texts; name + description)'),
                   ('sources', 'mean', 'best of the six per-source means'), ('texts', 'mean', 'best single text'), ('texts_lse', 'mean', 'soft best single text (log-mean-exp at the model scale)'),
                   ('plain', None, 'name + description, mean (a folder without a cache, the defaults)'), ('plain_src', 'plain', 'name + description, best of the two'), ('plain_lse', 'plain', 'name + description, soft best single text'))

def prototype_screen():
    "Several prototypes per class at scoring time (a class scores its best prototype, each hubness-corrected) on the same weights: per held-out set mean ± sd over seeds, then the ten-fold and nine-fold means with each cell's change per seed over the mean it replaces."
    rows_in = fold_rows(PROTOTYPE_SCREEN, PROTOTYPE_RUNS)
    ks = sorted({r['seed'] for r in rows_in})
    if not ks: return None
    sets = sorted({r['set'] for r in rows_in})
    rows = []
    for label, part in [(d, [d]) for d in sets] + list(held_out_means(sets, sets)):
        v = {c: row_means(rows_in, part, c, ks) for c, _, _ in PROTOTYPE_CELLS}
        rows.append([label] + [pm(v[c]) + (f" ({gains(v[c], v[base])})" if base and label.startswith('mean') else '') for c, base, _ in PROTOTYPE_CELLS] + [len(ks)])
    runs = [r for r in (load(x['run']) for x in rows_in) if r]
    return table(['held out'] + [h + (' (change per seed)' if base else '') for _, base, h in PROTOTYPE_CELLS] + ['seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{PROTOTYPE_RUNS}-*-s[{ks[0]}-{ks[-1]}]/`, scores `{PROTOTYPE_SCREEN.relative_to(ROOT)}` (`python scripts/prototype_screen.py`)."

CACHE_TRAINED = ((HARD_RUNS, 'the cache texts with hard targets (text_sources=name,description,keywords,sentence,affirmative,subactions, soft_targets=false)'),
                 ('tha', 'the same, one text drawn per class and step (text_aug=true)'),
                 (PLAIN_RUNS, 'the same, half the classes of a step seen through name + description alone (plain_views=0.5)'))   # seed-0 screens trained with the cache texts: fold name of lodo-<fold>-<set>-s0, label

def fallback_screen():
    "The CACHE_TRAINED screens at seed 0, each scored as trained and as a folder without a sub-action cache is (name + description; scripts/text_source_screen.py), beside the defaults (SEPARABILITY_RUNS): ten-fold and nine-fold means."
    base = [r for r in _text_source_rows() if r['seed'] == 0]
    sets = sorted({r['set'] for r in base}); parts = (sets, [d for d in sets if d != SWING])
    mean = lambda rows, part, c: f"{row_means(rows, part, c, [0])[0]:.3f}"
    out, used = [['the defaults (name + description)', *[mean(base, p, 'default') for p in parts] * 2]], list(base)
    for fold, what in CACHE_TRAINED:
        rows = [r for r in fold_rows(TEXT_SOURCE_TRAINED, fold) if r['seed'] == 0]
        if {r['set'] for r in rows} != set(sets): continue
        used += rows; out.append([what, *[mean(rows, p, c) for c in ('every', 'default') for p in parts]])
    if len(out) < 2: return None
    runs = [r for r in (load(x['run']) for x in used) if r]
    return table(['trained with (seed 0)', f'scored as trained: mean of the {len(sets)} training sets held out', f'mean of the {len(sets) - 1} without {SWING}',
                  f'scored with name + description (a folder without a cache): mean of the {len(sets)}', f'mean of the {len(sets) - 1} without {SWING}'], out) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s0/`, " + ', '.join(f"`results/lodo-{f}-*-s0/`" for f, _ in CACHE_TRAINED) + \
        f", scores `{TEXT_SOURCE_TRAINED.relative_to(ROOT)}`, `{TEXT_SOURCE_SCREEN.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)."

TEXT_BALANCE = RES/'text-source-screen'/'balance.jsonl'   # scripts/text_balance_probe.py on the TRAINED_RUNS checkpoints
BALANCE_CELLS = dict(every='the mean of all texts (as trained)', base='name + description only', bal2='name + description and the cache texts, the two groups weighted equally',
                     bal6='every source weighted equally', w75='name + description 3 : 1 the cache texts')

def text_balance_probe():
    "The TRAINED_RUNS replayed with the name and description weighted against the cache texts at scoring time (scripts/text_balance_probe.py): per cell the ten-fold and nine-fold means and the two UEA four-class sets, mean ± sd over seeds."
    rows_in = screen_rows(TEXT_BALANCE)
    if not rows_in: return None
    sets, ks = sorted({r['set'] for r in rows_in}), sorted({r['seed'] for r in rows_in})
    parts = [part for _, part in held_out_means(sets, sets)] + [[SWING], ['epilepsy']]
    rows = [[label, *[pm(row_means(rows_in, part, c, ks)) for part in parts]] for c, label in BALANCE_CELLS.items()]
    runs = [r for r in (load(x['run']) for x in rows_in) if r]
    return table(['class embedding of a held-out class', f'mean of the {len(sets)} training sets held out', f'mean of the {len(sets) - 1} without {SWING}', SWING, 'epilepsy'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{TRAINED_RUNS}-*-s[{ks[0]}-{ks[-1]}]/`, scores `{TEXT_BALANCE.relative_to(ROOT)}` (`python scripts/text_balance_probe.py`)."

BORROW_SCREEN = RES/'borrow-screen'/'screen.jsonl'   # scripts/borrow_screen.py on the SEPARABILITY_RUNS and TRAINED_RUNS checkpoints

def borrow_screen(fold=TRAINED_RUNS, what='the cache texts'):
    "Each held-out class with the cache texts of the nearest class of the other bundled sets (scripts/borrow_screen.py), on the weights trained with name + description (SEPARABILITY_RUNS) and on the runs lodo-<fold>-* (trained with the cache texts, `what` says how): per held-out set mean ± sd over seeds, then the ten-fold and nine-fold means with the change per seed against the first column."
    old, new = fold_rows(BORROW_SCREEN, SEPARABILITY_RUNS), fold_rows(BORROW_SCREEN, fold)
    ks = sorted({r['seed'] for r in old} & {r['seed'] for r in new})
    if not ks: return None
    sets = sorted({r['set'] for r in old})
    lent = {r['set']: f"{r['lent']} / {len(r['donors'])}" for r in old}
    rows = []
    for label, part in [(d, [d]) for d in sets] + list(held_out_means(sets, sets)):
        base, cells = row_means(old, part, 'plain', ks), [row_means(old, part, 'borrowed', ks), row_means(new, part, 'plain', ks), row_means(new, part, 'borrowed', ks)]
        rows.append([label, lent.get(label, ''), pm(base), *[x for c in cells for x in (pm(c), gains(c, base))], len(ks)])
    runs = [r for r in (load(x['run']) for x in old + new if x['seed'] in ks) if r]
    return table(['held out', 'classes that borrow', 'trained with name + description, scored with them (the defaults)', 'same weights, borrowed texts added', 'change per seed',
                  f'trained with {what}, scored with name + description', 'change per seed', f'trained with {what}, borrowed texts added', 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{SEPARABILITY_RUNS}-*-s[{ks[0]}-{ks[-1]}]/`, `results/lodo-{fold}-*-s[{ks[0]}-{ks[-1]}]/`, scores and every class's donor `{BORROW_SCREEN.relative_to(ROOT)}` (`python scripts/borrow_screen.py`)."

SCREEN10 = dict(   # one-seed screens on all ten folds of the HUB_ALL defaults: README table -> ((fold name of lodo-<fold>-<set>-s0, label), ...)
    lodo_screen10=(('gd10', 'gravity_drop 0.1'), ('cce', 'class-text cross-entropy 1.0 (class_ce)'), ('lin', 'linear projection (proj=linear)'), ('res', 'residual projection (proj=residual)'), ('t03', 'fixed temperature 0.03 (learn_scale=false)')),
    lodo_screen10b=(('lint03', 'linear projection and fixed temperature 0.03 (proj=linear, learn_scale=false)'), ('ema2', 'weight averaging over 2 epochs (ema_epochs=2)')),
    lodo_screen10c=(('wd05', 'weight decay 0.05 (weight_decay=0.05)'), ('w3k', '3000 windows per set, 4 epochs (max_windows_per_set=3000, epochs=4)'), ('lr1', 'peak learning rate 0.001 (lr=0.001)')),
    lodo_screen10d=(('hard', 'hard targets (soft_targets=false)'), ('b256', 'batch size 256 (batch_size=256)'), ('gyd8', 'gyroscope dropout 0.8 (gyro_dropout=0.8)'), ('place', 'placement in the class prompt (placement_prompt=true)'), ('chtx', 'channel descriptions on the tokens (channel_text=true)'), ('name', 'class texts from the label names only (text_sources=name)')),
    lodo_screen10e=(('taug', 'text augmentation (text_aug=true)'), ('win4', 'windows of 4 s, hop 2 s (window_s=4, hop_s=2)'), ('mb4k', 'memory bank of 4096 (memory_bank=4096)'), ('cclr', 'class-text cross-entropy 1.0 and lr 0.001 (class_ce=1.0, lr=0.001)'), ('ps25', 'patches of 0.25 s (patch_s=0.25)')),
    lodo_screen10f=(('demean', 'every window de-meaned (norm=demean)'), ('ep12', '12 epochs (epochs=12)'), ('gd06', 'gravity_drop 0.6')),
    lodo_screen10g=(('rot45', 'rotations up to 45° (rotate_max_deg=45)'),),
    lodo_screen10h=(('mag', 'magnitude channels (magnitude=true)'), ('r50', 'windows at 50 Hz (rate_hz=50)'), ('magr50', 'both (magnitude=true, rate_hz=50)')),
    lodo_screen10i=(('grav', 'gravity frame (frame=gravity)'), ('vert', 'vertical and horizontal channels (vertical=true)')),
    lodo_screen10j=(('gv', 'gravity frame and vertical channels (frame=gravity, vertical=true)'),),
    lodo_screen10k=(('uni', 'uniformity loss 1.0 (uniformity=1.0)'),),
    lodo_screen10l=(('bal', 'epochs shared by classes (balance=class)'), ('ddrop', 'device dropout 0.5 (device_dropout=0.5)'), ('pmean', 'mean pooling (pool=mean)'), ('vdd', 'vertical channels and device dropout (vertical=true, device_dropout=0.5)')),
    lodo_screen10m=(('nd', 'within-dataset negatives (negatives=dataset)'), ('st10', 'softer targets (soft_temp=1.0)')),
    lodo_screen10n=(('trt', 'the cache texts in training and scoring (text_sources=name,description,keywords,sentence,affirmative,subactions)'), ('tat', 'one of those texts drawn per class and step (the same text_sources, text_aug=true)'), ('trv', 'the cache texts with vertical channels (the same text_sources, vertical=true)')),
    lodo_screen10o=(('trt', 'the cache texts in training and scoring (text_sources=name,description,keywords,sentence,affirmative,subactions)'), ('tc', 'the cache texts, centred per set (the same text_sources, center_sets=true)'), ('cen', 'centred per set, name and description (center_sets=true)'), ('th', 'the cache texts with hard targets (the same text_sources, soft_targets=false)')),
    lodo_screen10p=CACHE_TRAINED,
    lodo_screen10q=((PLAIN_RUNS, 'the cache texts, hard targets, plain views 0.5 (text_sources=name,description,keywords,sentence,affirmative,subactions, soft_targets=false, plain_views=0.5)'), (PLAIN75_RUNS, 'the same with plain views 0.75 (plain_views=0.75)')))
SCREEN10_BASE = dict(lodo_screen10h='def39', lodo_screen10i='def39', lodo_screen10j='def39', lodo_screen10k='def39', lodo_screen10l='def39', lodo_screen10m='def40', lodo_screen10n='def40', lodo_screen10o='def40', lodo_screen10p='def40', lodo_screen10q='def40')   # screens with the defaults re-run: fold name of that re-run, a column beside the HUB_ALL defaults

def lodo_screen10(key):
    "One-seed screens SCREEN10[key] of a switch each on the defaults' full leave-one-dataset-out folds (seed 0 against the defaults' seed 0, per held-out training set, or against the defaults re-run at the screen's commit, SCREEN10_BASE), the mean over the sets held out, the same without SWING, and the development sets."
    train, new = full_runs(*HUB_ALL)
    base = {ds: new[ds][0] for ds in train if new.get(ds)}
    again = [(SCREEN10_BASE[key], 'the defaults again')] if key in SCREEN10_BASE else []
    cols = [(cfg, label, {ds: load(f'lodo-{cfg}-{ds}-s0') for ds in base}) for cfg, label in again + list(SCREEN10[key])]
    if again:
        if not all(cols[0][2].values()): return None   # no switch column without its re-run defaults
        cfg, label, rs = cols[0]; cols[0] = (cfg, f"{label} at {commit(list(rs.values()))}", rs)
    cols = [(cfg, label, rs) for cfg, label, rs in cols if all(rs.values())]
    if not base or not cols: return None
    sets, runs = sorted(base), list(base.values())
    f1 = lambda r, ds: r[0]['zero_shot'][ds]['macro_f1']
    ref = lambda cfg: cols[0][2] if again and cfg != again[0][0] else base   # a switch's change is against the same-commit defaults when there are
    rows = []
    for ds in sets:
        runs += [rs[ds] for _, _, rs in cols]
        rows.append([ds, f"{f1(base[ds], ds):.3f}", *[x for cfg, _, rs in cols for x in (f"{f1(rs[ds], ds):.3f}", f"{f1(rs[ds], ds) - f1(ref(cfg)[ds], ds):+.3f}")]])
    calm = [ds for ds in sets if ds != SWING]
    means = ((f'**mean of the {len(sets)} training sets held out**', sets, lambda ds: ds),     # each fold's run on its held-out set, then without SWING, then on each development set
             (f'mean of the {len(calm)} without {SWING}', calm, lambda ds: ds),
             *((f'{dev} (dev), mean of the {len(sets)} fold runs', sets, lambda ds, dev=dev: dev) for dev in IMU_ZS))
    for what, folds, scored in means:
        mean = lambda side: np.mean([f1(side[ds], scored(ds)) for ds in folds])
        rows.append([what, f"{mean(base):.3f}", *[x for cfg, _, rs in cols for x in (f"{mean(rs):.3f}", f"{mean(rs) - mean(ref(cfg)):+.3f}")]])
    return table(['held out (seed 0)', 'the defaults', *[h for cfg, label, _ in cols for h in (label, 'change' if ref(cfg) is base else 'change against the defaults again')]], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{HUB_ALL[1]}-*-s0/`, " + ', '.join(f"`results/lodo-{cfg}-*-s0/`" for cfg, _, _ in cols) + '.'

SMALL_BANK = ('main-hub50', 'hub50')   # the HUB_ALL defaults' runs with a hubness bank of 50 windows per training set (hub_bank=50), same training

def lodo_versus(base, other, heads, train=None):
    "Two configurations' full leave-one-dataset-out runs (`base`, `other`: (main job or None, fold name); `train`: the held-out sets when `base` has no main job), per held-out set and seed, with the per-seed change; `heads(a, b, sets)` gives the two value columns' heads from the runs {set: runs per seed}."
    train, a = full_runs(*base, train=train)
    b = full_runs(*other, train=train)[1]
    sets = sorted(ds for ds in a if a[ds] and b.get(ds))
    if not sets: return None
    n = min(len(side[ds]) for side in (a, b) for ds in sets)   # the seeds every set has on both sides
    a, b = ({ds: side[ds][:n] for ds in sets} for side in (a, b))
    f1 = [{ds: [r[0]['zero_shot'][ds]['macro_f1'] for r in side[ds]] for ds in sets} for side in (a, b)]
    rows, runs = [], []
    for ds in sets:
        runs += a[ds] + b[ds]
        rows.append([ds + (' (dev)' if ds in IMU_ZS else ''), a[ds][0][0]['zero_shot'][ds]['n_classes'], pm(f1[0][ds]), pm(f1[1][ds]), gains(f1[1][ds], f1[0][ds]), len(f1[1][ds])])
    ks = range(min(len(v) for side in f1 for v in side.values()))
    for what, part in held_out_means(sets, train):
        ma, mb = (seed_means(v, part, ks) for v in f1)
        rows.append([what, '', pm(ma), pm(mb), gains(mb, ma), len(ks)])
    folds = [ds for ds in sets if ds in train]
    for dev in IMU_ZS:                                                      # the development sets as every fold's run scored them, per seed the mean over the folds
        if not all(dev in r[0]['zero_shot'] for side in (a, b) for ds in folds for r in side[ds]): continue
        ma, mb = (seed_means({ds: [r[0]['zero_shot'][dev]['macro_f1'] for r in side[ds]] for ds in folds}, folds, ks) for side in (a, b))
        rows.append([f'{dev} (dev), mean of the {len(folds)} fold runs', '', pm(ma), pm(mb), gains(mb, ma), len(ks)])
    return table(['held out', 'classes', *heads(a, b, sets), 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(runs)}; run files " + ', '.join(f"`results/{m}-s*/`, " * any(ds not in train for ds in sets) + f"`results/lodo-{f}-*-s[0-2]/`" for m, f in (base, other)) + '.'

def lodo_bank():
    "The hubness bank's size: the HUB_ALL defaults' runs (500 windows per training set) against the same configuration keeping 50 per set (SMALL_BANK), per held-out set and seed."
    def bank(side, sets):   # range of the runs' bank sizes (features)
        n = sorted(r[0]['zero_shot'][ds]['hubness']['bank'] for ds in sets for r in side[ds]); return f"{n[0]}–{n[-1]}"
    return lodo_versus(HUB_ALL, SMALL_BANK, lambda a, b, sets: (f'500 windows per set, {bank(a, sets)} features (the default)', f'50 windows per set, {bank(b, sets)} features'))

# The confirmations of one switch on the defaults' ten folds (seeds 0-2, fewer where the rule was settled early), each against
# the defaults' runs of the same folds and seeds (HUB_ALL's, or those of another mix named fourth); they have no main-job runs: README table -> (fold name of lodo-<fold>-<set>-s<k>,
# head of the defaults' column, head of the switch's column[, fold name of the defaults' runs when not HUB_ALL's, e.g. ALL_RUNS])
CONFIRMS = dict(
    lodo_same=('same', 'every bank feature (before hub_same)', 'hub_same 0.4: own activity left out'),   # ClipCfg.hub_same 0.4, run at 9cad203 where it was the default: the same training, bank features of the class's own activity left out
    lodo_cce=('cce', 'the defaults (no class-text cross-entropy)', 'class_ce 1.0'),   # LossCfg.class_ce 1.0, run at 76d44aa with -p class_ce 1.0
    lodo_lin=('lin', 'two-layer MLP projection (proj mlp)', 'linear projection (proj linear)'),   # ClipCfg.proj 'linear', run at 76d44aa with -p proj linear
    lodo_res=('res', 'two-layer MLP projection (proj mlp)', 'residual projection (proj residual)'),   # ClipCfg.proj 'residual', run at 76d44aa with -p proj residual; stopped after seed 1
    lodo_t03=('t03', 'learned temperature (learn_scale)', 'fixed temperature 0.03'),   # ClipCfg.learn_scale False, logit_scale_init 1/0.03: seed 0 at 76d44aa, seeds 1-2 at 08d4bdb (the same library code)
    lodo_lint03=('lint03', 'MLP projection, learned temperature (the defaults)', 'linear projection + fixed temperature 0.03'),   # proj linear + learn_scale False + logit_scale_init 1/0.03, all seeds at 781138a
    lodo_ema=('ema2', 'no weight averaging (the defaults)', 'weight averaging over 2 epochs (ema_epochs 2)'),   # TrainCfg.ema_epochs 2.0, all seeds at c5aead7
    lodo_w3k=('w3k', '1500 windows per set, 8 epochs (the defaults)', '3000 windows per set, 4 epochs'),   # DataCfg.max_windows_per_set 3000 + TrainCfg.epochs 4, at 53ab053; stopped after seed 1
    lodo_lr1=('lr1', 'peak learning rate 0.002 (the defaults)', 'peak learning rate 0.001'),   # TrainCfg.lr 1e-3, at 53ab053; stopped after seed 1
    lodo_ps25=('ps25', 'patches of 0.5 s (the defaults)', 'patches of 0.25 s'),   # EncoderCfg.patch_s 0.25, all seeds at f7891a2
    lodo_demean=('demean', 'physical units (norm none, the defaults)', 'every window de-meaned (norm demean)'),   # DataCfg.norm 'demean', all seeds at f7891a2
    lodo_vert=('vert', 'axes only (the defaults)', 'axes + vertical and horizontal channels (vertical true)'),   # DataCfg.vertical True, all seeds at e857da5
    lodo_vall=('vall', 'the defaults, eleven-set mix', 'vertical true, eleven-set mix', ALL_RUNS),   # DataCfg.vertical True trained on the other eleven bundled IMU sets (hapt, wisdm_watch in the mix), at d8f37e5
    lodo_ddrop=('ddrop', 'every body position as recorded (the defaults)', 'device dropout 0.5 (device_dropout 0.5)'))   # DataCfg.device_dropout 0.5, all seeds at b763bd9

def confirmation(key):
    "The confirmation runs CONFIRMS[key] against the defaults' runs of the same folds (HUB_ALL's, or those its fourth entry names), per held-out set and seed."
    fold, base_head, other_head, *base = CONFIRMS[key]
    heads = lambda a, b, sets: (base_head, other_head)
    return lodo_versus((None, base[0]), (None, fold), heads, train=full_runs(*HUB_ALL)[0]) if base else lodo_versus(HUB_ALL, (None, fold), heads)

SCREEN = RES/'transductive-screen'/'screen.jsonl'   # scripts/transductive_screen.py on the lodo-<SCREEN_FOLD> runs
SCREEN_FOLD = 'gdrop'   # the leave-one-dataset-out runs the screen scored (the defaults then, before the hubness bank)
# The corrections scripts/transductive_screen.py applies to the zero-shot scores, in table order:
# name (its key in screen.jsonl) -> (README label, kind, neighbours k, weight a); the screen computes each by its kind
SCREEN_CORRECTIONS = dict(
    none=('none: each window on its own (inductive, the headline)', 'none', 0, 0.),
    center=("centring: the set's mean score per class subtracted", 'center', 0, 0.),
    **{f'csls{k}_{a}': (f'CSLS: minus {a} × the mean similarity to its {k} nearest windows of the set', 'csls', k, a) for k in (10, 100) for a in (0.5, 1.0)},
    **{f'train_csls_{a}': (f'CSLS on training windows: minus {a} × the mean similarity to its 50 nearest training windows (inductive)', 'train_csls', 50, a) for a in (0.5, 1.0)},
    train_center=("centring on training windows: the training windows' mean score per class subtracted (inductive)", 'train_center', 0, 0.),
    balanced=('balanced: Sinkhorn class balancing at the model temperature (`balanced_scores`)', 'balanced', 0, 0.))

def adapt_screen():
    "Every screened correction of the zero-shot scores on the leave-one-dataset-out runs of the defaults: mean over the held-out training sets at seed 0 (the choice), over seeds 0-2, and the development sets."
    rows_in = screen_rows(SCREEN)
    if not rows_in: return None
    held = [r for r in rows_in if r['set'] not in IMU_ZS]
    seeds_ = sorted({r['seed'] for r in held})
    per_seed = lambda c: row_means(held, {r['set'] for r in held}, c, seeds_)
    rows = [[label, f"{per_seed(c)[0]:.3f}", pm(per_seed(c)), *[f"{np.mean([r[c] for r in rows_in if r['set'] == d]):.3f}" for d in IMU_ZS]] for c, (label, *_) in SCREEN_CORRECTIONS.items()]
    runs = [load(re.sub(r'^\d{8}-\d{6}-', '', r['run'])) for r in held]
    n_folds = len({r['set'] for r in held})
    return table(['correction of the scores (transductive unless marked)', f'mean of the {n_folds} held-out training sets, seed 0', f'the same, seeds {seeds_[0]}-{seeds_[-1]}',
                  *[f'{d} (dev), mean of the runs' for d in IMU_ZS]], rows) + \
        f"\n\nCommit {commit([r for r in runs if r])}; run files `results/lodo-{SCREEN_FOLD}-*-s[0-2]/`, scores `results/transductive-screen/screen.jsonl` (`python scripts/transductive_screen.py`)."

SAME_SCREEN = RES/'hub-same-screen'/'screen.jsonl'   # scripts/hub_same_screen.py (until ec77b87, with ClipCfg.hub_same) on the checkpoints of lodo-<SAME_FOLD>-*-s0
SAME_FOLD = 'hubck'   # the HUB_ALL defaults retrained at seed 0 with their checkpoints kept (the same weights as lodo-hub-*-s0)

def hub_same_screen():
    "The screen of ClipCfg.hub_same: every threshold on the same seed-0 weights of the ten leave-one-dataset-out folds, per held-out training set, with the development sets."
    rows_in = screen_rows(SAME_SCREEN)
    if not rows_in: return None
    cols = [k for k in rows_in[0] if k not in ('run', 'seed', 'set')]
    head = lambda c: {'none': 'uncorrected', 'all': 'every bank feature (before hub_same)'}.get(c) or f"hub_same {c.removeprefix('same_')}"
    held = sorted({r['set'] for r in rows_in if r['set'] not in IMU_ZS})
    val = lambda c, part: np.mean([r[c] for r in rows_in if r['set'] in part])
    rows = [[ds, *[f"{val(c, [ds]):.3f}" for c in cols]] for ds in held]
    rows.append([f'**mean of the {len(held)} training sets held out**', *[f"**{val(c, held):.3f}**" for c in cols]])
    rows += [[f'{d} (dev, mean of the {sum(r["set"] == d for r in rows_in)} runs)', *[f"{val(c, [d]):.3f}" for c in cols]] for d in IMU_ZS]
    runs = [load(r['run']) for r in rows_in if r['set'] in held]
    return table(['held out (seed 0)', *[head(c) for c in cols]], rows) + \
        f"\n\nCommit {commit([r for r in runs if r])}; run files `results/lodo-{SAME_FOLD}-*-s0/`, scores `results/hub-same-screen/screen.jsonl` (`python scripts/hub_same_screen.py` at ec77b87, the last commit that has it)."

TTA_SCREEN = RES/'tta-screen'/'screen.jsonl'   # scripts/tta_screen.py on the checkpoints of lodo-<TTA_FOLD>-*-s[0-2]
TTA_FOLD = 'same'   # the HUB_ALL defaults' training with checkpoints kept (9cad203), scored as the defaults score (hub_same off)

def tta_screen():
    "The screen of test-time rotation averaging: each held-out training set scored with 1 (the defaults), 2 and 4 orientations per window on the same weights, seeds 0-2, with the per-seed change; the development sets at seed 0."
    rows_in = screen_rows(TTA_SCREEN)
    if not rows_in: return None
    cols = [k for k in rows_in[0] if k.startswith('views_')]
    held = sorted({r['set'] for r in rows_in if r['set'] not in IMU_ZS})
    val = {(r['set'], r['seed']): r for r in rows_in}
    ks = [k for k in sorted({r['seed'] for r in rows_in}) if all((ds, k) in val for ds in held)]   # the seeds every held-out set has
    per_seed = lambda c, part: [np.mean([val[ds, k][c] for ds in part]) for k in ks]   # per seed: the mean over the sets `part`
    def row(label, part):
        v = {c: per_seed(c, part) for c in cols}
        return [label, *[pm(v[c]) for c in cols], *[gains(v[c], v[cols[0]]) for c in cols[1:]], len(ks)]
    rows = [row(ds, [ds]) for ds in held] + [row(f'**mean of the {len(held)} training sets held out**', held)]
    for d in IMU_ZS:
        if any(r['set'] == d for r in rows_in):
            rows.append([f'{d} (dev), mean of the {sum(r["set"] == d for r in rows_in)} seed-0 fold runs', *[f"{np.mean([r[c] for r in rows_in if r['set'] == d]):.3f}" for c in cols], *[''] * (len(cols) - 1), 1])
    n = lambda c: int(c.removeprefix('views_'))
    runs = [load(r['run']) for r in rows_in if r['set'] in held]
    return table(['held out', *[f"{n(c)} orientation{'s' * (n(c) > 1)} per window" + (' (the defaults)' if n(c) == 1 else '') for c in cols],
                  *[f'change per seed, {n(c)} orientations' for c in cols[1:]], 'seeds'], rows) + \
        f"\n\nCommit {commit([r for r in runs if r])}; run files `results/lodo-{TTA_FOLD}-*-s[0-2]/`, scores `results/tta-screen/screen.jsonl` (`python scripts/tta_screen.py` at ec77b87: these runs set `hub_same`, which later commits refuse)."

def lodo_mix():
    "The wider training mix against the eight-set mix (the defaults until c3cf6ce), each of the eight sets held out in turn (the seeds where both have every fold)."
    mix = seeds('lodo-base-mainmix')
    folds = sorted(mix[0][1]['config']['data']['train_sets']) if mix else []
    per = {cfg: {f: [load(f'lodo-{cfg}-{f}-s{k}') for k in range(3)] for f in folds} for cfg in ('base', 'diverse')}
    ks = [k for k in range(3) if all(per[c][f][k] for c in per for f in folds)]
    if not folds or not ks: return None
    runs = [per[c][f][k] for c in per for f in folds for k in ks]
    score = lambda c, f, d: [per[c][f][k][0]['zero_shot'][d]['macro_f1'] for k in ks]      # config c, fold f, scored set d: one value per seed
    rows = [[f, pm(score('base', f, f)), pm(score('diverse', f, f)), gains(score('diverse', f, f), score('base', f, f))] for f in folds]
    fold_mean = lambda c, d=None: np.mean([score(c, f, d or f) for f in folds], axis=0)   # per seed: mean over the folds
    rows.append([f'**mean of the {len(folds)}**', pm(fold_mean('base')), pm(fold_mean('diverse')), gains(fold_mean('diverse'), fold_mean('base'))])
    for d in IMU_ZS:
        rows.append([f'{d} (dev), mean of the {len(folds)} runs', pm(fold_mean('base', d)), pm(fold_mean('diverse', d)), gains(fold_mean('diverse', d), fold_mean('base', d))])
    return table(['held out', 'eight-set mix minus the held-out set', '+ epilepsy and racketsports', f"gain, seed{'s' if len(ks) > 1 else ''} {' / '.join(map(str, ks))}"], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-base-*-s*/`, `results/lodo-diverse-*-s*/`."

AUG_SCREEN = (('dyn3', 'movement scaling 0.3 (dyn_scale=0.3)'), ('tw2', 'time warp 0.2 (time_warp=0.2)'), ('rj2', 'sampling-rate jitter 0.2 (rate_jitter=0.2)'))   # one-seed screens on the PV75 defaults' ten folds: fold name of lodo-<fold>-<set>-s0, label

VQ_SCREEN = (('vqpool', 'code tokens pooled (vq_mode=pool)'),)   # one-seed screen on EDGE's ten folds (e28227a)
LSA_SCREEN = (('lsa2', 'LSA fusion, the signal side over its candidate classes (fusion=lsa)'),)   # one-seed screen at e5f02ee against the defaults' folds at the same commit (lodo-clip-*-s0)
SYN_SCREEN = (('syn9', 'synonyms left out of the softmax (synonym_ignore=0.9)'),)   # one-seed screen on EDGE's ten folds (a3f44e7)

def aug_screen(defaults=PV75, screens=AUG_SCREEN, base_label="today's defaults"):   # (main job, fold name) of the defaults screened against; (fold name, label) per screen
    "One-seed screens against the defaults' own seed-0 fold runs: per held-out set, the ten-fold and nine-fold means, the same two scored with name + description only (scripts/text_source_screen.py), and the development sets."
    _, base = full_runs(*defaults)
    sets = sorted(ds for ds in base if ds not in IMU_ZS and base[ds])
    runs = {defaults[1]: {ds: base[ds][0] for ds in sets}} | {f: {ds: load(f'lodo-{f}-{ds}-s0') for ds in sets} for f, _ in screens}   # each run read once
    cols = [(defaults[1], base_label)] + [(f, label) for f, label in screens if all(runs[f].values())]
    if len(cols) < 2: return None
    names = {f: {r['set']: r['default'] for r in fold_rows(TEXT_SOURCE_TRAINED, f) if r['seed'] == 0} for f, _ in cols}   # scored with name + description only
    f1 = lambda f, ds, scored=None: runs[f][ds][0]['zero_shot'][scored or ds]['macro_f1']
    cell = lambda f, v, ref: [f"{v(f):.3f}"] + ([f"{v(f) - v(ref):+.3f}"] if f != ref else [])
    ref, calm = cols[0][0], [ds for ds in sets if ds != SWING]
    rows = [[ds, *[x for f, _ in cols for x in cell(f, lambda f: f1(f, ds), ref)]] for ds in sets]
    for label, part in ((f'**mean of the {len(sets)} training sets held out**', sets), (f'mean of the {len(calm)} without {SWING}', calm)):
        rows.append([label, *[x for f, _ in cols for x in cell(f, lambda f: np.mean([f1(f, ds) for ds in part]), ref)]])
    named = all(set(sets) <= set(names[f]) for f, _ in cols)   # every column also scored with name + description only
    for label, part in ((f'the same, scored with name + description only (a folder without a cache)', sets), (f'the same without {SWING}', calm)):
        if named: rows.append([label, *[x for f, _ in cols for x in cell(f, lambda f: np.mean([names[f][ds] for ds in part]), ref)]])
    for dev in IMU_ZS:
        rows.append([f'{dev} (dev), mean of the {len(sets)} fold runs', *[x for f, _ in cols for x in cell(f, lambda f: np.mean([f1(f, ds, dev) for ds in sets]), ref)]])
    return table(['held out (seed 0)', *[h for f, label in cols for h in ([label] if f == ref else [label, 'change'])]], rows) + \
        f"\n\nCommit {commit([r for f, _ in cols for r in runs[f].values()])}; run files " + ', '.join(f"`results/lodo-{f}-*-s0/`" for f, _ in cols) + \
        (f", scores with name + description `{TEXT_SOURCE_TRAINED.relative_to(ROOT)}` (`python scripts/text_source_screen.py`)." if named else '.')

GAP_SCREEN = RES/'gap-screen'/'screen.jsonl'   # scripts/gap_screen.py on the checkpoints of lodo-<GAP_RUNS>-*-s0
GAP_RUNS = 'gap'   # the defaults' ten folds at seed 0, clean 2dc5120, checkpoints kept for the replay
GAP_CELLS = (('defaults', 'the defaults (the class text)'), ('global', 'the mean gap of the training classes added (global)'),
             ('local', 'the gaps of the nearest training classes added (local)'), ('ridge', 'ridge map from class texts to window centroids (ridge)'))

def gap_screen():
    "Held-out class texts moved by the modality gap measured on the training sets (a scoring replay, seed 0): per held-out set each cell, its change over the defaults, and the ten-fold and nine-fold means, scored as trained and with name + description only."
    rows_in = {r['set']: r for r in fold_rows(GAP_SCREEN, GAP_RUNS) if r['seed'] == 0}
    if not rows_in: return None
    sets = sorted(rows_in); calm = [ds for ds in sets if ds != SWING]
    cell = lambda c, v: [f"{v(c):.3f}"] + ([f"{v(c) - v('defaults'):+.3f}"] if c != 'defaults' else [])
    rows = [[ds, *[x for c, _ in GAP_CELLS for x in cell(c, lambda c: rows_in[ds][c])]] for ds in sets]
    for label, part, sfx in ((f'**mean of the {len(sets)} training sets held out**', sets, ''), (f'mean of the {len(calm)} without {SWING}', calm, ''),
                             ('the same, scored with name + description only (a folder without a cache)', sets, '_names'), (f'the same without {SWING}', calm, '_names')):
        rows.append([label, *[x for c, _ in GAP_CELLS for x in cell(c, lambda c: np.mean([rows_in[ds][c + sfx] for ds in part]))]])
    runs = [r for r in (load(rows_in[ds]['run']) for ds in sets) if r]
    return table(['held out (seed 0)', *[h for c, label in GAP_CELLS for h in ([label] if c == 'defaults' else [label, 'change'])]], rows) + \
        f"\n\nCommit {commit(runs)}; run files `results/lodo-{GAP_RUNS}-*-s0/`, scores `{GAP_SCREEN.relative_to(ROOT)}` (`python scripts/gap_screen.py`)."

RECLIP = 'main-clip'   # the main job at 224c76b, where an augmented IMU batch is clipped again to DataCfg.clip (a rotated clipped axis left it)

def reclip():
    "The main job with the re-clip after augmentation beside the same job before it (the defaults' main-job runs), same seeds: a check on the development sets that the fix changed nothing it should not."
    new, old = seeds(RECLIP), seeds(EDGE[0])
    if not new: return None
    rows = [[what, *zs_cells(rs), *[gains([r[0]['zero_shot'][d]['macro_f1'] for r in rs], [o[0]['zero_shot'][d]['macro_f1'] for o in old]) if rs is new else '–' for d in IMU_ZS], len(rs)]
            for what, rs in (('before (a96aa00)', old), ('clipped again after the augmentations (224c76b)', new))]
    return table(['main job (3 seeds)', *[f'{d} (dev), macro-F1' for d in IMU_ZS], *[f'{d}: change per seed' for d in IMU_ZS], 'seeds'], rows) + \
        f"\n\nCommit {commit(old + new)}; run files `results/{EDGE[0]}-s*/`, `results/{RECLIP}-s*/`."

def vib_bsf():
    "The vibration job with the corrected ball-fault texts (the README's vibration job runs) beside the same job before, same seeds: cwru_fe zero-shot."
    new, old = seeds(VIB_BSF), seeds(VIB_BEFORE)
    if not new: return None
    f1 = lambda rs: [r[0]['zero_shot']['cwru_fe']['macro_f1'] for r in rs]
    pc = lambda rs: pm([dict(zip(r[0]['zero_shot']['cwru_fe']['label_names'], r[0]['zero_shot']['cwru_fe']['per_class_f1'])).get('ball') for r in rs])
    rows = [['before (c8791c8)', pm(f1(old)), pc(old), '–', len(old)], ['orders from the geometry (since 9ee0ae7)', pm(f1(new)), pc(new), gains(f1(new), f1(old)), len(new)]]
    return table(['vibration job', 'cwru_fe macro-F1', "cwru_fe 'ball' F1", 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(old + new)}; run files `results/{VIB_BEFORE}-s*/`, `results/{VIB_BSF}-s*/`."

def vib_peak():
    "The vibration job with spectra that hold their peaks on the order grid (5338b61) beside the same job before, same seeds: cwru_fe zero-shot and both text-free references."
    new, old = seeds(VIB_JOB), seeds(VIB_BSF)
    if not new: return None
    f1 = lambda rs: [r[0]['zero_shot']['cwru_fe']['macro_f1'] for r in rs]
    ref = lambda rs, p: reference(f'{p}-s0', 'cwru_fe', rs[0][0]['zero_shot']['cwru_fe'])
    geo = lambda p: lines_reference(f'{p}-s0', 'cwru_fe')
    rows = [[what, pm(f1(rs)), f"{ref(rs, p):.3f}", f"{geo(p):.3f}" if geo(p) is not None else '–', '–' if rs is old else gains(f1(new), f1(old)), len(rs)]
            for what, rs, p in (('before (fa62a87): linear interpolation onto the order grid', old, VIB_BSF), ('peak hold on the order grid (5338b61)', new, VIB_JOB))]
    return table(['vibration job', 'cwru_fe macro-F1', 'text-free reference (whole spectrum)', 'text-free reference with the rig\'s geometry', 'change per seed', 'seeds'], rows) + \
        f"\n\nCommit {commit(old + new)}; run files `results/{VIB_BSF}-s*/`, `results/{VIB_JOB}-s*/`." + replay_note([f'{VIB_BSF}-s0']) + lines_note([f'{p}-s0' for p in (VIB_BSF, VIB_JOB)])

TABLES = dict(jobs=main_jobs, reclip=reclip, vib_bsf=vib_bsf, vib_peak=vib_peak, cross_dataset=vib_cross_dataset, cross_dataset_bsf=partial(vib_cross_dataset, VIB_LODO_BSF, _before_bsf, 'before 9ee0ae7', f'`results/{VIB_SHARED}-<held-out>-s*/` (cwru, cwru_fe, c8791c8), `results/vib-lodo-s*/<held-out>/` (mfpt, uestc, 6902357)'), closed_set=closed_set, closed_gravity=closed_gravity, closed_mobifall=closed_mobifall, story=story, sweeps=sweeps,
              codebook=codebook, codebook_sweep=codebook_sweep, ablation=ablation, pretrain=pretrain, fewshot=fewshot, lodo_screen=lodo_screen, lodo_confirm=lodo_confirm, lodo_bank=lodo_bank, lodo_full=lodo_full, lodo_adapt=lodo_adapt, lodo_hub=lodo_hub, lodo_rec=lodo_rec, lodo_all=partial(lodo_all, EDGE, ALL_DEFAULTS), lodo_all_pv75=partial(lodo_all, PV75, ALL_PV75), lodo_all_hub=lodo_all, hub_strength_screen=hub_strength_screen, hub_strength_pv75=partial(hub_strength_screen, STRENGTH_SCREEN_PV, PV75, PV_BARS), text_hub_screen=text_hub_screen, seen_class_screen=seen_class_screen, hub_classes=hub_classes, adapt_screen=adapt_screen, lodo_mix=lodo_mix, hub_same_screen=hub_same_screen, tta_screen=tta_screen, padding_screen=padding_screen, ensemble_screen=ensemble_screen, separability_screen=separability_screen, text_source_screen=text_source_screen, text_source_confirm=text_source_confirm, text_source_trained=partial(text_source_trained, TRAINED_RUNS, 'the cache texts'), text_source_centred=partial(text_source_trained, CENTRED_RUNS, 'the cache texts centred per set'), borrow_screen=borrow_screen, borrow_screen_hard=partial(borrow_screen, HARD_RUNS, 'the cache texts with hard targets'), text_source_hard=partial(text_source_trained, HARD_RUNS, 'the cache texts with hard targets'), fallback_screen=fallback_screen, text_source_plain=partial(text_source_trained, PLAIN_RUNS, 'the cache texts, hard targets and plain views 0.5'), text_source_plain75=partial(text_source_trained, PLAIN75_RUNS, 'the cache texts, hard targets and plain views 0.75'), lodo_syn=partial(defaults_screen, 'syn', 'one activity across sets (same_activity=0.95)'), lodo_all_text=partial(defaults_screen, ALL_DEFAULTS, 'the eleven-set mix (+ hapt, wisdm_watch)', base=EDGE[1]), lodo_all_text_pv75=partial(defaults_screen, ALL_PV75, 'the eleven-set mix (+ hapt, wisdm_watch)'), text_balance_probe=text_balance_probe, prototype_screen=prototype_screen, aug_screen=aug_screen, syn_screen=partial(aug_screen, EDGE, SYN_SCREEN, 'the defaults at the fixed resampling (ae36c68)'), vq_screen=partial(aug_screen, EDGE, VQ_SCREEN, 'the defaults at the fixed resampling (ae36c68)'), gap_screen=gap_screen, lsa_screen=partial(aug_screen, DEFAULTS, LSA_SCREEN, 'the defaults (e5f02ee)'), lodo_edge=partial(defaults_screen, 'edge', 'segment ends resampled without zero padding (ae36c68)'), score_scale_screen=partial(replay_screen, SCALE_SCREEN, SCALE_CELLS.get, 'score_scale_screen.py', (PV75[0], PROTOTYPE_RUNS), PV_BARS),
              **{key: partial(lodo_screen10, key) for key in SCREEN10}, **{key: partial(confirmation, key) for key in CONFIRMS})

DOCS = (ROOT/'README.md', ROOT/'RESULTS.md')   # the headline tables and the experiment log

def write_tables(path):
    "Replace every marked table block of one file (marker, table, commit line) with the table made now."
    md = path.read_text()
    def sub(m):
        t = TABLES[m[1]]()
        if t is None: sys.exit(f"{path.name} table {m[1]!r}: no run files under results/")
        return f"<!-- table:{m[1]} -->\n{t}\n"
    path.write_text(re.sub(r'<!-- table:(\w+) -->\n.*?\nCommit [^\n]*\n', sub, md, flags=re.S))

if __name__ == '__main__':
    if '--write' in sys.argv:
        for p in DOCS: write_tables(p)
        print('README.md and RESULTS.md tables rewritten from results/')
    else:
        for k, f in TABLES.items():
            t = f()
            if t: print(f"<!-- table:{k} -->\n{t}\n")
