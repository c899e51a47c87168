"Every library notebook runs top to bottom and its asserting cells pass (nbdev_test; papermill templates in nbs/runs are run by test_runs)."
import subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def test_nbdev_test_all_notebooks():
    exe = Path(sys.executable).with_name('nbdev_test')
    r = subprocess.run([str(exe), '--n_workers', '2', '--timing'], cwd=ROOT, capture_output=True, text=True, timeout=2400)
    assert r.returncode == 0, (r.stdout + r.stderr)[-8000:]
