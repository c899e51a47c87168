"The shipped model: it loads by name right after the install and scores any folder in the data format zero-shot, with no training."
import json, shutil
import numpy as np
from conftest import imutext
from imutext.config import cfg_from_dict
from imutext.core import data_root
from imutext.data.datasets import list_datasets
from imutext.models.factory import SHIPPED_DIR, load_checkpoint, shipped_models


def test_imutext_base_is_shipped_with_its_card():
    assert 'imutext-base' in shipped_models()
    cfg = cfg_from_dict(load_checkpoint('imutext-base')['config'])
    assert set(cfg.data.train_sets) == set(list_datasets('imu'))          # every bundled IMU set
    card = (SHIPPED_DIR/'imutext-base.md').read_text()
    for s in cfg.data.train_sets: assert f"| {s} |" in card                # each training set with its licence row
    assert 'leave-one-dataset-out' in card and 'imutext zero-shot --checkpoint imutext-base' in card


def test_imutext_base_scores_a_folder_by_name(tmp_path):
    "A folder in the data format under another name is scored; a bundled (training) set, or a renamed or cut copy of one, is refused unless --seen-ok labels it."
    dst = shutil.copytree(data_root()/'imu'/'basicmotions', tmp_path/'my_recordings')
    meta = json.loads((dst/'meta.json').read_text()); meta['name'] = 'my_recordings'; (dst/'meta.json').write_text(json.dumps(meta))
    copy = imutext('zero-shot', '--checkpoint', 'imutext-base', '--data', dst, '--device', 'cpu')
    assert copy.returncode == 2 and "a copy of one" in copy.stderr, copy.stderr
    with np.load(dst/'data.npz') as z: a = dict(z)
    keep = np.arange(1, len(a['labels']))                       # the set without its first series: still the training set's recordings
    a = dict(signals=a['signals'][a['offsets'][1]:], offsets=a['offsets'][1:] - a['offsets'][1], labels=a['labels'][keep], subjects=a['subjects'][keep])
    np.savez(dst/'data.npz', **a)
    cut = imutext('zero-shot', '--checkpoint', 'imutext-base', '--data', dst, '--device', 'cpu')
    assert cut.returncode == 2 and "a copy of one" in cut.stderr, cut.stderr
    a['signals'] = (a['signals'] + np.random.default_rng(0).normal(0, 0.05, a['signals'].shape)).astype(np.float32)   # recordings of one's own: other samples
    np.savez(dst/'data.npz', **a)
    r = imutext('zero-shot', '--checkpoint', 'imutext-base', '--data', dst, '--json', '--device', 'cpu')
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m['dataset'] == 'my_recordings' and m['n_classes'] == 4 and 0 <= m['macro_f1'] <= 1
    refused = imutext('zero-shot', '--checkpoint', 'imutext-base', '--data', 'basicmotions', '--device', 'cpu')
    assert refused.returncode == 2 and "is a training set of this model" in refused.stderr
    seen = json.loads(imutext('zero-shot', '--checkpoint', 'imutext-base', '--data', 'basicmotions', '--json', '--device', 'cpu', '--seen-ok').stdout)
    assert seen['seen_in_training'] and seen['macro_f1'] > 2 * seen['chance_macro_f1']   # it learned its training data
    missing = imutext('zero-shot', '--checkpoint', 'imutext-large', '--data', dst, '--device', 'cpu')
    assert missing.returncode == 2 and 'shipped models, taken by name: imutext-base' in missing.stderr
