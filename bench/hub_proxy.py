"""What compressing in the proxy costs and saves: JupyterLab's biggest files through it.

The school server's proxy (``hub_config/proxy.py``) compresses what it sends. This sends the
files a pupil's first JupyterLab visit weighs most (JupyterLab's N biggest scripts, served
by a plain file server) through two proxies started the same way, one after the other:
- anchor: the stock Python port of configurable-http-proxy (it sends everything plain);
- ours: the same port with gzip at level 1 (``QuickGZip``).
For each: bytes on the wire, the proxy's own CPU seconds (from /proc) and the wall time, then
ours against the anchor. The proxy compresses on its one thread, so its CPU seconds per
visit, times a class, is the time it spends not answering others during a class's first
visit. It also prints gzip level 1 against Tornado's default 6 on the same files, in process.

Usage: ``flock /tmp/robocole-bench.lock python bench/hub_proxy.py [--files 20] [--rounds 3]``.
The load average is printed before and after (other work on the machine slows both alike).
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

LAB_STATIC = Path(sys.prefix) / "share" / "jupyter" / "lab" / "static"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answers at {url}")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def through(command: list[str], backend: int, names: list[str], rounds: int) -> dict[str, float]:
    port, api = free_port(), free_port()
    args = ["--ip", "127.0.0.1", "--port", str(port), "--api-port", str(api)]
    args += ["--default-target", f"http://127.0.0.1:{backend}", "--log-level", "warning"]
    env = {**os.environ, "CONFIGPROXY_AUTH_TOKEN": "bench"}
    proxy = subprocess.Popen([*command, *args], env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        wire = 0
        plain = 0
        start_cpu, start = cpu_seconds(proxy.pid), time.perf_counter()
        for _ in range(rounds):
            for name in names:
                answer = requests.get(
                    f"http://127.0.0.1:{port}/{name}",
                    headers={"Accept-Encoding": "gzip"},
                    stream=True,
                    timeout=60,
                )
                body = answer.raw.read(decode_content=False)
                wire += len(body)
                plain += (LAB_STATIC / name).stat().st_size
        return {
            "wire_mb": wire / rounds / 1e6,
            "plain_mb": plain / rounds / 1e6,
            "cpu_s": (cpu_seconds(proxy.pid) - start_cpu) / rounds,
            "wall_s": (time.perf_counter() - start) / rounds,
        }
    finally:
        proxy.terminate()
        proxy.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=20, help="JupyterLab's N biggest scripts")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the files")
    options = parser.parse_args()
    print(f"load average before: {Path('/proc/loadavg').read_text().strip()}")
    files = sorted(LAB_STATIC.glob("*.js"), key=lambda f: f.stat().st_size, reverse=True)
    names = [f.name for f in files[: options.files]]
    backend = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(backend), "--bind", "127.0.0.1"],
        cwd=LAB_STATIC,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{backend}/")
        stock_proxy = [str(Path(sys.executable).parent / "configurable-http-proxy")]
        ours_proxy = [sys.executable, "-m", "hub_config.proxy"]
        stock = through(stock_proxy, backend, names, options.rounds)
        ours = through(ours_proxy, backend, names, options.rounds)
    finally:
        server.terminate()
        server.wait(10)
    print(f"{len(names)} files, {stock['plain_mb']:.1f} MB, {options.rounds} rounds; per round:")
    print("proxy        on the wire   proxy CPU   wall")
    for label, row in (("stock (anchor)", stock), ("ours, gzip 1", ours)):
        print(
            f"{label:<14} {row['wire_mb']:6.2f} MB   {row['cpu_s']:6.2f} s   {row['wall_s']:5.2f} s"
        )
    print(
        f"ours / stock: bytes {ours['wire_mb'] / stock['wire_mb']:.2f}, "
        f"proxy CPU {ours['cpu_s'] / max(stock['cpu_s'], 1e-6):.2f}, "
        f"wall {ours['wall_s'] / stock['wall_s']:.2f}"
    )
    data = [(LAB_STATIC / name).read_bytes() for name in names]
    levels = {}
    for level in (1, 6):
        start = time.process_time()
        size = sum(len(gzip.compress(chunk, compresslevel=level)) for chunk in data)
        levels[level] = (size / 1e6, time.process_time() - start)
    print(
        f"in process: gzip 1 {levels[1][0]:.2f} MB in {levels[1][1]:.2f} s CPU, "
        f"gzip 6 {levels[6][0]:.2f} MB in {levels[6][1]:.2f} s CPU "
        f"(6 / 1: bytes {levels[6][0] / levels[1][0]:.2f}, CPU {levels[6][1] / levels[1][1]:.2f})"
    )
    print(f"load average after: {Path('/proc/loadavg').read_text().strip()}")


if __name__ == "__main__":
    main()
