"Shared fixtures: one tiny training run (the `tiny` preset) reused by the CLI and run-folder tests."
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAIN_NB = ROOT/'nbs'/'runs'/'train.ipynb'

def imutext(*args, **kw):
    "Run the installed `imutext` console script; returns the CompletedProcess."
    exe = Path(sys.executable).with_name('imutext')
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=kw.pop('timeout', 900), **kw)

def _preset_run(tmp_path_factory, preset):
    "Run folder of `imutext run nbs/runs/train.ipynb --preset PRESET` in a fresh root."
    root = tmp_path_factory.mktemp(f'runs-{preset}')
    r = imutext('run', TRAIN_NB, '--preset', preset, '--root', root)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (run_dir,) = [p for p in root.iterdir() if p.is_dir()]
    return run_dir, r.stdout

@pytest.fixture(scope='session')
def tiny_run(tmp_path_factory):
    "Run folder of the `tiny` preset (executed once per session)."
    return _preset_run(tmp_path_factory, 'tiny')

@pytest.fixture(scope='session')
def vib_tiny_run(tmp_path_factory):
    "Run folder of the `vib_tiny` preset: the vibration job's code path, tiny."
    return _preset_run(tmp_path_factory, 'vib_tiny')

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: long or optional-dependency tests (e.g. the local GGUF backend); skipped when the dependency is absent')
