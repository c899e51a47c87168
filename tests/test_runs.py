"The papermill template `nbs/runs/train.ipynb` through the strict runner: run folder contents and parameter checks."
import json
import numpy as np
import torch
from conftest import imutext, TRAIN_NB
from imutext.config import PRESETS, ExpCfg, flat_fields, cfg_to_dict
from imutext.runner import notebook_params, coerce

def test_run_folder_has_everything(tiny_run):
    run_dir, out = tiny_run
    for f in ('train.ipynb', 'parameters.json', 'hyperparameters.json', 'metrics.json', 'checkpoint.pt', 'embeddings.npz',
              'training_plots.png', 'final_embedding_space.png'):
        assert (run_dir/f).stat().st_size > 0, f
    hp = json.loads((run_dir/'hyperparameters.json').read_text())
    assert hp['preset'] == 'tiny' and set(hp['git']) == {'commit', 'dirty'} and hp['seed'] == hp['config']['train']['seed']
    assert hp['config']['data']['train_sets'] == list(PRESETS['tiny']['train_sets'])
    m = json.loads((run_dir/'metrics.json').read_text())
    assert len(m['history']) == PRESETS['tiny']['epochs']
    zs = m['zero_shot']['racketsports']
    assert zs['n_classes'] == 4 and abs(zs['chance'] - 0.25) < 1e-9 and 0 <= zs['macro_f1'] <= 1
    assert np.array(zs['confusion']).sum() == zs['n']
    assert f"run folder: {run_dir}" in out and 'racketsports' in out      # the CLI prints where and the table
    ck = torch.load(run_dir/'checkpoint.pt', weights_only=True)           # safe loading works
    assert ck['config'] == hp['config'] and ck['preprocessing']['rate_hz'] == hp['config']['data']['rate_hz']

def test_unknown_parameter_refused_before_running(tmp_path):
    r = imutext('run', TRAIN_NB, '-p', 'epoch', '1', '--root', tmp_path)
    assert r.returncode == 2 and "unknown parameter(s) ['epoch']" in r.stderr and 'Traceback' not in r.stderr
    assert not list(tmp_path.iterdir())          # nothing executed, no run folder

def test_wrong_type_refused(tmp_path):
    r = imutext('run', TRAIN_NB, '-p', 'epochs', 'three', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'epochs' must be int, got 'three'" in r.stderr
    assert not list(tmp_path.iterdir())

def test_values_and_dataset_names_refused_before_running(tmp_path):
    "Bounds and dataset names are checked before a run folder exists; a relative folder is made absolute for the notebook's own cwd."
    cases = [(['-p', 'epochs', '0'], "parameter 'epochs' must be >= 1, got 0"),
             (['-p', 'batch_size', '-8'], "parameter 'batch_size' must be >= 1, got -8"),
             (['-p', 'zero_shot_sets', 'hapt,wisdm_wach'], "parameter 'zero_shot_sets': no dataset folder 'wisdm_wach'"),
             (['-p', 'train_sets', 'dsads,mobifal'], "parameter 'train_sets': no dataset folder 'mobifal'"),
             (['-p', 'zero_shot_sets', 'dsads'], "'dsads' is also a training set"),
             (['-p', 'run_dir', tmp_path], "use --resume RUN_DIR"),
             (['-p', 'preset', 'full'], "parameter 'preset' only records the preset a run's values came from; to expand one, use --preset full"),
             (['-p', 'hub_alpha', 'nan'], "parameter 'hub_alpha' must be a finite number, got nan"),
             (['-p', 'rate_jitter', '1.5'], "parameter 'rate_jitter' must be in [0, 1), got 1.5"),
             (['-p', 'n_layers', '0'], "parameter 'n_layers' must be >= 1, got 0"),
             (['-p', 'text_sources', ''], "parameter 'text_sources': '' names none")]
    for args, msg in cases:
        r = imutext('run', TRAIN_NB, *args, '--root', tmp_path)
        assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, (args, r.stderr)
    r = imutext('run', TRAIN_NB.with_name('closedset.ipynb'), '-p', 'dataset', 'dsdas', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'dataset': no dataset folder 'dsdas'" in r.stderr
    r = imutext('run', TRAIN_NB.with_name('closedset.ipynb'), '-p', 'test_frac', '1.5', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'test_frac' must be in (0, 1), got 1.5" in r.stderr
    r = imutext('run', TRAIN_NB.with_name('closedset.ipynb'), '-p', 'dataset', 'mfpt', '-p', 'modality', 'vibration', '-p', 'test_conditions', 'bogus', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'test_conditions': ['bogus'] are not conditions of mfpt; choose from 0lbs" in r.stderr, r.stderr
    r = imutext('run', TRAIN_NB.with_name('closedset.ipynb'), '-p', 'vib_widths', '', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'vib_widths' must be 4 comma-separated channel counts >= 1" in r.stderr, r.stderr
    r = imutext('run', TRAIN_NB.with_name('report.ipynb'), '-p', 'run_dirs', tmp_path/'no-such-run', '--root', tmp_path)
    assert r.returncode == 2 and f"parameter 'run_dirs': ['{tmp_path/'no-such-run'}'] is not an existing folder" in r.stderr, r.stderr
    r = imutext('run', TRAIN_NB.with_name('report.ipynb'), '--preset', 'full', '--root', tmp_path)
    assert r.returncode == 2 and "preset 'full' sets none of the parameters of" in r.stderr
    r = imutext('run', TRAIN_NB.with_name('transfer.ipynb'), '-p', 'methods', 'probe, bogus', '--root', tmp_path)
    assert r.returncode == 2 and "parameter 'methods': ['bogus'] unknown" in r.stderr
    assert not list(tmp_path.iterdir())

def test_notebook_exception_reaches_the_terminal(tmp_path):
    "A run that fails inside the notebook prints the notebook's exception type and message, not only where the traceback is."
    r = imutext('run', TRAIN_NB, '--preset', 'tiny', '-p', 'window_s', '1000', '--root', tmp_path)
    (run_dir,) = tmp_path.iterdir()
    first = (run_dir/'error.txt').read_text().splitlines()[0]
    assert r.returncode == 2 and first.startswith('DataFormatError: ') and 'so it gives no window' in first and f"failed with {first}" in r.stderr, r.stderr[-2000:]
    assert not (run_dir/'metrics.json').exists() and json.loads((run_dir/'parameters.json').read_text())['parameters']['window_s'] == 1000.0

def test_notebook_defaults_are_the_quick_preset():
    "The parameters cell's defaults equal ExpCfg's, so a plain run is the main job; every preset key is a parameter."
    decl, ff, base = notebook_params(TRAIN_NB), flat_fields(), ExpCfg()
    closed = notebook_params(TRAIN_NB.with_name('closedset.ipynb'))
    for name, (typ, default) in decl.items():
        if name in ff:
            comp = getattr(base, ff[name][0])
            val = coerce(name, eval(default), typ)
            want = getattr(comp, name)
            assert (','.join(map(str, want)) if isinstance(want, tuple) else want) == val, name
    for preset, over in PRESETS.items():
        assert set(over) <= set(decl), (preset, set(over) - set(decl))
        assert set(over) <= set(closed), preset   # every preset runs the closed-set template too
    typ, default = closed['gravity_drop']   # the closed-set IMU rows augment like the main job (README, closed_gravity)
    assert coerce('gravity_drop', eval(default), typ) == base.data.gravity_drop

def test_report_reads_the_runs_under_its_root(tiny_run, tmp_path):
    "nbs/runs/report.ipynb without run_dirs reports the newest run beside its own run folder (under --root); a root without runs fails saying so instead of drawing the synthetic demo."
    import shutil
    root = tmp_path/'root'; run = shutil.copytree(tiny_run[0], root/tiny_run[0].name)
    r = imutext('run', TRAIN_NB.with_name('report.ipynb'), '--root', root)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert (run/'comparison.md').is_file() and 'racketsports' in (run/'comparison.md').read_text() and (run/'text_similarity.png').is_file()
    r = imutext('run', TRAIN_NB.with_name('report.ipynb'), '--root', tmp_path/'empty')
    assert r.returncode == 2 and f"no run folders under {tmp_path/'empty'}" in r.stderr, r.stderr[-2000:]

def test_transfer_template_on_the_tiny_checkpoint(tiny_run, tmp_path):
    "nbs/runs/transfer.ipynb on a set the checkpoint never saw: zero-shot row plus probe/fine-tune x trained/random rows for each k."
    import pandas as pd
    r = imutext('run', TRAIN_NB.with_name('transfer.ipynb'), '-p', 'checkpoint', tiny_run[0]/'checkpoint.pt',
                '-p', 'dataset', 'racketsports', '-p', 'k_list', '1,2', '-p', 'n_seeds', '1', '-p', 'steps', '5', '--root', tmp_path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    (run_dir,) = tmp_path.iterdir()
    t = pd.read_csv(run_dir/'transfer.csv')
    assert len(t) == 1 + 2 * 2 * 2 and set(t['encoder']) == {'trained', 'random'} and t['acc_mean'].between(0, 1).all()

def test_transfer_template_skips_an_unfinished_run(tiny_run, tmp_path):
    "Without -p checkpoint the transfer template takes the newest *finished* run under --root: a killed run (checkpoint.pt, no metrics.json) is skipped, and a root holding only killed runs is refused naming them."
    import shutil, pandas as pd
    root = tmp_path/'root'; done = shutil.copytree(tiny_run[0], root/'20200101-000000-done')
    killed = shutil.copytree(tiny_run[0], root/'20200102-000000-killed'); (killed/'metrics.json').unlink(); (killed/'checkpoint.pt').touch()
    r = imutext('run', TRAIN_NB.with_name('transfer.ipynb'), '-p', 'dataset', 'racketsports', '-p', 'k_list', '1', '-p', 'n_seeds', '1', '-p', 'steps', '2',
                '-p', 'methods', 'probe, finetune', '--root', root)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    (run_dir,) = [p for p in root.iterdir() if p.name.endswith('-transfer')]
    assert json.loads((run_dir/'hyperparameters.json').read_text())['checkpoint'] == str(done/'checkpoint.pt')
    assert set(pd.read_csv(run_dir/'transfer.csv')['method']) >= {'probe', 'finetune'}
    shutil.rmtree(done); shutil.rmtree(run_dir)
    r = imutext('run', TRAIN_NB.with_name('transfer.ipynb'), '-p', 'dataset', 'racketsports', '--root', root)
    assert r.returncode == 2 and f"no finished run under {root}: {killed} hold(s) a checkpoint.pt but no metrics.json" in r.stderr, r.stderr[-2000:]

def test_closedset_template_writes_both_rows(tmp_path):
    "nbs/runs/closedset.ipynb: supervised and aligned metrics on one subject-disjoint split, weight sync exact, a self-describing folder."
    r = imutext('run', TRAIN_NB.with_name('closedset.ipynb'), '--preset', 'tiny', '-p', 'dataset', 'basicmotions',
                '-p', 'epochs', '2', '-p', 'n_boot', '20', '--root', tmp_path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    (run_dir,) = tmp_path.iterdir()
    m, h = (json.loads((run_dir/f).read_text()) for f in ('metrics.json', 'hyperparameters.json'))
    assert m['dataset'] == 'basicmotions' and 0 <= m['aligned_acc'] <= 1 and 0 <= m['supervised_acc'] <= 1
    assert m['weight_sync_max_diff'] < 1e-5 and m['weight_sync_before'] > 0 and h['git']['commit'] and h['config']['train']['epochs'] == 2   # one network, trained two ways

def test_codebook_run_writes_its_audit(tmp_path_factory):
    "The train template with the shape codebook: codebook.json with the measured quantities and every audit figure."
    import json
    from conftest import _preset_run
    run_dir, _ = _preset_run(tmp_path_factory, 'codebook_tiny')
    cb = json.loads((run_dir/'codebook.json').read_text())
    assert cb['codes'] == 16 and 0 <= cb['val_usage_pct'] <= 100 and 1 <= cb['val_perplexity'] <= 16 and cb['val_recon_r2'] <= 1
    assert set(cb['uea']) == {'basicmotions', 'epilepsy', 'racketsports'} and cb['uea_seen_in_training'] == ['basicmotions', 'epilepsy']
    assert all(0 <= u['histogram_accuracy'] <= 1 and 0 <= u['tokens_accuracy'] <= 1 for u in cb['uea'].values())
    h = json.loads((run_dir/'metrics.json').read_text())['history'][-1]
    assert {'train_recon_loss', 'train_shape_loss', 'train_commit_loss', 'train_action_loss', 'train_vq_perplexity', 'val_recon_r2'} <= set(h)
    assert all((run_dir/f'codebook_{n}.png').stat().st_size > 1000 for n in ('shapes', 'usage', 'subactions', 'training', 'tokens'))

def test_pretrain_template_then_training_from_it(tmp_path):
    "nbs/runs/pretrain.ipynb writes pretrain.pt, metrics and plots; the train template starts from that encoder via init_from."
    root = tmp_path/'pre'
    r = imutext('run', TRAIN_NB.with_name('pretrain.ipynb'), '--preset', 'tiny', '-p', 'pre_bank', '64', '--root', root)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (pre,) = [p for p in root.iterdir() if p.is_dir()]
    h = json.loads((pre/'metrics.json').read_text())['history']
    assert len(h) == 2 and all(set(e) >= {'rec_loss', 'ms_loss', 'patch_loss', 'win_loss'} for e in h)
    assert (pre/'pretrain.pt').is_file() and (pre/'pretrain_losses.png').is_file() and (pre/'masked_reconstructions.png').is_file()
    r = imutext('run', TRAIN_NB, '--preset', 'tiny', '-p', 'init_from', pre, '--root', tmp_path/'train')
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (run,) = [p for p in (tmp_path/'train').iterdir() if p.is_dir()]
    assert json.loads((run/'hyperparameters.json').read_text())['config']['encoder']['init_from'] == str(pre)
    import torch   # the checkpoint keeps the pre-training run's sets, so a copy moved without that run still refuses them as unseen
    ck = torch.load(run/'checkpoint.pt', map_location='cpu', weights_only=True)
    assert ck['init_sets'] == torch.load(pre/'pretrain.pt', map_location='cpu', weights_only=True)['config']['data']['train_sets'] and ck['init_sets']
    r = imutext('run', TRAIN_NB.with_name('transfer.ipynb'), '-p', 'checkpoint', run/'checkpoint.pt', '-p', 'pretrained', pre,
                '-p', 'dataset', 'racketsports', '-p', 'k_list', '1,2', '-p', 'n_seeds', '1', '-p', 'methods', 'probe,minirocket',
                '--root', tmp_path/'transfer')
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (tr,) = [p for p in (tmp_path/'transfer').iterdir() if p.is_dir()]
    import pandas as pd
    t = pd.read_csv(tr/'transfer.csv')
    assert t.groupby(['method', 'encoder']).size().to_dict() == {('zero_shot', 'trained'): 1, ('minirocket', 'none'): 2,
                                                                 **{('probe', e): 2 for e in ('trained', 'random', 'pretrained')}}
    hp = json.loads((tr/'hyperparameters.json').read_text())
    assert hp['git']['commit'] and hp['pretrained'] == str(pre) and hp['protocol']['methods'] == ['probe', 'minirocket']

def test_every_parameter_line_parses():
    "papermill drops a parameter line it cannot parse with only a warning (a '>=' in its comment was enough), and the run then refuses the parameter: every declared line of every run template must come through."
    import re
    for nb in sorted(TRAIN_NB.parent.glob('*.ipynb')):
        cell = next(c for c in json.loads(nb.read_text())['cells'] if 'parameters' in c.get('metadata', {}).get('tags', []))
        declared = re.findall(r'^(\w+)\s*:', ''.join(cell['source']), re.M)
        assert sorted(declared) == sorted(notebook_params(nb)), (nb.name, sorted(set(declared) - set(notebook_params(nb))))
