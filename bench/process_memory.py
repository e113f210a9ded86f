"""How much memory a set of processes uses, read from Linux's ``/proc/<pid>/smaps_rollup``.

RSS counts every resident page a process maps, shared or not; PSS splits each shared page
between the processes sharing it (the fair measure for servers forked from one zygote); USS
is what the process alone holds (what one more of them costs). Shared by the benchmarks.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Memory:
    """Memory of some processes, in MB: resident, proportional, unique."""

    rss: float = 0.0
    pss: float = 0.0
    uss: float = 0.0
    processes: list[int] = field(default_factory=list)


def memory_of(pids: list[int]) -> Memory:
    memory = Memory(processes=pids)
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        values = {
            line.split(":")[0]: int(line.split()[1])
            for line in rollup.splitlines()[1:]
            if line.split()[-1] == "kB"
        }
        memory.rss += values["Rss"] / 1024
        memory.pss += values["Pss"] / 1024
        memory.uss += (values["Private_Clean"] + values["Private_Dirty"]) / 1024
    return memory


def pids_of_user(username: str) -> list[int]:
    found = subprocess.run(["pgrep", "-u", username], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]
