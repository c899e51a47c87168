#!/usr/bin/env bash
# Build the documentation site offline from the notebooks into _proc/_docs/ (open _proc/_docs/index.html).
#   1. nbs/sidebar.yml must list every notebook under nbs/ and nothing else;
#   2. nbdev 2's own doc preprocessing (refresh_quarto_yml + proc_nbs) writes the processed notebooks to _proc/
#      (show_doc signatures, docments as comments on the arguments; it executes only export and import cells);
#   3. smalldocs (pure Python) renders _proc/ to HTML: navbar, sidebar, search, stored outputs and plots;
#   4. nbdev's cross-reference links (https://<doc_host>/<doc_baseurl>/<module>.html#name) are pointed at the
#      local pages, which smalldocs names after the notebook files (11_data.windows.html).
# Quarto is never needed or installed (nbdev_docs / nbdev_proc_nbs would try to install it with sudo).
# Fails (exit 1) on any preprocessing error, on a missing page, and on any smalldocs warning other than the
# known harmless one (nbdev's `output-file` front matter, which smalldocs does not read).
# PYTHON=... picks the interpreter (default: .venv/bin/python when present, else python3).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else PY=python3; fi
"$PY" -c "import nbdev, smalldocs" 2>/dev/null || { echo "build_docs: $PY lacks nbdev or smalldocs; install with: pip install -e '.[dev,docs]'" >&2; exit 1; }
start=$(date +%s)
log=$(mktemp); trap 'rm -f "$log"' EXIT

# 1. the sidebar and the notebooks agree; stale processed copies of removed notebooks are dropped
"$PY" - <<'EOF'
import os, sys, yaml
from pathlib import Path
def listed(items):
    for it in items:
        if isinstance(it, str): yield it
        elif isinstance(it, dict):
            if 'href' in it: yield it['href']
            yield from listed(it.get('contents') or [])
side = Path('nbs/sidebar.yml')
if not side.exists(): sys.exit('build_docs: nbs/sidebar.yml is missing (settings.ini has custom_sidebar = True)')
names = list(listed(yaml.safe_load(side.read_text())['website']['sidebar']['contents']))
nbs = {p.relative_to('nbs').as_posix() for p in Path('nbs').rglob('*.ipynb')
       if not any(part.startswith(('.', '_')) for part in p.relative_to('nbs').parts)}
missing = sorted(nbs - set(names)); ghost = sorted(set(names) - nbs)
dup = sorted({n for n in names if names.count(n) > 1})
errs = [f'nbs/{n} is not listed in nbs/sidebar.yml: add it to its band' for n in missing]
errs += [f'nbs/sidebar.yml lists {n}, which does not exist under nbs/' for n in ghost]
errs += [f'nbs/sidebar.yml lists {n} more than once' for n in dup]
if errs: sys.exit('build_docs: ' + '\nbuild_docs: '.join(errs))
proc = Path('_proc')  # proc_nbs reprocesses only sources newer than this folder's mtime: keep it as it was
if proc.is_dir():
    st = proc.stat()
    for p in list(proc.rglob('*.ipynb')):
        rel = p.relative_to(proc)
        if rel.parts[0] != '_docs' and not (Path('nbs')/rel).exists(): p.unlink()
    os.utime(proc, ns=(st.st_atime_ns, st.st_mtime_ns))
EOF

# nbdev runs every cell holding an import (besides export cells): name those that also do other work, which slows
# the build, runs test code out of its context and can fail it (same rule as nbdev.processors._do_eval, checked
# without running anything, before the slow preprocessing)
"$PY" - <<'EOF'
import sys, warnings
from pathlib import Path
from nbdev.process import NBProcessor
from nbdev.processors import _do_eval
bad = []
for nb in sorted(Path('nbs').rglob('*.ipynb')):
    if any(p.startswith(('.', '_')) for p in nb.parts): continue
    for c in NBProcessor(nb).nb.cells:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            _do_eval(c)
        if w: bad.append(f'build_docs: {nb} cell {c.idx_} mixes an import with other code, so the docs build would run it'
                         ' out of context; move the import into a cell of its own')
if bad: sys.exit('\n'.join(bad))
EOF

# 2. nbdev 2's preprocessing (no Quarto): _quarto.yml/nbdev.yml from settings.ini, then nbs/ -> _proc/
if ! "$PY" -c "from nbdev.quarto import refresh_quarto_yml; from nbdev.serve import proc_nbs
refresh_quarto_yml(); proc_nbs()" >"$log" 2>&1; then
  grep -v 'warn(f' "$log" | tail -60 >&2
  echo "build_docs: nbdev's doc preprocessing failed (the traceback above names the notebook and cell)" >&2
  exit 1
fi
# 3. render with smalldocs, 4. local cross-links, then check the pages
"$PY" - <<'EOF'
import json, re, shutil, sys, yaml
from pathlib import Path
from smalldocs.site import build
shutil.rmtree('_proc/_docs', ignore_errors=True)
site = build('_proc', quiet=True)
harmless = re.compile(r'^[^:]+\.ipynb: output-file is not read by smalldocs$')
bad = [w for w in site.warnings if not harmless.match(w)]
for w in bad: print(f'build_docs: smalldocs: {w}', file=sys.stderr)
if bad: sys.exit(f'build_docs: {len(bad)} smalldocs warning(s) above')

out = Path('_proc/_docs')
cfg = yaml.safe_load(Path('_proc/nbdev.yml').read_text())['website']
base = cfg['site-url'].rstrip('/') + '/'
pages = {}  # nbdev's output-file (data.windows.html) -> smalldocs page (11_data.windows.html)
for nb in Path('_proc').rglob('*.ipynb'):
    rel = nb.relative_to('_proc')
    if rel.parts[0] == '_docs': continue
    src = ''.join(json.loads(nb.read_text())['cells'][0]['source'])
    m = re.search(r'^output-file:\s*(\S+)\s*$', src, re.M)
    if m: pages[(rel.parent/m[1]).as_posix()] = rel.with_suffix('.html').as_posix()
    if not (out/rel.with_suffix('.html')).exists(): sys.exit(f'build_docs: no page was rendered for nbs/{rel}')
link = re.compile(re.escape(base) + r'([\w./-]+\.html)')
for f in out.rglob('*.html'):
    up = '../' * (len(f.relative_to(out).parts) - 1)
    text = f.read_text(encoding='utf-8')
    new = link.sub(lambda m: up + pages[m[1]] if m[1] in pages else m[0], text)
    if new != text: f.write_text(new, encoding='utf-8')
if not (out/'index.html').exists(): sys.exit('build_docs: no index.html (nbs/index.ipynb is the home page)')
print(f'build_docs: {len(site.pages)} pages in {out}/ (open {out}/index.html)')
EOF
echo "build_docs: done in $(( $(date +%s) - start )) s"
