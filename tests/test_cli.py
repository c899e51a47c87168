"`imutext zero-shot` on bundled names, folders given by path and copies elsewhere, and its errors."
import json, shutil
from conftest import imutext
from imutext.core import data_root

def test_zero_shot_by_name_path_and_copy(tiny_run, tmp_path):
    ck = tiny_run[0]/'checkpoint.pt'
    recorded = json.loads((tiny_run[0]/'metrics.json').read_text())['zero_shot']['racketsports']
    by_name = imutext('zero-shot', '--checkpoint', ck, '--data', 'racketsports', '--json', '--device', 'cpu')
    assert by_name.returncode == 0, by_name.stderr
    m = json.loads(by_name.stdout)
    assert abs(m['macro_f1'] - recorded['macro_f1']) < 1e-9 and m['n'] == recorded['n']
    copy = shutil.copytree(data_root()/'imu'/'racketsports', tmp_path/'elsewhere'/'my_rackets')
    by_path = imutext('zero-shot', '--checkpoint', ck, '--data', copy, '--json', '--device', 'cpu')
    assert by_path.returncode == 0 and json.loads(by_path.stdout)['accuracy'] == m['accuracy']
    table = imutext('zero-shot', '--checkpoint', ck, '--data', 'epilepsy', '--device', 'cpu')
    assert table.returncode == 0 and 'macro_f1' in table.stdout and 'chance' in table.stdout

def test_zero_shot_errors_are_one_line(tiny_run, tmp_path):
    ck = tiny_run[0]/'checkpoint.pt'
    junk = tmp_path/'junk.pt'; junk.write_bytes(b'\x00not a checkpoint')
    bad_folder = tmp_path/'not_a_dataset'; bad_folder.mkdir(); (bad_folder/'meta.json').write_text('{}')
    cases = [(['--checkpoint', tmp_path/'missing.pt', '--data', 'hapt'], 'does not exist'),
             (['--checkpoint', junk, '--data', 'hapt'], 'is not a readable imutext checkpoint'),
             (['--checkpoint', ck, '--data', 'no_such_dataset'], "no dataset folder 'no_such_dataset'"),
             (['--checkpoint', ck, '--data', bad_folder], "missing key(s)"),
             (['--checkpoint', ck, '--data', 'cwru'], 'cannot be evaluated by an IMU model')]
    for args, msg in cases:
        r = imutext('zero-shot', *args)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith('imutext: error:') and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr
