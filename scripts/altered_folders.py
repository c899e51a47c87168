"""Score the shipped model on altered copies of bundled folders: each copy has one quirk a public dataset in the data
format may have, and each must score or be refused with a message naming the field (no traceback).

    python scripts/altered_folders.py [--out DIR] [--checkpoint imutext-base]

Prints one line per copy: its name, the command's exit status, macro-F1 (or the error) and its warnings (but the one
about the missing sub-action cache, which every copy gets). Every copy's signals get Gaussian noise (sd 0.01) so that
it is not refused as a copy of a training set; the macro-F1s are therefore no zero-shot measurement (the copies are of
imutext-base's own training sets), only a check that every path runs.
"""
import argparse, json, shutil, subprocess, sys, tempfile
from pathlib import Path
import numpy as np
from imutext.core import data_root


def noisy(a, m): a['signals'] = (a['signals'].astype(np.float32) + np.random.default_rng(0).normal(0, 0.01, a['signals'].shape)).astype(np.float32)

def cols(a, m, keep):
    a['signals'] = a['signals'][:, keep]; m['channels'] = [m['channels'][j] for j in keep]; m['n_channels'] = len(keep)

def extra_sensors(a, m):   # a magnetometer triplet and a temperature channel beside acc and gyro
    s = a['signals']; a['signals'] = np.c_[s, s[:, :3] * 30, np.arange(len(s))[:, None] % 7]
    pos = m['channels'][0].get('body_position')
    m['channels'] += [dict(name=f'mag_{c}', sensor='mag', axis=c, body_position=pos, units='uT') for c in 'xyz'] + [dict(name='temp', sensor='other', units='C')]
    m['n_channels'] = a['signals'].shape[1]

def rate(a, m, k):   # k > 1: every sample repeated k times (k x the rate); k < 1: every 1/k-th sample kept
    if k > 1: a['signals'], a['offsets'] = np.repeat(a['signals'], k, 0), a['offsets'] * k
    else:
        segs = [a['signals'][a['offsets'][i]:a['offsets'][i + 1]][::round(1 / k)] for i in range(len(a['labels']))]
        a['signals'], a['offsets'] = np.concatenate(segs), np.r_[0, np.cumsum([len(s) for s in segs])]
    m['sampling_rate_hz'] = m['sampling_rate_hz'] * k

def nans(a, m): a['signals'][100:110, 0] = np.nan

def milli_g(a, m):
    a['signals'][:, :3] *= 1000 / 9.80665
    for c in m['channels'][:3]: c['units'] = 'mg'

def two_devices(a, m):
    a['signals'] = np.c_[a['signals'], a['signals'][::-1] * 0.5]
    m['channels'] += [dict(c, name=c['name'] + '_2', body_position='ankle') for c in m['channels']]; m['n_channels'] = len(m['channels'])

def coded_labels(m):   # codes and punctuation in the names, list-form descriptions, and a class never recorded
    m['label_names'] = [f'A{i:02d}_{n.lower()}!' for i, n in enumerate(m['label_names'])] + ['never_recorded']
    m['label_descriptions'] = [f'the person is {n.lower()}' for n in m['label_names']]

def upper_codes(m):   # MobiAct-style names: short upper-case codes, the activities in label_descriptions
    m['label_descriptions'] = [n.replace('_', ' ').lower() for n in m['label_names']]
    m['label_names'] = [''.join(ch for ch in n.upper() if ch.isalpha())[:2] + str(i) for i, n in enumerate(m['label_names'])]

def keyed_by_code(m):   # descriptions keyed by label_codes
    m['label_codes'] = [f'C{i}' for i in range(len(m['label_names']))]
    m['label_descriptions'] = {f'C{i}': f'the person is {n.replace("_", " ").lower()}' for i, n in enumerate(m['label_names'])}

def keyed_by_index(m):   # label_names and label_descriptions as objects keyed by class index
    m['label_descriptions'] = {str(i): f'the person is {n.replace("_", " ").lower()}' for i, n in enumerate(m['label_names'])}
    m['label_names'] = {str(i): n for i, n in enumerate(m['label_names'])}

def empty_mag(a, m):   # a magnetometer triplet the device lacks: NaN throughout
    a['signals'] = np.c_[a['signals'], np.full((len(a['signals']), 3), np.nan, np.float32)]
    m['channels'] += [dict(name=f'mag_{c}', sensor='mag', axis=c, units='uT') for c in 'xyz']; m['n_channels'] = a['signals'].shape[1]

def bracket_units(m):
    for c in m['channels']: c['units'] = f"[{c['units']}], as recorded"

# name: (bundled source, meta.json edit, arrays edit)
VARIANTS = {
    'extra_sensors': ('hapt', None, extra_sensors),
    'bare_channels': ('hapt', lambda m: m.update(channels=[dict(name=c['name'], sensor=c['sensor']) for c in m['channels']]), None),
    'rate_100hz': ('hapt', None, lambda a, m: rate(a, m, 2)),
    'rate_5hz': ('hapt', None, lambda a, m: rate(a, m, 0.1)),
    'no_subjects': ('hapt', None, lambda a, m: a.update(subjects=np.full_like(a['subjects'], -1))),
    'one_subject': ('hapt', None, lambda a, m: a.update(subjects=np.full_like(a['subjects'], 7))),
    'int32_arrays': ('hapt', None, lambda a, m: a.update(**{k: a[k].astype(np.int32) for k in ('offsets', 'labels', 'subjects')})),
    'float64': ('wisdm_watch', None, lambda a, m: a.update(signals=a['signals'].astype(np.float64))),
    'nans': ('wisdm_watch', None, nans),
    'one_axis': ('wisdm_watch', None, lambda a, m: cols(a, m, [0])),
    'gyro_only': ('hapt', None, lambda a, m: cols(a, m, [3, 4, 5])),
    'coded_labels': ('hapt', coded_labels, None),
    'duplicate_labels': ('wisdm_watch', lambda m: m.update(label_names=[m['label_names'][0]] * 2 + m['label_names'][2:]), None),
    'milli_g': ('wisdm_watch', None, milli_g),
    'two_devices': ('hapt', None, two_devices),
    'upper_codes': ('hapt', upper_codes, None),
    'keyed_by_code': ('wisdm_watch', keyed_by_code, None),
    'keyed_by_index': ('wisdm_watch', keyed_by_index, None),
    'empty_mag': ('hapt', None, empty_mag),
    'bracket_units': ('hapt', bracket_units, None),
    'korean_names': ('wisdm_watch', lambda m: (m.update(label_names=['걷기', '조깅', '계단', '앉기', '서기', '차기']), m.pop('label_descriptions', None)), None),
}

def make(out:Path, name:str, src:str, meta_edit, arr_edit)->Path:
    "A copy of bundled `src` as `out/name`, noised, then edited; without the bundled set's sub-action cache."
    d = out/name; shutil.copytree(data_root()/'imu'/src, d)
    m = json.loads((d/'meta.json').read_text()); m['name'] = name
    with np.load(d/'data.npz') as z: a = dict(z)
    noisy(a, m)
    if arr_edit: arr_edit(a, m)
    if meta_edit: meta_edit(m)
    np.savez_compressed(d/'data.npz', **a); (d/'meta.json').write_text(json.dumps(m))
    (d/'subactions.json').unlink(missing_ok=True)
    return d

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', default=None, help='folder for the copies (default: a temporary one)')
    ap.add_argument('--checkpoint', default='imutext-base')
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp()); out.mkdir(parents=True, exist_ok=True)
    for name, v in VARIANTS.items():
        d = make(out, name, *v)
        r = subprocess.run([sys.executable, '-m', 'imutext.cli', 'zero-shot', '--checkpoint', args.checkpoint, '--data', str(d), '--json', '--n-boot', '0', '--device', 'cpu'],
                           capture_output=True, text=True)
        said = sorted({l.split('Warning: ', 1)[1].replace(str(d), name)[:130] for l in r.stderr.splitlines() if 'Warning: ' in l and 'sub-action cache' not in l})
        res = f"macro-F1 {json.loads(r.stdout)['macro_f1']:.3f}" if r.returncode == 0 else r.stderr.strip().splitlines()[-1][:160]
        print(f"{name:17s} rc={r.returncode} {res}" + ''.join(f"\n{'':21s}warning: {s}" for s in said), flush=True)
