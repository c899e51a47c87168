"""Write nbs/index.ipynb (the docs home page) from README.md, so the two never drift apart.

Each `## ` section becomes one markdown cell; the README's results section (its numbers come from run folders on the
maintainers' machine) becomes a pointer to the README. Run after editing the README: python scripts/readme_to_index.py
"""
import hashlib, json, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPO = "imutext/imutext"   # the GitHub repository the docs link to for files outside the site
POINTER = ("The measured results are in the repository: the headline tables in its "
           f"[README](https://github.com/{REPO}#readme), every comparison behind the defaults in "
           f"[RESULTS.md](https://github.com/{REPO}/blob/main/RESULTS.md); your own runs write theirs to `outputs/<run>/metrics.json`.")

def cells(md: str) -> list:
    parts = re.split(r'(?m)^(?=## )', md.strip())
    head, sections = parts[0], parts[1:]
    title, _, rest = head.partition('\n\n')
    out = [head.split('\n\n')[0] + '\n\n' + rest.split('\n\n')[0], '\n\n'.join(rest.split('\n\n')[1:])]
    for s in sections: out.append(POINTER if re.match(r'## .*[Rr]esult', s) else re.sub(r'\]\(RESULTS\.md', f'](https://github.com/{REPO}/blob/main/RESULTS.md', s.strip()))
    return [c.strip() for c in out if c.strip()]

def cell_id(i: int) -> str:
    "A stable id for the i-th cell, so that re-running the script changes only cells whose text changed."
    return hashlib.sha1(f'index-{i}'.encode()).hexdigest()[:8]

def to_nb(texts: list) -> dict:
    src = lambda t: [l + '\n' for l in t.split('\n')[:-1]] + [t.split('\n')[-1]]
    return {"cells": [{"cell_type": "markdown", "id": cell_id(i), "metadata": {}, "source": src(t)} for i, t in enumerate(texts)],
            "metadata": {"kernelspec": {"display_name": "python3", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}

if __name__ == '__main__':
    nb = ROOT/'nbs'/'index.ipynb'
    nb.write_text(json.dumps(to_nb(cells((ROOT/'README.md').read_text())), indent=1, ensure_ascii=False) + '\n')
    subprocess.run([str(Path(sys.executable).with_name('nbdev_clean')), '--fname', str(nb)], check=True)  # nbdev's notebook format
    print(f"wrote {nb}")
