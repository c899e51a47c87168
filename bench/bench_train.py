"""Benchmark the training path on this machine; prints figures, asserts nothing.

- windows/s served by the data pipeline (epoch sampling + collate of mixed-dataset batches),
- training steps/s of the workbook's epoch loop (`train.train_epoch`),
- the ratio of the workbook's step time to a bare PyTorch loop over the same model and the same batches (target <= 1.2),
- the main job's wall time, read from the newest `outputs/*-main` run folder if there is one.

The step-time comparison is repeated `--repeats` times in this one process (alternating workbook and bare loop), and the
median and range are printed: one pair of timings on shared cores is noise, not a figure.

Usage: python bench/bench_train.py [--steps 40] [--repeats 5] [--preset quick]
"""
import argparse, json, time
import numpy as np, torch
from imutext.config import make_cfg
from imutext.core import outputs_root, resolve_device
from imutext.losses import clip_loss, soft_targets
from imutext.train import prepare, make_optimizer, train_epoch, make_state, WindowMix
from imutext.models.factory import ClassTexts

ap = argparse.ArgumentParser(); ap.add_argument('--steps', type=int, default=40); ap.add_argument('--repeats', type=int, default=5); ap.add_argument('--preset', default='quick')
a = ap.parse_args()
cfg = make_cfg(a.preset, epochs=1)
t = time.perf_counter(); p = prepare(cfg); print(f"prepare (load, window, split {len(cfg.data.train_sets)} sets, text): {time.perf_counter()-t:.1f} s")
bs, dev = cfg.train.batch_size, resolve_device(cfg.train.device)

pairs = p.train.epoch(0, 0)
t = time.perf_counter(); n = 0
for i in range(0, min(len(pairs), 200 * bs), bs): n += len(p.train.collate(pairs[i:i+bs])['y'])
print(f"data pipeline: {n / (time.perf_counter() - t):,.0f} windows/s (sampling + collate, batch {bs})")

# the same batches for both loops: an epoch of exactly `steps` batches
p.train = WindowMix(p.train.windows, cap=0)
sub = pairs[:a.steps * bs]
p.train.epoch = lambda seed, epoch: sub
ct = ClassTexts(p.texts, p.encoder, p.model)
model = p.model.to(dev)
state = {k: v.clone() for k, v in model.state_dict().items()}
batches = [{k: v.to(dev) for k, v in p.train.collate(sub[i*bs:(i+1)*bs]).items()} for i in range(a.steps)]
emb = ct(dev)

def workbook():
    "Seconds per step of the workbook's epoch loop."
    model.load_state_dict(state); s = make_state(p, cfg, dev)
    t = time.perf_counter(); train_epoch(p, cfg, 0, s, dev, ct, show_progress=False); return (time.perf_counter() - t) / a.steps

def bare():
    "Seconds per step of a bare PyTorch loop over the same model and pre-collated batches."
    model.load_state_dict(state); model.train(); opt = torch.optim.AdamW(model.parameters(), lr=cfg.train.lr)
    t = time.perf_counter()
    for b in batches:
        out = model(b['x'], b['ch_type'], b['ch_mask']); txt = emb[b['y']]
        loss = clip_loss(out['signal_features'], txt, out['logit_scale'], soft_targets(txt, cfg.loss.soft_temp))['clip_loss']
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return (time.perf_counter() - t) / a.steps

wb, br = [], []
for _ in range(a.repeats): wb.append(workbook()); br.append(bare())
wb, br = np.array(wb), np.array(br); ratio = wb / br
print(f"training over {a.repeats} alternating repeats of {a.steps} steps: workbook {np.median(wb)*1e3:.0f} ms/step (range {wb.min()*1e3:.0f}-{wb.max()*1e3:.0f}), "
      f"bare PyTorch loop {np.median(br)*1e3:.0f} ms/step (range {br.min()*1e3:.0f}-{br.max()*1e3:.0f}, batches pre-collated); "
      f"ratio median {np.median(ratio):.2f}x, range {ratio.min():.2f}-{ratio.max():.2f}x (target <= 1.2x)")

runs = sorted(outputs_root().glob('*-main'))
for r in runs[-1:]:
    m = json.loads((r/'metrics.json').read_text()) if (r/'metrics.json').exists() else None
    if m: print(f"main job wall time: {m['wall_s']:.0f} s ({r.name})")
if not runs: print("main job wall time: no outputs/*-main run folder yet (run: imutext run nbs/runs/train.ipynb --name main)")
