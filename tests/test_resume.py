"A training run killed mid-way resumes from its last checkpoint and ends exactly where an uninterrupted run ends (CPU, same seed): `train.fit` in-process, and `imutext run --resume` on a killed run folder."
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pytest, torch
from imutext.config import make_cfg
from imutext.train import fit
from imutext.models.factory import load_checkpoint, CKPT_NAME
from conftest import imutext, TRAIN_NB

CFG = dict(epochs=4)
KILLER = "from imutext.config import make_cfg; from imutext.train import fit; import sys; fit(make_cfg('tiny', epochs=4), sys.argv[1])"

def test_killed_run_resumes_to_the_same_metrics(tmp_path):
    torch.set_num_threads(2)
    a = fit(make_cfg('tiny', **CFG), tmp_path/'a').history
    b_dir = tmp_path/'b'
    proc = subprocess.Popen([sys.executable, '-c', KILLER, str(b_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, 'OMP_NUM_THREADS': '2'})
    deadline = time.time() + 600
    while not (b_dir/CKPT_NAME).exists():                 # wait for the first checkpoint, then kill -9
        assert proc.poll() is None and time.time() < deadline, 'trainer ended before writing a checkpoint'
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL); proc.wait()
    done = load_checkpoint(b_dir/CKPT_NAME)['epoch'] + 1
    assert done < CFG['epochs'], 'the kill came too late to test resumption'
    assert not [p for p in b_dir.iterdir() if p.name != CKPT_NAME]   # no half-written temp file left behind
    b = fit(make_cfg('tiny', **CFG), b_dir).history
    assert len(b) == len(a) == CFG['epochs']
    for ra, rb in zip(a, b):
        for k in ('train_loss', 'val_loss', 'val_acc', 'logit_scale', 'lr'):
            assert rb[k] == pytest.approx(ra[k], rel=1e-5, abs=1e-6), (ra['epoch'], k, ra[k], rb[k])

# `imutext run --resume`: the same through the command line, the papermill template and the run folder
RUN = ('--preset', 'tiny', '-p', 'epochs', '6')

def _metrics(run_dir):
    "metrics.json without the timings."
    m = json.loads((run_dir/'metrics.json').read_text())
    for h in m['history']: h.pop('epoch_s')
    m.pop('wall_s'); return m

def _kill_tree(pid):
    "SIGKILL the process `pid` and its descendants (the notebook's kernel), by id."
    import psutil
    pids = [pid] + [c.pid for c in psutil.Process(pid).children(recursive=True)]
    for p in pids:
        try: os.kill(p, signal.SIGKILL)
        except ProcessLookupError: pass

def test_cli_resume_of_a_killed_run_ends_as_the_uninterrupted_one(tmp_path):
    ref = imutext('run', TRAIN_NB, *RUN, '--root', tmp_path/'a')
    assert ref.returncode == 0, ref.stderr[-2000:]
    (a,) = (tmp_path/'a').iterdir()
    root = tmp_path/'b'; root.mkdir()
    proc = subprocess.Popen([str(Path(sys.executable).with_name('imutext')), 'run', str(TRAIN_NB), *RUN, '--root', str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, 'OMP_NUM_THREADS': '2'})
    deadline = time.time() + 600
    while not list(root.glob(f'*/{CKPT_NAME}')):           # the first checkpoint, then kill -9 the runner and its kernel
        assert proc.poll() is None and time.time() < deadline, 'run ended before writing a checkpoint'
        time.sleep(0.02)
    _kill_tree(proc.pid); proc.wait()
    (b,) = root.iterdir()
    assert load_checkpoint(b/CKPT_NAME)['epoch'] + 1 < 6 and not (b/'metrics.json').exists(), 'the kill came too late'
    (b/'error.txt').write_text('RuntimeError: from an earlier try\n')
    other = imutext('run', TRAIN_NB, '--resume', b, '-p', 'epochs', '8', '-p', 'lr', '0.01')
    assert other.returncode == 2 and "other values of ['epochs', 'lr']" in other.stderr and 'epochs: recorded 6, given 8' in other.stderr, other.stderr
    preset = imutext('run', TRAIN_NB, '--resume', b, '--preset', 'vib_tiny')
    assert preset.returncode == 2 and "'modality'" in preset.stderr and "'train_sets'" in preset.stderr, preset.stderr
    r = imutext('run', TRAIN_NB, *RUN, '--resume', b)        # the same command again plus --resume: the values equal the recorded ones
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"run folder: {b}" in r.stdout and list(root.iterdir()) == [b] and not (b/'error.txt').exists()
    ma, mb = _metrics(a), _metrics(b)
    assert len(mb['history']) == 6
    assert _close(ma, mb)

def _close(a, b, path='metrics'):
    "True when nested dicts/lists `a` and `b` have the same keys and numbers equal to 1e-5 (else an AssertionError naming the path)."
    if isinstance(a, dict):
        assert set(a) == set(b), (path, set(a) ^ set(b))
        return all(_close(a[k], b[k], f'{path}.{k}') for k in a)
    if isinstance(a, list):
        assert len(a) == len(b), path
        return all(_close(x, y, f'{path}[{i}]') for i, (x, y) in enumerate(zip(a, b)))
    if isinstance(a, float): assert b == pytest.approx(a, rel=1e-5, abs=1e-6), (path, a, b)
    else: assert a == b, (path, a, b)
    return True
