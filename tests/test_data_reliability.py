"""Loading reliability (issue 10): broken copies of small bundled datasets fail with a message naming the file,
a user's copy of a bundled dataset never picks up the bundled sub-action cache, every bundled accelerometer yields
its x/y/z triplets, a bad text-embedding cache names its path, and progress bars suit where they run."""
import json, shutil, struct, zipfile
from pathlib import Path
import numpy as np
import pytest
import torch

from imutext.core import TEXT_DIM, data_root
from imutext.data.datasets import DataFormatError, load_dataset, list_datasets, resolve_dataset
from imutext.data.windows import sensor_triplets, axis_letter
from imutext.data.subactions import load_subactions, get_subactions, find_cache, LLMCfg, CACHE_FILE

def copy_dataset(name: str, dst: Path, meta_edit=None) -> Path:
    "A copy of bundled dataset `name` in `dst`, meta.json optionally edited."
    src = resolve_dataset(name); dst.mkdir(parents=True)
    shutil.copy(src/'data.npz', dst/'data.npz')
    meta = json.loads((src/'meta.json').read_text())
    if meta_edit: meta_edit(meta)
    (dst/'meta.json').write_text(json.dumps(meta))
    return dst

def garble_member(npz: Path, member: str = 'signals.npy', n: int = 64):
    "Overwrite the first `n` bytes of `member`'s deflate stream: a corrupt compressed stream (zlib.error on read)."
    b = bytearray(npz.read_bytes())
    info = zipfile.ZipFile(npz).getinfo(member)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    name_len, extra_len = struct.unpack('<HH', b[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    b[start:start + n] = b'\xff' * n
    npz.write_bytes(bytes(b))

def rewrite_arrays(folder: Path, edit):
    with np.load(folder/'data.npz') as z: a = {k: z[k] for k in z.files}
    edit(a); np.savez_compressed(folder/'data.npz', **a)

# --- loading ------------------------------------------------------------------------------------------------------

def test_corrupt_compressed_stream_is_a_data_format_error(tmp_path):
    p = copy_dataset('basicmotions', tmp_path/'bm')
    garble_member(p/'data.npz')
    with pytest.raises(DataFormatError, match='corrupt npz') as e: load_dataset(p)
    assert str(p/'data.npz') in str(e.value) and 'signals' in str(e.value)

def test_n_channels_is_checked_against_the_signals(tmp_path):
    p = copy_dataset('basicmotions', tmp_path/'bm', meta_edit=lambda m: m.update(n_channels=5))
    with pytest.raises(DataFormatError) as e: load_dataset(p)
    msg = str(e.value)
    assert str(p/'meta.json') in msg and "'n_channels' = 5" in msg and '6 columns' in msg, msg

def test_a_dataset_without_segments_is_refused(tmp_path):
    p = copy_dataset('basicmotions', tmp_path/'bm')
    def empty(a):
        a['signals'] = a['signals'][:0]; a['offsets'] = a['offsets'][:1]
        a['labels'] = a['labels'][:0]; a['subjects'] = a['subjects'][:0]
    rewrite_arrays(p, empty)
    with pytest.raises(DataFormatError, match='no segment') as e: load_dataset(p)
    assert str(p) in str(e.value)

def test_every_bundled_dataset_still_loads():
    for n in list_datasets():
        d = load_dataset(n)
        assert d.n_segments > 0 and d.signals.shape[1] == d.meta.get('n_channels', d.signals.shape[1]), n

def test_wrong_shape_text_cache_names_the_cache_path(tmp_path):
    from imutext.models.text import TextEncoder, _cache_path
    bad = _cache_path(tmp_path, 'sentence', 'walking'); bad.parent.mkdir(parents=True)
    np.save(bad, np.zeros(TEXT_DIM + 1, np.float32))     # e.g. written by a different text model
    with pytest.raises(ValueError) as e: TextEncoder(cache_dir=tmp_path).encode(['walking'])
    assert str(bad) in str(e.value) and f'({TEXT_DIM + 1},)' in str(e.value)
    tok = _cache_path(tmp_path, 'tokens', 'walking'); tok.parent.mkdir(parents=True)
    np.save(tok, np.zeros((4, 7), np.float32))
    with pytest.raises(ValueError) as e: TextEncoder(cache_dir=tmp_path).tokens(['walking'])
    assert str(tok) in str(e.value)

# --- sub-action caches are matched by folder, not by name ----------------------------------------------------------

def test_copy_of_a_bundled_dataset_does_not_use_its_cache(tmp_path):
    def rename(m): m['label_names'][0] = 'Badminton_Jump_Smash'
    p = copy_dataset('racketsports', tmp_path/'racketsports', meta_edit=rename)
    assert json.loads((p/'meta.json').read_text())['name'] == 'racketsports'
    assert load_subactions(p) == {}                       # was: CacheError "label_names differ ... (stale cache?)"
    assert find_cache(p)[0] is None
    same = copy_dataset('racketsports', tmp_path/'copy2')   # an unchanged copy has no texts of its own either
    assert load_subactions(same) == {}

def test_bundled_dataset_keeps_its_cache_by_name_and_by_path():
    by_name = load_subactions('racketsports')
    assert set(by_name) >= {'keywords', 'subactions'} and len(by_name['subactions']) == 4
    assert load_subactions(data_root()/'imu'/'racketsports') == by_name
    cached = json.loads((Path(find_cache('racketsports')[0])).read_text())
    assert [c['texts']['subactions']['items'] for c in cached['classes']] == by_name['subactions']

def test_relabelled_copy_generates_its_own_cache(tmp_path):
    class Canned:
        name, model = 'canned', 'canned'
        def provenance(self): return dict(backend=self.name, model=self.model)
        calls = 0
        def chat(self, messages, schema=None):   # a different list for each class: a repeat of another class's entry is refused
            self.calls += 1; return f'["quick wrist flick", "racket head speed", "overhead reach", "stroke number {"abcdefgh"[self.calls % 8]}"]'
    def rename(m): m['label_names'][0] = 'Badminton_Jump_Smash'
    p = copy_dataset('racketsports', tmp_path/'rs', meta_edit=rename)
    r = get_subactions(p, LLMCfg(retry_wait_s=0), ['keywords'], backend=Canned())
    assert (p/CACHE_FILE).is_file() and len(r['keywords']) == 4 and load_subactions(p) == r

# --- axes ---------------------------------------------------------------------------------------------------------

def test_axis_letter_parses_described_axes():
    for s, want in [('x', 'x'), ('Y', 'y'), ('x (toward the hand)', 'x'), ('z (perpendicular to the plane of the hand)', 'z'),
                    ('X-axis', 'x'), ('y axis', 'y'), ('', None), ('magnitude', None), ('xy', None), (None, None)]:
        assert axis_letter(s) == want, (s, axis_letter(s))

def test_every_bundled_accelerometer_yields_its_triplets():
    for n in list_datasets('imu'):
        ch = load_dataset(n).channels
        acc = [c for c in ch if c.get('sensor') == 'acc']
        if len(acc) < 3: continue
        trip, dev = sensor_triplets(acc)
        assert len(trip) == len(acc) // 3, (n, [c.get('axis') for c in acc])   # hmp: 'x (toward the hand)', ...
        assert len(dev) == len(trip), n

# --- progress bars ------------------------------------------------------------------------------------------------

def test_progress_bar_updates_rarely_in_logs(monkeypatch):
    from imutext import core
    assert core.progress_mode(jupyter=False, tty=False, widgets=True) == 'log'
    assert core.progress_mode(jupyter=False, tty=True, widgets=False) == 'tty'
    assert core.progress_mode(jupyter=True, tty=False, widgets=True) == 'widget'
    assert core.progress_mode(jupyter=True, tty=False, widgets=False) == 'log'
    monkeypatch.setenv('IMUTEXT_PROGRESS', 'off')
    assert core.progress_mode(jupyter=True, tty=True, widgets=True) == 'off'
    monkeypatch.delenv('IMUTEXT_PROGRESS')
    bar = core.progress_bar(range(3))                     # pytest captures stderr: not a TTY, not Jupyter
    assert bar.mininterval >= 10 and list(bar) == [0, 1, 2]
    assert core.progress_bar(range(3), disable=True).disable

# --- provenance of the bundled sub-action texts -------------------------------------------------------------------

def test_readme_and_bundled_texts_state_the_same_provenance():
    from imutext.data.subactions import packaged_cache_dir, CURATED, CURATED_BACKEND
    readme = (Path(__file__).resolve().parents[1]/'README.md').read_text()
    for phrase in ('written class by class by an AI coding assistant while imutext was being developed',
                   'not generated by an LLM backend', 'not yet been reviewed by a person'):
        assert phrase in readme, phrase
    assert 'as reviewed JSON' not in readme and 'written by hand' not in readme
    files = sorted(packaged_cache_dir().glob('*.json'))
    assert len(files) == len(list_datasets())
    for f in files:
        c = json.loads(f.read_text(encoding='utf-8')); pv = c['provenance']
        assert pv['reviewed_by_person'] is False and pv['generated_by_llm_backend'] is False, f
        assert 'AI coding assistant' in pv['made_by'] and 'not yet reviewed by a person' in pv['notes'], f
        assert {(e['backend'], e['model']) for cl in c['classes'] for e in cl['texts'].values()} == {(CURATED_BACKEND, CURATED)}, f

def test_stale_cache_blocks_only_the_texts_it_gives(tmp_path):
    "A folder whose subactions.json no longer matches its meta.json is scored by name and description (the error told the user to do that, then refused it too); its cache texts stay refused."
    from imutext.eval.zeroshot import evaluate_checkpoint
    from imutext.data.subactions import read_cache, packaged_cache_dir, save_cache
    p = copy_dataset('basicmotions', tmp_path/'bm')
    c = read_cache(packaged_cache_dir()/'basicmotions.json'); c['label_names'][3] = c['classes'][3]['label'] = 'Tennis'; save_cache(c, p/CACHE_FILE)
    m = evaluate_checkpoint('imutext-base', p, seen_ok=True, n_boot=0, text_sources=['name', 'description'])
    assert m['text_sources'] == ['name'] and 0 <= m['macro_f1'] <= 1   # basicmotions has no descriptions
    with pytest.raises(ValueError, match=r"label_names differ from the dataset's meta.json \(stale cache\?\): label_names\[3\] 'Tennis' here, 'Badminton' there"):
        evaluate_checkpoint('imutext-base', p, seen_ok=True, n_boot=0, text_sources=['name', 'keywords'])
