"""``robocole up`` on a fresh machine: a private clone, Python in a private home or Debian's.

The README's first command must work before ``scripts/test`` ever ran: nothing has opened the
folders for the grader's sandbox user yet. Each run makes a clone-like folder with mktemp
(private, 0700, as ``git clone`` into ``mktemp -d`` gives), a virtual environment inside it
made from the Python under test, and starts the platform from that environment the way
``robocole up`` does; the grader's release API answering through the hub proves the grader's
sandbox probe passed (the grader stops at start otherwise, and the hub with it).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import requests

    from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready

    data, hub_port, classroom, hub_api, proxy_api = Path(sys.argv[1]), *map(int, sys.argv[2:])
    ports = Ports(hub=hub_port, classroom=classroom, hub_api=hub_api, proxy_api=proxy_api)
    prepare(data)
    log = (data / "hub.log").open("wb")
    hub = start_hub(data, ports, stdout=log)
    try:
        url = f"http://127.0.0.1:{hub_port}"
        wait_ready(hub, url + "/hub/health")
        wait_ready(hub, url + "/services/classroom/api/v1/health")
        wait_ready(hub, url + "/services/grader/api/v1/health")
        # The services had time to fail: the hub stops when one of them exits.
        print("grader", requests.get(url + "/services/grader/api/v1/health", timeout=5).status_code)
        print("hub alive", hub.poll() is None)
    finally:
        stop_hub(hub)
        log.close()
    """
)


def _private_environment(base_python: str) -> tuple[Path, Path]:
    """A 0700 folder holding a virtual environment of ``base_python`` that sees Robocole."""
    clone = Path(tempfile.mkdtemp(prefix="robocole-clone-"))
    assert clone.stat().st_mode & 0o777 == 0o700
    venv = clone / ".venv"
    subprocess.run([base_python, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The packages this checkout's environment already holds (and Robocole's editable install).
    main_packages = sysconfig.get_paths()["purelib"]
    Path(purelib, "robocole_test.pth").write_text(
        f"import site; site.addsitedir({main_packages!r})\n"
    )
    # Jupyter's data (nbconvert's templates, kernel specs) as the checkout's environment has it.
    (venv / "share").symlink_to(Path(sys.prefix) / "share")
    # Its commands (jupyterhub, the proxy, alembic for nbgrader…), run by the new Python.
    for script in Path(sys.executable).parent.iterdir():
        if script.is_symlink() or not script.is_file() or (venv / "bin" / script.name).exists():
            continue
        head, _newline, body = script.read_bytes().partition(b"\n")
        if head == f"#!{sys.executable}".encode():
            launcher = venv / "bin" / script.name
            launcher.write_bytes(f"#!{python}\n".encode() + body)
            launcher.chmod(0o755)
    return clone, python


def _pythons() -> list[str]:
    pythons = [getattr(sys, "_base_executable", sys.executable)]
    if (
        Path("/usr/bin/python3").exists()
        and Path("/usr/bin/python3").resolve() != Path(pythons[0]).resolve()
    ):
        pythons.append("/usr/bin/python3")
    return pythons


@pytest.mark.parametrize("base_python", _pythons())
def test_up_starts_from_a_private_clone(base_python: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("robocole up runs as root (each pupil's server runs as their own user)")
    if not shutil.which("bwrap"):
        pytest.skip("the grader's sandbox needs bubblewrap (scripts/setup.sh installs it)")
    clone, python = _private_environment(base_python)
    data = clone / "data"
    ports = [str(free_port()) for _ in range(4)]
    process = subprocess.Popen(
        [str(python), "-P", "-c", DRIVER, str(data), *ports],
        cwd=clone,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={k: v for k, v in os.environ.items() if k != "ROBOCOLE_LANG"},
    )
    try:
        output, _ = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    try:
        log = (data / "hub.log").read_text(errors="replace") if (data / "hub.log").exists() else ""
        assert process.returncode == 0, output + log[-3000:]
        assert "grader 200" in output and "hub alive True" in output, output + log[-3000:]
        assert "cannot read" not in log and "ne peut pas lire" not in log
        # Only passing through was added to the private folder, never listing it.
        assert clone.stat().st_mode & 0o007 == 0o001
    finally:
        shutil.rmtree(clone, ignore_errors=True)


def test_a_refused_sandbox_speaks_french_under_the_hub(tmp_path: Path) -> None:
    """The hub starts services in the data folder, whose ``grader`` folder once hid the
    grader's package (and its French catalog) from Python: the service command keeps the
    working folder off the import path."""
    data = tmp_path / "data"
    (data / "grader").mkdir(parents=True)
    (data / "curriculum").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("ROBOCOLE_LANG", "LANG")}
    env["ROBOCOLE_DATA"] = str(data)
    config = ROOT / "hub_config" / "jupyterhub_config.py"
    script = textwrap.dedent(
        f"""
        import json, runpy
        from traitlets.config import Config
        c = Config()
        runpy.run_path({str(config)!r}, {{"get_config": lambda: c}})
        print(json.dumps({{s["name"]: s["command"] for s in c.JupyterHub.services}}))
        """
    )
    found = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=data, capture_output=True, text=True
    )
    assert found.returncode == 0, found.stderr
    commands = json.loads(found.stdout.splitlines()[-1])
    for name in ("grader", "classroom"):
        # The service's interpreter and its options, as the hub runs it, in the data folder.
        interpreter = commands[name][: commands[name].index("-m")]
        probe = subprocess.run(
            [
                *interpreter,
                "-c",
                "from robocole.i18n import gettext, part_directory;"
                " print(part_directory('grader'));"
                " print(gettext('Missing: %(list)s', list='x'))",
            ],
            env=env,
            cwd=data,
            capture_output=True,
            text=True,
        )
        assert probe.stdout.splitlines() == [str(ROOT / "grader"), "Manquantes : x"], (
            name,
            probe.stdout + probe.stderr,
        )
