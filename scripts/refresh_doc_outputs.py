#!/usr/bin/env python3
"""Store small, deterministic outputs (figures, tables, short text) in notebooks so that the docs site shows them.

nbdev 2 has no `nbdev_test --save`, and the docs build executes only export and import cells, so a figure appears
on the site only if the committed notebook carries it. This runs each notebook top to bottom the way `nbdev_test`
does (cwd = nbs/, IN_TEST=1, execnb's CaptureShell, skipping `#| eval: false`, the `nbdev_export()` cell and cells
flagged with settings.ini's `tst_flags`) **twice, in two fresh processes**, keeps only outputs that are small, free
of machine-specific text and identical in both runs, writes the notebook back and runs `nbdev_clean` on it.
Nothing is written for a notebook when a cell fails or its outputs are too big.

Kept: PNG figures (<= 150 kB each), HTML/markdown tables (<= 20 kB), plain-text results and stdout (<= 4 kB).
Dropped: stderr (warnings, progress bars), widgets, JavaScript, any text holding a machine path, a memory address,
a timing or a timestamp, and anything that differs between the two runs (e.g. a plot of epoch times).
Skipped cells lose their outputs.

    python scripts/refresh_doc_outputs.py nbs/52_eval.text.ipynb     # one or more notebooks, in place
    python scripts/refresh_doc_outputs.py --all                      # every nbs/NN_*.ipynb (not runs/, not index)
    python scripts/refresh_doc_outputs.py --all --out /tmp/review    # write refreshed copies elsewhere to review
    python scripts/refresh_doc_outputs.py --dry-run nbs/X.ipynb      # report what would be stored, write nothing
"""
from __future__ import annotations
import argparse, json, os, re, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_PNG, MAX_HTML, MAX_TEXT, MAX_NB = 150_000, 20_000, 4_000, 600_000  # bytes: per output, and per notebook
LIMITS = {'image/png': MAX_PNG, 'text/html': MAX_HTML, 'text/markdown': MAX_HTML, 'text/plain': MAX_TEXT}
UNSTABLE_RE = re.compile('|'.join([
    re.escape(str(ROOT)), re.escape(str(Path.home())), re.escape(tempfile.gettempdir()), r'/tmp/',  # machine paths
    r'\b0x[0-9a-fA-F]{6,}',                                                                   # memory addresses
    r'\b\d+(\.\d+)?\s?(ns|us|µs|ms|s|sec|secs|seconds|min)\b', r'\w/s\b', r'_s=\d', r'\d+:\d\d<\d',  # timings, rates
    r'[Ee]lapsed', r'Wall time', r'CPU times', r'\d{4}-\d\d-\d\d[ T]\d\d:\d\d']))              # clocks, timestamps

def _text(v) -> str: return ''.join(v) if isinstance(v, list) else str(v)

def keep_output(o: dict) -> dict | None:
    "The part of one output worth storing, or None."
    kind = o.get('output_type')
    if kind == 'stream':
        t = _text(o.get('text', ''))
        ok = o.get('name') == 'stdout' and len(t) <= MAX_TEXT and not UNSTABLE_RE.search(t) and '\r' not in t
        return o if ok else None
    if kind not in ('display_data', 'execute_result'): return None
    data = o.get('data', {})
    if set(data) - set(LIMITS): return None  # widgets, JavaScript, LaTeX-only, ...
    if any(not k.startswith('image/') and UNSTABLE_RE.search(_text(v)) for k, v in data.items()): return None
    kept = {k: v for k, v in data.items() if len(_text(v)) <= LIMITS[k]}
    if set(kept) <= {'text/plain'} and re.fullmatch(r'<.*>', _text(kept.get('text/plain', '')).strip(), re.S):
        return None  # nothing but a bare object repr such as <Figure size 640x480 with 1 Axes>
    return {**o, 'data': kept} if kept else None

def run_notebook(path: Path, dest: Path):
    "Execute `path` as nbdev_test does and write it, with its filtered outputs, to `dest` (one worker process)."
    from execnb.nbio import read_nb, write_nb
    from execnb.shell import CaptureShell
    from fastcore.xtras import working_directory
    from nbdev.config import get_config
    from nbdev.process import extract_directives
    nb, flags = read_nb(path), set(get_config().get('tst_flags', '').split())
    os.environ['IN_TEST'] = '1'
    k = CaptureShell(path, mpl_format='png')
    with working_directory(path.parent):
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != 'code': continue
            d = extract_directives(cell, remove=False)
            cell.outputs = []
            if 'nbdev_export' + '(' in cell.source or d.get('eval:', [''])[0].lower() == 'false' or flags & d.keys(): continue
            k.cell(cell)
            if k.exc: raise RuntimeError(f'{path.name}: cell {i} failed:\n{cell.source}\n{type(k.exc).__name__}: {k.exc}')
            cell.outputs = [o for o in map(keep_output, cell.outputs) if o is not None]
    write_nb(nb, dest)

def refresh(path: Path, dry_run: bool = False, out: Path | None = None) -> str:
    "Run `path` twice in parallel, keep the outputs both runs agree on, store them; return a one-line summary."
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        runs = [Path(tmp)/f'{i}.ipynb' for i in (1, 2)]
        procs = [subprocess.Popen([sys.executable, __file__, '--_run', str(path), str(r)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for r in runs]
        logs = [p.communicate()[0] for p in procs]
        for p, log in zip(procs, logs):
            if p.returncode: raise RuntimeError(log.strip()[-3000:])
        a, b = (json.loads(r.read_text()) for r in runs)
    if [c['source'] for c in a['cells']] != [c['source'] for c in b['cells']]:
        raise RuntimeError(f'{path.name} changed while it ran; run again')
    n_kept = n_unstable = 0
    for ca, cb in zip(a['cells'], b['cells']):
        if ca['cell_type'] != 'code': continue
        oa, ob = ca.get('outputs', []), cb.get('outputs', [])
        ca['outputs'] = [o for j, o in enumerate(oa) if j < len(ob) and o == ob[j]]
        n_kept += len(ca['outputs']); n_unstable += len(oa) - len(ca['outputs'])
    size = sum(len(json.dumps(c.get('outputs', []))) for c in a['cells'])
    pngs = sum('image/png' in o.get('data', {}) for c in a['cells'] for o in c.get('outputs', []))
    msg = (f'{path.name}: {n_kept} outputs ({pngs} figures, {size / 1e3:.0f} kB), {n_unstable} dropped as '
           f'differing between runs, {time.time() - t0:.0f} s')
    if size > MAX_NB: raise RuntimeError(f'{msg}: over {MAX_NB / 1e3:.0f} kB, not written; make the figures smaller')
    if dry_run: return msg
    dest = out/path.name if out else path
    dest.write_text(json.dumps(a, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    r = subprocess.run([str(Path(sys.executable).with_name('nbdev_clean')), '--fname', str(dest)], cwd=ROOT,
                       capture_output=True, text=True)
    if r.returncode: raise RuntimeError(f'nbdev_clean failed on {dest}: {r.stderr[-2000:]}')
    return msg

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('notebooks', nargs='*', type=Path, help='notebooks to refresh')
    p.add_argument('--all', action='store_true', help='every numbered notebook in nbs/ (not runs/, not index)')
    p.add_argument('--dry-run', action='store_true', help='execute and report, write nothing')
    p.add_argument('--out', type=Path, help='write the refreshed notebooks into this folder instead (to review them)')
    a = p.parse_args(argv)
    nbs = sorted((ROOT/'nbs').glob('[0-9]*.ipynb')) if a.all else [n.resolve() for n in a.notebooks]
    if not nbs: p.error('name notebooks or pass --all')
    for n in nbs:
        if not n.is_file() or n.suffix != '.ipynb': p.error(f'{n} is not a notebook')
    if a.out: a.out.mkdir(parents=True, exist_ok=True)
    failed = []
    for n in nbs:
        try: print(refresh(n, a.dry_run, a.out and a.out.resolve()), flush=True)
        except Exception as e:
            failed.append(n.name); print(f'refresh_doc_outputs: {e}\nrefresh_doc_outputs: nothing written for {n.name}', file=sys.stderr)
    if failed: print(f'refresh_doc_outputs: failed: {", ".join(failed)}', file=sys.stderr)
    return 1 if failed else 0

if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--_run':  # worker: one execution in a fresh interpreter
        try: run_notebook(Path(sys.argv[2]), Path(sys.argv[3]))
        except Exception as e: print(e, file=sys.stderr); sys.exit(1)
        sys.exit(0)
    sys.exit(main())
