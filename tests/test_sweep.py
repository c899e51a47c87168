"Leave-one-dataset-out as a papermill sweep: one run folder per fold, one gathered table."
import pandas as pd
from conftest import imutext

def test_lodo_sweep_gathers_one_table(tmp_path):
    r = imutext('sweep', 'lodo', '--sets', 'basicmotions,racketsports', '--preset', 'tiny', '-p', 'epochs', '1', '--root', tmp_path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    (sweep,) = tmp_path.iterdir()
    folds = sorted(p.name.split('-', 2)[-1] for p in sweep.iterdir() if p.is_dir())
    assert folds == ['basicmotions', 'racketsports']
    t = pd.read_csv(sweep/'table.csv')
    assert sorted(t['dataset']) == ['basicmotions', 'racketsports'] and t['macro_f1'].between(0, 1).all()
    assert (sweep/'table.md').read_text().count('\n') >= 3 and 'sweep folder:' in r.stdout
