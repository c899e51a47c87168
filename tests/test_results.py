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
