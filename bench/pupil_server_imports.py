"""What each Jupyter server extension costs a server when it starts: import time and memory.

Each extension is imported in a fresh Python process on top of the same base (jupyter_server's
ServerApp, which every server imports), so the numbers are that extension's own cost: seconds
of import (wall clock and CPU) and growth of the resident memory (RSS; tracemalloc would slow
the imports it measures). The anchor, measured in the same run, is the base itself.

Usage: ``python bench/pupil_server_imports.py [--repeat 3]`` (run under
``flock /tmp/robocole-bench.lock`` on a shared machine; the load average is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAST_IMPORTS = ROOT / "hub_config" / "singleuser" / "fast_imports"
BASE = "jupyter_server.serverapp"
# Every extension a stock JupyterLab + nbgrader install enables, JupyterHub's, and ours.
EXTENSIONS = [
    "jupyterlab.labapp",
    "jupyterhub.singleuser.extension",
    "jupyter_lsp",
    "jupyter_server_terminals",
    "notebook",
    "notebook_shim.shim",
    "jupyterlab_jupytext",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "hub_config.pupil_server",
]

PROBE = """
import json, os, resource, sys, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
base, module = sys.argv[1], sys.argv[2]
rss0, wall0, cpu0 = rss(), time.perf_counter(), cpu()
__import__(base)
rss1, wall1, cpu1 = rss(), time.perf_counter(), cpu()
__import__(module)
print(json.dumps({
    "base_s": wall1 - wall0, "base_cpu_s": cpu1 - cpu0, "base_mb": rss1 - rss0,
    "s": time.perf_counter() - wall1, "cpu_s": cpu() - cpu1, "mb": rss() - rss1,
}))
"""


def measure(module: str, fast_imports: bool) -> dict[str, float]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if fast_imports:
        env["PYTHONPATH"] = str(FAST_IMPORTS)
    answer = subprocess.run(
        [sys.executable, "-s", "-c", PROBE, BASE, module],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return dict(json.loads(answer.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-fast-imports", action="store_true", help="let jsonschema import rfc3987_syntax"
    )
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    fast = not args.no_fast_imports
    runs = {m: [measure(m, fast) for _ in range(args.repeat)] for m in EXTENSIONS}
    base = [r for m in runs.values() for r in m]
    anchor = statistics.median(r["base_cpu_s"] for r in base)
    print(
        f"anchor, {BASE} alone: {statistics.median(r['base_s'] for r in base):.2f} s,"
        f" {anchor:.2f} CPU s, +{statistics.median(r['base_mb'] for r in base):.0f} MB RSS"
    )
    print(f"{'extension (on top of the anchor)':48} {'s':>6} {'CPU s':>6} {'x':>5} {'MB RSS':>7}")
    for module, results in runs.items():
        cpu = statistics.median(r["cpu_s"] for r in results)
        print(
            f"{module:48} {statistics.median(r['s'] for r in results):6.2f} {cpu:6.2f}"
            f" {cpu / anchor:5.2f} {statistics.median(r['mb'] for r in results):7.1f}"
        )
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
