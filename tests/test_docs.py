"""The docs site: scripts/build_docs.sh renders the notebooks offline (nbdev 2 preprocessing + smalldocs, no Quarto);
the home page matches the README; API pages carry signatures with docments; headless Chromium draws both pages."""
import html, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT/'_proc'/'_docs'
CHROMIUM = next((p for p in ('/usr/bin/chromium', shutil.which('chromium') or '') if p and Path(p).is_file()), None)

def text_of(page: Path) -> str:
    "Visible text of an HTML page (tags dropped, entities decoded, spaces collapsed)."
    t = re.sub(r'<(script|style)\b.*?</\1>', ' ', page.read_text(encoding='utf-8'), flags=re.S)
    return re.sub(r'\s+', ' ', html.unescape(re.sub(r'<[^>]+>', '', t)))

def squash(s: str) -> str: return re.sub(r'\s+', '', s)

@pytest.fixture(scope='module')
def site():
    "Build the site with the project's script (incremental: proc_nbs reuses _proc/ for unchanged notebooks)."
    env = {**os.environ, 'PYTHON': sys.executable}
    r = subprocess.run(['bash', str(ROOT/'scripts'/'build_docs.sh')], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert 'pages in _proc/_docs/' in r.stdout, r.stdout
    return SITE

def md_cells(nb: Path) -> str:
    import json
    return '\n\n'.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown')

def sections(md: str) -> list[str]: return re.findall(r'^## (.+?)\s*$', md, re.M)

def commands(md: str) -> list[str]:
    "Non-comment lines of the first bash block: the two commands."
    block = re.search(r'```bash\n(.*?)```', md, re.S)[1]
    return [l for l in block.splitlines() if l.strip() and not l.startswith('#')]

def test_index_matches_readme():
    "nbs/index.ipynb (the home page) has the README's title, summary, commands and sections."
    readme, index = (ROOT/'README.md').read_text(), md_cells(ROOT/'nbs'/'index.ipynb')
    for pat in (r'^# .+$', r'^> .+$'):
        assert re.search(pat, readme, re.M)[0] == re.search(pat, index, re.M)[0]
    assert commands(readme) == commands(index) and len(commands(index)) == 2
    assert [s for s in sections(readme) if 'result' not in s.lower()] == sections(index)
    assert 'RESULTS_PLACEHOLDER' not in index

def test_home_page(site):
    page = site/'index.html'
    t = text_of(page)
    readme = (ROOT/'README.md').read_text()
    assert re.search(r'^# (.+)$', readme, re.M)[1] in t
    assert re.search(r'^> (.+)$', readme, re.M)[1][:60] in t
    for cmd in commands(readme): assert squash(cmd) in squash(t), cmd
    for s in sections(md_cells(ROOT/'nbs'/'index.ipynb')): assert s in t, s
    src = page.read_text(encoding='utf-8')
    for nav in ('11_data.windows.html', '00_core.html', '23_models.clip.html'): assert f'href="{nav}"' in src, nav  # sidebar

def test_module_page(site):
    "An API page shows each function's signature with its docments, the prose, and local cross-links."
    page = site/'11_data.windows.html'
    t, src = text_of(page), page.read_text(encoding='utf-8')
    from imutext.data import windows
    import fastcore.docments as fd
    assert 'data.windows' in t and 'id="imu_windows"' in src
    assert squash('def imu_windows(') in squash(t)
    for arg, doc in fd.docments(windows.imu_windows).items():
        if doc and arg != 'return': assert squash(f'# {doc}') in squash(t), (arg, doc)
    assert windows.imu_windows.__doc__.split()[0] in t
    assert 'https://imutext.github.io' not in src  # nbdev's doc links point at the local pages
    assert re.search(r'href="11_data\.windows\.html#\w+"', src)

def test_every_notebook_has_a_page(site):
    nbs = [p.relative_to(ROOT/'nbs') for p in (ROOT/'nbs').rglob('*.ipynb') if '.ipynb_checkpoints' not in p.parts]
    assert len(nbs) > 10
    for nb in nbs: assert (site/nb.with_suffix('.html')).is_file(), nb

def screenshot(page: Path, png: Path):
    "Headless Chromium screenshot of a local page (no network, no GPU, throwaway profile)."
    with tempfile.TemporaryDirectory() as prof:
        cmd = [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--disable-background-networking', '--disable-component-update', '--disable-sync',
               f'--user-data-dir={prof}', f'--screenshot={png}', '--window-size=1280,900', page.as_uri()]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and png.is_file(), r.stderr[-2000:]

@pytest.mark.skipif(CHROMIUM is None, reason='chromium is not installed (apt-get install -y chromium)')
@pytest.mark.parametrize('name', ['index', '11_data.windows'])
def test_pages_render_in_chromium(site, name, tmp_path):
    "The page draws: not blank, the navbar's colour across the top, dark text on a light body."
    import numpy as np
    from PIL import Image
    png = tmp_path/f'{name}.png'
    screenshot(site/f'{name}.html', png)
    img = np.asarray(Image.open(png).convert('RGB')).astype(float)
    assert img.shape[:2] == (900, 1280)
    assert img.std() > 10
    bar, body = img[5:40, 300:700], img[300:800, 330:950]
    assert bar.std(axis=(0, 1)).max() < 30 and bar.mean(axis=(0, 1)).std() > 30  # a flat, coloured navbar
    assert (body.mean(-1) < 100).mean() > 0.01 and (body.mean(-1) > 200).mean() > 0.5  # text on a light page
    if os.environ.get('DOCS_SCREENSHOTS'):  # keep them for a human: DOCS_SCREENSHOTS=folder
        Path(os.environ['DOCS_SCREENSHOTS']).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(os.environ['DOCS_SCREENSHOTS'])/png.name)

def test_refresh_doc_outputs_keeps_only_small_stable_outputs(tmp_path):
    "scripts/refresh_doc_outputs.py: two runs, and only the outputs both agree on and that hold nothing machine-specific."
    import json
    cells = ['import time, sys\nimport matplotlib.pyplot as plt',
             "print('stable text')",
             'print(time.time_ns())',                                   # differs between the two runs
             "print('took 1.5 s')",                                     # a timing
             "print('/tmp/x', file=sys.stdout); print('warn', file=sys.stderr)",  # a path; stderr
             'fig, ax = plt.subplots(figsize=(2, 2)); ax.plot([0, 1, 0]); plt.show()',
             '#| eval: false\nprint("never run")',
             '#| slow\nprint("skipped like nbdev_test")',
             '{"a": 1}']
    nb = {'cells': [{'cell_type': 'code', 'execution_count': None, 'id': f'c{i}', 'metadata': {}, 'outputs': [],
                     'source': s} for i, s in enumerate(cells)],
          'metadata': {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}},
          'nbformat': 4, 'nbformat_minor': 5}
    src = tmp_path/'demo.ipynb'; src.write_text(json.dumps(nb))
    out = tmp_path/'out'
    r = subprocess.run([sys.executable, str(ROOT/'scripts'/'refresh_doc_outputs.py'), '--out', str(out), str(src)],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert '1 dropped as differing between runs' in r.stdout, r.stdout
    outs = [c['outputs'] for c in json.loads((out/'demo.ipynb').read_text())['cells']]
    assert outs[1] == [{'name': 'stdout', 'output_type': 'stream', 'text': ['stable text\n']}]
    assert outs[0] == outs[2] == outs[3] == outs[4] == outs[6] == outs[7] == []
    assert [set(o['data']) for o in outs[5]] == [{'image/png', 'text/plain'}]
    assert outs[8][0]['data'] == {'text/plain': ["{'a': 1}"]}
    assert json.loads(src.read_text()) == nb  # --out leaves the source alone
    r = subprocess.run([sys.executable, str(ROOT/'scripts'/'refresh_doc_outputs.py'), str(tmp_path/'missing.ipynb')],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and 'is not a notebook' in r.stderr
