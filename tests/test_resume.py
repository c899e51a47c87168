"A training run killed mid-way resumes from its last checkpoint and ends exactly where an uninterrupted run ends (CPU, same seed)."
import os, signal, subprocess, sys, time
from pathlib import Path
import pytest, torch
from imutext.config import make_cfg
from imutext.train import fit
from imutext.models.factory import load_checkpoint, CKPT_NAME

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
