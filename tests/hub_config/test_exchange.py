"""Pupils share nbgrader's exchange but cannot list, read or overwrite each other's work."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub_config.exchange import INBOUND_MODE, ROOT_MODE, harden_course, prepare_root

PUPILS = ("rbx-pupil-a", "rbx-pupil-b")
COURSE = "robocole-k7mpqa"


@pytest.fixture(scope="module")
def pupils() -> Iterator[tuple[str, str]]:
    if os.geteuid() != 0:
        pytest.skip("making system users needs root")
    for name in PUPILS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            subprocess.run(
                ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True
            )
    yield PUPILS
    for name in PUPILS:
        subprocess.run(["userdel", name], capture_output=True)


@pytest.fixture
def exchange() -> Iterator[Path]:
    # Not under pytest's private tmp folder: the pupils' users must reach it.
    folder = Path(tempfile.mkdtemp(prefix="robocole-exchange-"))
    os.chmod(folder, 0o755)
    root = folder / "exchange"
    prepare_root(root)
    inbound = root / COURSE / "inbound"
    inbound.mkdir(parents=True)
    os.chmod(root / COURSE, 0o755)
    os.chmod(inbound, 0o2733)  # what nbgrader's release makes
    harden_course(root, COURSE)
    yield root
    shutil.rmtree(folder, ignore_errors=True)


def as_user(name: str, code: str) -> subprocess.CompletedProcess[str]:
    """Run Python code as a pupil's system user; prints OK or the error's name."""
    wrapped = f"try:\n{''.join('    ' + line + chr(10) for line in code.splitlines())}"
    wrapped += "    print('OK')\nexcept OSError as error:\n    print(type(error).__name__)\n"
    return subprocess.run(
        [
            "setpriv",
            f"--reuid={name}",
            f"--regid={name}",
            "--init-groups",
            sys.executable,
            "-c",
            "import os\n" + wrapped,
        ],
        capture_output=True,
        text=True,
        check=True,
    )


def test_modes(exchange: Path) -> None:
    assert stat.S_IMODE(exchange.stat().st_mode) == ROOT_MODE
    assert stat.S_IMODE((exchange / COURSE / "inbound").stat().st_mode) == INBOUND_MODE


def test_pupils_cannot_list_rename_or_delete_each_others_submissions(
    pupils: tuple[str, str], exchange: Path
) -> None:
    a, b = pupils
    inbound = exchange / COURSE / "inbound"
    mine = inbound / f"{a}+sequences-1+2026-11-22 10:00:00+Zk3x9Qa1b2c3"
    created = as_user(
        a, f"os.mkdir({str(mine)!r}, 0o755)\nopen({str(mine / 'n.ipynb')!r}, 'w').write('{{}}')"
    )
    assert created.stdout.strip() == "OK", created.stderr

    assert as_user(b, f"os.listdir({str(inbound)!r})").stdout.strip() == "PermissionError"
    renamed = as_user(b, f"os.rename({str(mine)!r}, {str(inbound / 'stolen')!r})")
    assert renamed.stdout.strip() == "PermissionError"
    deleted = as_user(b, f"os.rmdir({str(mine)!r})")
    assert deleted.stdout.strip() in ("PermissionError", "OSError")
    assert mine.is_dir()
    # B can still hand in their own work.
    theirs = inbound / f"{b}+sequences-1+2026-11-22 10:01:00+Qq8Rr7Ss6Tt5"
    assert as_user(b, f"os.mkdir({str(theirs)!r})").stdout.strip() == "OK"


def test_pupils_cannot_swap_a_course_folder(pupils: tuple[str, str], exchange: Path) -> None:
    _a, b = pupils
    moved = as_user(b, f"os.rename({str(exchange / COURSE)!r}, {str(exchange / 'gone')!r})")
    assert moved.stdout.strip() == "PermissionError"
    assert (exchange / COURSE / "inbound").is_dir()


def test_a_course_folder_made_by_a_pupil_before_the_release_is_moved_aside(
    pupils: tuple[str, str], exchange: Path
) -> None:
    from hub_config.exchange import claim_course

    target = exchange.parent / "target"
    target.mkdir()
    squatted = "robocole-newcls"
    # A pupil makes the next class's course folder, and a link for another class's.
    assert as_user(pupils[0], f"os.mkdir({str(exchange / squatted)!r})").stdout.strip() == "OK"
    (exchange / "robocole-linked").symlink_to(target)

    for course in (squatted, "robocole-linked", "robocole-fresh"):
        folder = claim_course(exchange, course)
        info = os.lstat(folder)
        assert stat.S_ISDIR(info.st_mode) and info.st_uid == 0
        assert stat.S_IMODE(info.st_mode) == 0o755
    assert list(target.iterdir()) == []  # nothing was written through the link
    aside = sorted(p.name for p in exchange.iterdir() if p.name.startswith(".squatted-"))
    assert len(aside) == 2
    # Claiming again keeps the platform's own folder as it is.
    (exchange / squatted / "outbound").mkdir()
    claim_course(exchange, squatted)
    assert (exchange / squatted / "outbound").is_dir()
