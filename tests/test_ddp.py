"""Data-parallel training under torchrun (2 CPU processes, gloo) against single-process training with the same global batch.

Tolerance: both runs do the same float32 arithmetic except that each rank's encoder runs on its shard of the rows (other
GEMM shapes) and DDP sums gradients in another order, so they differ by float32 rounding (~1e-7 relative per step).
Measured over 3 epochs (12 AdamW steps): losses/accuracies/logit scale within 3e-8, IMU features within 1e-7, so
rel 1e-4 (abs 1e-6 near 0) is ~1000x above rounding and far below a real fault: the usual one, each rank's loss and bank
over its own rows without gathering, moved train_loss by 2-12% and val_loss by 0.2-1.4% on this same run. Raw weights are compared more loosely (1e-3 of each
tensor's max, measured 3e-5): AdamW divides every coordinate's gradient by its own running RMS, so in directions the loss
barely sees (attention query/key offsets that shift all logits of a row alike) float noise becomes lr-sized steps; the
attention key biases, which the loss ignores exactly, are left out.
AdamW is also nearly blind to a constant gradient scale, so loss curves alone cannot show that DDP's gradient is right:
`test_one_step_gradients_match` compares the gradients themselves (with and without the LSA fusion branch), and shows the check catches the common shortcut.
"""
import json, os, runpy, subprocess, sys
from pathlib import Path
import pytest, torch
from imutext.config import make_cfg
from imutext.losses import total_loss
from imutext.train import fit, loss_terms, prepare
from imutext.models.factory import load_checkpoint, model_from_checkpoint, CKPT_NAME
from imutext.report import finished_run

TORCHRUN = Path(sys.executable).with_name('torchrun')
OVERRIDES = dict(dropout=0.0, epochs=3, memory_bank=48)   # dropout off: ranks draw their own masks by nature
KEYS = ('train_loss', 'train_acc', 'val_loss', 'val_acc', 'logit_scale', 'lr')
RTOL, ATOL = 1e-4, 1e-6
WTOL = 1e-3                                               # raw weights: see the module docstring

def torchrun(*args, log_dir, timeout=600, ok=True):
    "Run `torchrun --standalone --nproc_per_node 2 ...`, each rank's stdout/stderr in `log_dir`; one thread per worker. `ok`: assert it succeeds (else that it fails)."
    cmd = [str(TORCHRUN), '--standalone', '--nproc_per_node', '2', '--log-dir', str(log_dir), '--redirects', '3', *map(str, args)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    logs = {p.parent.name + '/' + p.name: p.read_text() for p in Path(log_dir).rglob('*.log')}
    assert (r.returncode == 0) == ok, r.stdout[-3000:] + r.stderr[-3000:] + '\n'.join(f"--- {k}\n{v[-3000:]}" for k, v in logs.items())
    return logs

@pytest.fixture(scope='module')
def runs(tmp_path_factory):
    "Run folder of the 2-process job, of the single-process `fit`, and the job's per-rank logs."
    root = tmp_path_factory.mktemp('ddp')
    params = [a for k, v in OVERRIDES.items() for a in ('-p', k, v)]
    logs = torchrun('-m', 'imutext.ddp', '--preset', 'tiny', *params, '--run-dir', root/'A', log_dir=root/'logs')
    torch.set_num_threads(1)
    fit(make_cfg('tiny', **OVERRIDES), root/'B')
    return root/'A', root/'B', logs

def rel_diff(a, b): return abs(a - b) / max(abs(b), ATOL)

def test_two_processes_follow_the_single_process_curve(runs):
    a, b = (load_checkpoint(d/CKPT_NAME)['history'] for d in runs[:2])
    assert len(a) == len(b) == OVERRIDES['epochs']
    worst = max(rel_diff(ra[k], rb[k]) for ra, rb in zip(a, b) for k in KEYS)
    print(f"largest relative difference over {len(a)} epochs x {KEYS}: {worst:.2e}")
    for ra, rb in zip(a, b):
        for k in KEYS: assert ra[k] == pytest.approx(rb[k], rel=RTOL, abs=ATOL), (ra['epoch'], k, ra[k], rb[k])

def _seen(name, w):
    "The part of a weight the loss depends on: attention key biases shift every logit of a row alike, so softmax ignores them."
    if not name.endswith('in_proj_bias'): return w
    d = len(w) // 3; return torch.cat([w[:d], w[2 * d:]])   # their gradient is pure float noise that AdamW scales up to lr-sized steps

def test_same_model_and_memory_bank(runs):
    ka, kb = (load_checkpoint(d/CKPT_NAME) for d in runs[:2])
    assert sorted(ka['model']) == sorted(kb['model'])            # no `module.` prefix
    worst = max(float((_seen(n, ka['model'][n]) - _seen(n, v)).abs().max() / v.abs().max().clamp_min(ATOL)) for n, v in kb['model'].items())
    print(f"largest weight difference (relative to the tensor's max): {worst:.2e}")
    assert worst < WTOL
    ma, mb = model_from_checkpoint(ka), model_from_checkpoint(kb)  # the DDP checkpoint loads in single-process code
    val = prepare(make_cfg('tiny', **OVERRIDES)).val
    b = val.collate(val.epoch(0, 0)[:64])
    with torch.no_grad(): fa, fb = (m.encode_signal(b['x'], b['ch_type'], b['ch_mask']) for m in (ma, mb))
    print(f"largest difference of unit-norm IMU features on 64 validation windows: {float((fa - fb).abs().max()):.2e}")
    torch.testing.assert_close(fa, fb, rtol=RTOL, atol=RTOL)
    for k in ('imu', 'txt'): torch.testing.assert_close(ka['memory_bank'][k], kb['memory_bank'][k], rtol=RTOL, atol=ATOL)
    for k in ('label', 'ptr', 'count'): assert torch.equal(ka['memory_bank'][k], kb['memory_bank'][k]), k   # the global batch, on every rank

def test_only_rank0_logs_and_writes(runs):
    a, _, logs = runs
    names = {p.name for p in a.iterdir()}   # a run folder as `imutext run` writes it (it held checkpoint.pt alone: report, transfer and ship took it for a killed run)
    assert {CKPT_NAME, 'hyperparameters.json', 'metrics.json', 'training_plots.png'} <= names and finished_run(a), names
    m = json.loads((a/'metrics.json').read_text())
    assert list(m['zero_shot']) == ['racketsports'] and len(m['history']) == OVERRIDES['epochs'] and 0 <= m['zero_shot']['racketsports']['macro_f1'] <= 1
    assert json.loads((a/'hyperparameters.json').read_text())['config']['train']['epochs'] == OVERRIDES['epochs']
    ck = load_checkpoint(a/CKPT_NAME)
    assert ck['world_size'] == 2 and len(ck['rng_ranks']) == 2 and not torch.equal(*(s['cpu'] for s in ck['rng_ranks']))
    assert all(s['cuda'] is None for s in ck['rng_ranks'])   # CPU ranks: no GPU state
    out = [l for l in logs['0/stdout.log'].splitlines() if l]
    assert len([l for l in out if l.startswith('epoch=')]) == OVERRIDES['epochs'] and 'epoch 1/' in logs['0/stderr.log'], out
    assert out[-2:] == [f"run folder: {a.resolve()}", f"racketsports: macro-F1 {m['zero_shot']['racketsports']['macro_f1']:.3f}"], out
    assert logs['1/stdout.log'] == '' and 'epoch ' not in logs['1/stderr.log']   # no lines, no progress bar

def test_vibration_model_refused_on_cpu(tmp_path):
    "Two CPU ranks would each normalise their own rows in the vibration CNN's BatchNorm (SyncBatchNorm runs on CUDA only): refused by name before anything is written."
    logs = torchrun('-m', 'imutext.ddp', '--preset', 'vib_tiny', '--run-dir', tmp_path/'run', log_dir=tmp_path/'logs', ok=False)
    err = logs['0/stderr.log']
    assert err.startswith("imutext.ddp: error: DataCfg.modality='vibration' on 2 CPU processes") and 'train.fit' in err, err
    assert logs['1/stderr.log'] == '' and not (tmp_path/'run').exists()

WORKER = r'''
"Under torchrun: one DDP step on a global batch of 31 windows (shards of 16 and 15); rank 0 saves the loss and gradients. Argument `lsa`: with the LSA fusion branch."
import sys
from unittest import mock
import torch, torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from imutext.config import make_cfg
from imutext.core import TEXT_DIM
from imutext.losses import MemoryBank, total_loss
from imutext.train import loss_terms, prepare
from imutext.models.factory import ClassTexts
from imutext.models.fusion import inverse_frequency
import imutext.ddp as D

def case(lsa=False):
    "Model (learnable attention label bank; with `lsa` the LSA fusion branch), global batch, class texts and a filled memory bank, the same in every process."
    torch.set_num_threads(1)
    cfg = make_cfg('tiny', dropout=0.0, label_pool='attention', fusion='lsa' if lsa else 'off'); p = prepare(cfg)
    g = torch.Generator().manual_seed(1); bank = MemoryBank(16, TEXT_DIM)
    bank.enqueue(F.normalize(torch.randn(16, TEXT_DIM, generator=g), dim=-1), F.normalize(torch.randn(16, TEXT_DIM, generator=g), dim=-1),
                 torch.randint(0, len(p.texts), (16,), generator=g))
    return cfg, p, p.train.epoch(cfg.train.seed, 0)[:31], ClassTexts(p.texts, p.encoder, p.model), bank

def grads(model): return {n: q.grad.detach().clone() for n, q in model.named_parameters() if q.grad is not None}

_gather = D.gather_rows
def shortcut_gather(x, sizes):
    "Other ranks' rows without gradient, this rank's re-inserted with it (open_clip's gather_with_grad=False)."
    g, lo = _gather(x.detach(), sizes), sum(sizes[:dist.get_rank()])
    return torch.cat([g[:lo], x, g[lo + len(x):]])

def terms(cfg, p, pairs, ct, bank, model, mix):
    "`train.loss_terms` of the batch as `train.train_epoch` calls it (the LSA fusion inputs included when the model has the branch)."
    e = ct.per_text()
    fz = dict(per_text=e, owner=ct.owner, weight=inverse_frequency(torch.from_numpy(p.train.labels(pairs)), ct.K)) if cfg.fusion.fusion == 'lsa' else None
    return loss_terms(model, mix.collate(pairs), ct.classes(e), cfg, bank, fusion=fz)

def step(cfg, p, pairs, ct, bank, model):
    p.model.zero_grad(set_to_none=True)
    loss = total_loss(terms(cfg, p, pairs, ct, bank, model, D.ShardedMix(p.train, dist.get_rank(), dist.get_world_size())))
    loss.backward()
    return float(loss), grads(p.model)

if __name__ == '__main__':
    ctx = D.init_distributed('cpu')
    cfg, p, pairs, ct, bank = case(sys.argv[2:] == ['lsa'])
    gm = D.GatheredModel(DistributedDataParallel(p.model))
    loss, exact = step(cfg, p, pairs, ct, bank, gm)
    with mock.patch.object(D, 'gather_rows', shortcut_gather): _, short = step(cfg, p, pairs, ct, bank, gm)
    if ctx.is_main: torch.save(dict(loss=loss, exact=exact, shortcut=short, world=ctx.world), sys.argv[1])
    dist.barrier()                  # both ranks past every collective (and rank 0's save) before gloo closes its pairs: a rank that tore down alone once aborted its peer
    dist.destroy_process_group()
'''

@pytest.mark.parametrize('lsa', [False, True], ids=['clip', 'lsa'])
def test_one_step_gradients_match(tmp_path, lsa):
    worker = tmp_path/'ddp_grad_worker.py'; worker.write_text(WORKER)
    torchrun(worker, tmp_path/'grads.pt', *(['lsa'] if lsa else []), log_dir=tmp_path/'logs')
    got = torch.load(tmp_path/'grads.pt', weights_only=True)
    torch.set_num_threads(1)
    w = runpy.run_path(str(worker))                                # the same case, single process, whole batch
    cfg, p, pairs, ct, bank = w['case'](lsa)
    d = w['terms'](cfg, p, pairs, ct, bank, p.model, p.train); total_loss(d).backward()
    ref = w['grads'](p.model)
    assert got['world'] == 2 and got['loss'] == pytest.approx(total_loss(d).item(), rel=1e-6)
    assert set(got['exact']) == set(ref) and any(n.startswith('label_bank.') for n in ref) and 'logit_scale' in ref
    assert any(n.startswith('fusion.') for n in ref) == lsa and ('fusion_ce_loss' in d and 'supcon_loss' in d) == lsa
    err = {n: float((got['exact'][n] - g).norm() / g.norm().clamp_min(1e-12)) for n, g in ref.items()}
    print(f"largest relative gradient error over {len(err)} tensors: {max(err.values()):.2e}")
    assert max(err.values()) < 1e-5, sorted(err.items(), key=lambda kv: -kv[1])[:5]
    # the check has teeth: the detached-gather shortcut gives the encoder 1/W of its gradient, the logit scale all of it
    enc = [n for n in ref if n.startswith('encoder.') and ref[n].norm() > 0]
    for n in enc: torch.testing.assert_close(got['shortcut'][n], ref[n] / 2, rtol=1e-4, atol=1e-7)
    torch.testing.assert_close(got['shortcut']['logit_scale'], ref['logit_scale'], rtol=1e-4, atol=1e-7)
