"""JupyterLab from the project's environment serves the workbook: `jupyter lab` answers /lab with 200 and lists nbs/.
Loopback only, a random token, a free port, bounded in time; the server is stopped by its own PID."""
import json, os, secrets, socket, subprocess, sys, time, urllib.error, urllib.request
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
JUPYTER = Path(sys.executable).with_name('jupyter')

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def get(url: str, timeout: float = 5):
    "(status, body) of a GET on loopback; (None, error) when nothing answers yet."
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r: return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, b''
    except (urllib.error.URLError, ConnectionError, socket.timeout) as e: return None, str(e).encode()

@pytest.fixture
def lab(tmp_path):
    "A JupyterLab server rooted at the repository; yields its base URL and token."
    if not JUPYTER.exists(): pytest.fail(f'{JUPYTER} is missing: install the lab extra (pip install -e ".[lab]")')
    port, token = free_port(), secrets.token_hex(16)
    cmd = [str(JUPYTER), 'lab', '--no-browser', '--ip=127.0.0.1', f'--port={port}', '--port-retries=0',
           f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={ROOT}', '--ServerApp.open_browser=False',
           '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
           '--LabApp.extension_manager=readonly']  # no update checks, news or PyPI queries
    if os.geteuid() == 0: cmd.append('--allow-root')  # CI containers run as root
    log = (tmp_path/'lab.log').open('w')
    env = {'JUPYTER_RUNTIME_DIR': str(tmp_path/'runtime'), 'JUPYTER_CONFIG_DIR': str(tmp_path/'config'),
           'JUPYTER_DATA_DIR': str(tmp_path/'data'), 'JUPYTERLAB_SETTINGS_DIR': str(tmp_path/'settings'),
           'JUPYTERLAB_WORKSPACES_DIR': str(tmp_path/'workspaces')}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env})
    try: yield f'http://127.0.0.1:{port}', token, proc, tmp_path/'lab.log'
    finally:
        proc.terminate()
        try: proc.wait(timeout=20)
        except subprocess.TimeoutExpired: proc.kill(); proc.wait(timeout=10)
        log.close()

def test_jupyter_lab_serves_the_workbook(lab):
    base, token, proc, log = lab
    status, deadline = None, time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        status, body = get(f'{base}/lab?token={token}')
        if status == 200: break
        time.sleep(0.5)
    assert status == 200, f'/lab answered {status}; server log:\n' + log.read_text()[-3000:]
    assert b'JupyterLab' in body
    status, body = get(f'{base}/api/contents/nbs?token={token}')  # the notebooks are reachable through the server
    assert status == 200
    names = {c['name'] for c in json.loads(body)['content']}
    assert {'00_core.ipynb', '11_data.windows.ipynb', 'index.ipynb'} <= names
    assert get(f'{base}/api/contents/nbs?token=wrong')[0] == 403  # the token is enforced
