"Every result table in README.md and RESULTS.md is what scripts/results_tables.py makes of the committed run files under results/."
import importlib.util, json, re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location('results_tables', ROOT/'scripts'/'results_tables.py')
rt = importlib.util.module_from_spec(spec); spec.loader.exec_module(rt)

def test_result_tables_are_made_from_committed_runs():
    seen = []
    for path in rt.DOCS:
        md = path.read_text()
        marked = re.findall(r'<!-- table:(\w+) -->', md)
        assert marked, f"{path.name} marks no result table"
        for key in marked:
            table = rt.TABLES[key]()
            assert table is not None, f"{path.name} table {key!r} has no run files under results/"
            assert f"<!-- table:{key} -->\n{table}\n" in md, f"{path.name} table {key!r} differs from `python scripts/results_tables.py`"
        seen += marked
    assert sorted(seen) == sorted(rt.TABLES), "every table is shown once, in README.md or RESULTS.md"

def test_every_result_folder_describes_its_run():
    runs = [p.parent for p in (ROOT/'results').rglob('metrics.json')]
    assert runs
    for d in runs:
        h = json.loads((d/'hyperparameters.json').read_text())
        assert h['git']['commit'] and h['git']['dirty'] is False, d
        assert {'config', 'seed'} <= set(h), d

def github_anchor(heading:str)->str: return re.sub(r'[^\w\- ]', '', heading.strip().lower()).replace(' ', '-')

def test_links_to_the_experiment_log_name_its_sections():
    "Every `RESULTS.md#section` link of README.md and RESULTS.md's contents points at one of RESULTS.md's headings."
    log = (ROOT/'RESULTS.md').read_text()
    anchors = {github_anchor(h) for h in re.findall(r'^#+ (.+)$', log, re.M)}
    links = re.findall(r'\(RESULTS\.md#([\w-]+)\)', (ROOT/'README.md').read_text()) + re.findall(r'\]\(#([\w-]+)\)', log)
    assert len(links) >= 14
    for a in links: assert a in anchors, a
    assert github_anchor("Zero-shot IMU: issue 11's switches") == 'zero-shot-imu-issue-11s-switches'

def test_seed_ensemble_scores_each_window_by_its_members_mean(monkeypatch):
    import numpy as np, pytest
    monkeypatch.syspath_prepend(str(ROOT/'scripts'))
    from ensemble_screen import ensembles
    from imutext.eval.metrics import macro_f1
    from imutext.eval.zeroshot import recording_scores
    rng = np.random.default_rng(0)
    y, seg = np.repeat(rng.integers(0, 4, 12), 5), np.repeat(np.arange(12), 5)   # five windows per recording, one class each
    members = {k: (rng.normal(size=(60, 4)) + 0.5 * np.eye(4)[y], y, seg) for k in range(3)}
    got = {tuple(s): (f1, rec) for s, f1, rec in ensembles(members)}
    assert sorted(got) == [(0,), (0, 1), (0, 1, 2), (0, 2), (1,), (1, 2), (2,)]
    assert got[1,][0] == macro_f1(members[1][0], y)
    for sub in ((0, 2), (0, 1, 2)):
        mean = sum(members[k][0] for k in sub) / len(sub)
        assert got[sub] == (macro_f1(mean, y), macro_f1(*recording_scores(mean, seg, y)[:2]))
    assert len({f1 for f1, _ in got.values()}) > 1, "the subsets score differently on these seeded members"
    members[2] = (members[2][0], y, seg[::-1])
    with pytest.raises(ValueError, match='different windows'): list(ensembles(members))

def test_table_helpers_pair_seeds_and_mark_commits():
    "Per-seed gains refuse lists of different seeds; the commit line names every part of a resumed run and marks unknown or dirty trees."
    assert rt.gains([0.5, 0.6], [0.4, 0.5]) == '+0.100 / +0.100'
    try: rt.gains([0.5, 0.6, 0.7], [0.4, 0.5]); raise AssertionError('unequal seeds accepted')
    except ValueError as e: assert '3 against 2' in str(e)
    h = lambda git, *resumed: (None, dict(git=git, **({'resumed': list(resumed)} if resumed else {})))
    runs = [h(dict(commit='a' * 40, dirty=False)), h(dict(commit='b' * 40, dirty=False), dict(commit='c' * 40, dirty=True)), h(dict(commit=None, dirty=None))]
    assert rt.commit(runs) == '??, aaaaaaa, bbbbbbb, ccccccc*'
    assert [w for w, _ in rt.held_out_means(['hapt', 'wisdm_watch'], ['dsads'])] == ['**mean of the 2 sets**']   # no empty 'training sets held out' row
    runs = rt.seeds(rt.DEFAULTS[0])
    assert [h['seed'] for _, h in runs] == list(range(len(runs))) and len(runs) == 3
