"`imutext zero-shot` on bundled names, folders given by path and copies elsewhere, and its errors."
import json, shutil
from conftest import imutext
from imutext.core import data_root
from imutext.data.subactions import CACHE_FILE, find_cache

def test_zero_shot_by_name_path_and_copy(tiny_run, tmp_path):
    ck = tiny_run[0]/'checkpoint.pt'
    recorded = json.loads((tiny_run[0]/'metrics.json').read_text())['zero_shot']['racketsports']
    by_name = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--json', '--device', 'cpu')
    assert by_name.returncode == 0, by_name.stderr
    m = json.loads(by_name.stdout)
    assert abs(m['macro_f1'] - recorded['macro_f1']) < 1e-9 and m['n'] == recorded['n']
    copy = shutil.copytree(data_root()/'imu'/'racketsports', tmp_path/'elsewhere'/'my_rackets')   # without the packaged sub-action cache
    by_path = imutext('zero-shot', '--checkpoint', ck, '--data', copy, '--json', '--device', 'cpu')
    plain = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--json', '--device', 'cpu', '--text-sources', 'name,description')
    assert by_path.returncode == 0 and json.loads(by_path.stdout)['accuracy'] == json.loads(plain.stdout)['accuracy'], by_path.stderr   # described by name and description
    assert "my_rackets: no sub-action cache (keywords, sentence, affirmative, subactions texts) for its classes" in by_path.stderr, by_path.stderr
    table = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--device', 'cpu')
    assert table.returncode == 0 and 'macro_f1' in table.stdout and 'chance_group_accuracy' in table.stdout
    lo, hi = m['ci95']['macro_f1']; assert f"95 % CI of macro_f1: [{lo:.4f}, {hi:.4f}]" in table.stdout, table.stdout   # the text output shows the intervals too
    assert m['seen_in_training'] is False and m['chance'] <= m['chance_group_accuracy'] <= 1
    quick = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--json', '--device', 'cpu', '--n-boot', '0')
    q = json.loads(quick.stdout)                              # no bootstrap: the same scores, no intervals
    assert q['macro_f1'] == m['macro_f1'] and 'ci95' in m and 'ci95' not in q and 'ci95' not in q['per_recording']
    table0 = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--device', 'cpu', '--n-boot', '0')
    assert table0.returncode == 0 and 'macro_f1' in table0.stdout and '95 % CI' not in table0.stdout, table0.stderr
    bad = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--device', 'cpu', '--n-boot', '-1')
    assert bad.returncode == 2 and "n_boot (--n-boot) must be 0 or more, got -1" in bad.stderr, bad.stderr
    rich = 'name,description,keywords,sentence,affirmative,subactions'   # racketsports's sub-action cache is packaged; the copy has none yet
    rs = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--json', '--device', 'cpu', '--n-boot', '0', '--text-sources', rich)
    assert rs.returncode == 0 and json.loads(rs.stdout)['n'] == m['n'], rs.stderr
    no_cache = imutext('zero-shot', '--checkpoint', ck, '--data', copy, '--device', 'cpu', '--text-sources', rich)
    assert no_cache.returncode == 2 and f"{copy}: no keywords, sentence, affirmative, subactions texts for its classes" in no_cache.stderr, no_cache.stderr
    shutil.copy(find_cache('racketsports')[0], copy/CACHE_FILE)   # the copy with its own subactions.json scores as the bundled set
    cached = imutext('zero-shot', '--checkpoint', ck, '--data', copy, '--json', '--device', 'cpu')
    assert cached.returncode == 0 and json.loads(cached.stdout)['accuracy'] == m['accuracy'] and 'no sub-action cache' not in cached.stderr, cached.stderr

def test_zero_shot_on_a_training_set_is_refused_or_labelled(tiny_run, tmp_path):
    "epilepsy is one of the tiny checkpoint's training sets: refused by name, by path and as a moved copy, unless --seen-ok labels it."
    ck = tiny_run[0]/'checkpoint.pt'
    copy = shutil.copytree(data_root()/'imu'/'epilepsy', tmp_path/'some_folder')
    for data in ('epilepsy', data_root()/'imu'/'epilepsy', copy):
        r = imutext('zero-shot', '--checkpoint', ck, '--data', data, '--device', 'cpu')
        assert r.returncode == 2 and "dataset 'epilepsy' is a training set of this model" in r.stderr and '--seen-ok' in r.stderr, r.stderr
    ok = imutext('zero-shot', '--checkpoint', ck, '--data', 'epilepsy', '--json', '--device', 'cpu', '--seen-ok')
    assert ok.returncode == 0 and json.loads(ok.stdout)['seen_in_training'] is True, ok.stderr
    table = imutext('zero-shot', '--checkpoint', ck, '--data', 'epilepsy', '--device', 'cpu', '--seen-ok')
    assert table.returncode == 0 and 'epilepsy (seen in training)' in table.stdout and 'not a zero-shot score' in table.stdout

def test_zero_shot_errors_are_one_line(tiny_run, tmp_path):
    ck = tiny_run[0]/'checkpoint.pt'
    junk = tmp_path/'junk.pt'; junk.write_bytes(b'\x00not a checkpoint')
    import torch
    newer = tmp_path/'newer.pt'; c = torch.load(ck, weights_only=True); c['config']['train']['ema_decay'] = 0.99; torch.save(c, newer)   # written by a newer imutext
    bad_folder = tmp_path/'not_a_dataset'; bad_folder.mkdir(); (bad_folder/'meta.json').write_text('{}')
    cases = [(['--checkpoint', tmp_path/'missing.pt', '--data', 'hapt'], 'does not exist'),
             (['--checkpoint', junk, '--data', 'hapt'], 'is not a readable imutext checkpoint'),
             (['--checkpoint', newer, '--data', 'hapt'], f"{newer}: config field 'ema_decay' (train) is unknown to this imutext version"),
             (['--checkpoint', ck, '--data', 'no_such_dataset'], "no dataset folder 'no_such_dataset'"),
             (['--checkpoint', ck, '--data', bad_folder], "missing key(s)"),
             (['--checkpoint', ck, '--data', 'cwru'], 'this is a vibration dataset, but the model reads imu data'),
             (['--checkpoint', tiny_run[0], '--data', 'hapt'], 'is a folder; give the checkpoint file'),
             (['--checkpoint', ck, '--data', ''], '--data is empty'),
             (['--checkpoint', ck, '--data', 'hapt', '--label-level', 'fault_type'], 'applies to vibration models')]
    for args, msg in cases:
        r = imutext('zero-shot', *args)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith('imutext: error:') and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr

def _edit_copy(src, dst, edit):
    "A copy of bundled vibration set `src` at `dst` with its meta.json edited."
    shutil.copytree(data_root()/'vibration'/src, dst)
    meta = json.loads((dst/'meta.json').read_text()); edit(meta); (dst/'meta.json').write_text(json.dumps(meta))
    return dst

def test_vibration_zero_shot_on_any_folder(vib_tiny_run, tmp_path):
    "A vibration checkpoint scores a rig copied outside the repository, at its fault-type level or its own labels, with the IMU keys."
    ck = vib_tiny_run[0]/'checkpoint.pt'
    rig = shutil.copytree(data_root()/'vibration'/'cwru_fe', tmp_path/'elsewhere'/'some_rig')
    ft = imutext('zero-shot', '--checkpoint', ck, '--data', rig, '--json', '--device', 'cpu', '--label-level', 'fault_type')
    assert ft.returncode == 0, ft.stderr
    m = json.loads(ft.stdout)
    assert m['label_names'] == ['healthy', 'inner_race', 'outer_race', 'ball'] and m['label_level'] == 'fault_type'
    assert {'macro_f1', 'accuracy', 'chance_macro_f1', 'balanced_accuracy', 'ci95', 'n'} <= set(m)
    recorded = json.loads((vib_tiny_run[0]/'metrics.json').read_text())['zero_shot']['cwru_fe']
    assert abs(m['macro_f1'] - recorded['macro_f1']) < 1e-9                     # the copy scores as the bundled set did
    lab = json.loads(imutext('zero-shot', '--checkpoint', ck, '--data', rig, '--json', '--device', 'cpu', '--label-level', 'label').stdout)
    assert len(lab['label_names']) == 14 and lab['n'] == m['n']

def test_vibration_errors_are_one_line(vib_tiny_run, tmp_path):
    "Bad vibration input: no shaft speed for an order input, a fault type missing from the map, a window longer than a recording."
    ck = vib_tiny_run[0]/'checkpoint.pt'
    def no_speed(m):
        for r in m['recordings']: r.pop('shaft_rate_hz'); r.pop('fault_frequencies_hz')
        m['condition_descriptions'] = {c: 'radial load only' for c in m['condition_names']}
    cases = [(_edit_copy('mfpt', tmp_path/'nospeed', no_speed), 'no shaft speed for recording 0'),
             (_edit_copy('mfpt', tmp_path/'nofault', lambda m: m['fault_type'].pop('OR')), "'fault_type'"),
             (_edit_copy('mfpt', tmp_path/'fast', lambda m: [r.update(shaft_rate_hz=0.5) for r in m['recordings']]), 'shorter than one window')]
    for folder, msg in cases:    # edited copies of mfpt, a training set of vib_tiny: --seen-ok says so, the data errors are the point
        r = imutext('zero-shot', '--checkpoint', ck, '--data', folder, '--device', 'cpu', '--seen-ok')
        assert r.returncode == 2 and r.stderr.startswith('imutext: error:') and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr
        assert str(folder) in r.stderr, r.stderr                                   # the message names the folder

def test_python_m_runs_the_cli(tmp_path):
    "`python -m imutext.cli` is the `imutext` script: same help, same one-line errors and exit code."
    import subprocess, sys
    r = subprocess.run([sys.executable, '-m', 'imutext.cli', '--help'], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and 'zero-shot' in r.stdout, r.stdout + r.stderr
    r = subprocess.run([sys.executable, '-m', 'imutext.cli', 'zero-shot', '--checkpoint', tmp_path/'none.pt', '--data', 'hapt'], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and r.stderr.startswith('imutext: error:') and 'Traceback' not in r.stderr, r.stderr
