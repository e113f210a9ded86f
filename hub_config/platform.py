"""``robocole up``: the whole platform on one machine, on its embedded defaults.

One command prepares the data folder (the classroom app's database and secrets, the demo
school, the built curriculum, the demo class's nbgrader course with its first lessons released
in the exchange, the grader's sandbox user) and starts JupyterHub, which starts the proxy and
its services: the classroom app, the grader's watch service and the idle culler. Ctrl-C stops
the hub, and the hub stops everything it started; whatever is left after that (the hub or its
cleanup crashed) is stopped too (``process_tree``).
"""

from __future__ import annotations

import os
import pwd
import secrets
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from hub_config.process_tree import become_subreaper, reap_children, stop_tree
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
SANDBOX_USER = "robocole-sandbox"


@dataclass(frozen=True)
class Ports:
    hub: int = 8000
    classroom: int = 8010
    hub_api: int = 8081
    proxy_api: int = 8001


@dataclass(frozen=True)
class Demo:
    email: str
    password: str
    class_code: str


def _ensure_system_user(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )


def sandbox_paths() -> list[Path]:
    """What the grader's sandbox user must reach: this Python, its home, Robocole's code.

    The sandbox runs pupils' kernels with this virtual environment's Python, which is a link
    to the Python it was made from (with pyenv, under root's private home) and imports
    Robocole from its checkout (an editable install; a clone made with mktemp is private).
    """
    code = Path(__file__).resolve().parent.parent
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent}
    paths.add(code)
    return sorted(paths)


def open_for_sandbox(paths: Sequence[Path], listable: Sequence[Path] = ()) -> list[Path]:
    """Let every user pass through the folders down to ``paths``; the folders it changed.

    Only the right to pass through (o+x) is added, never the right to list a folder, so
    nothing private in root's home can be read by name-guessing alone. ``listable`` folders
    (the checkout, an import path whose listing Python caches) also get o+r. Without this the
    grader refuses to start on a fresh machine: its probe, run as the sandbox user, cannot
    even start Python.
    """
    changed: list[Path] = []
    readable = {folder.resolve() for folder in listable}
    for start in paths:
        for folder in [start.resolve(), *start.resolve().parents]:
            wanted = stat.S_IXOTH | (stat.S_IROTH if folder in readable else 0)
            try:
                mode = folder.stat().st_mode
                if mode & wanted != wanted:
                    os.chmod(folder, stat.S_IMODE(mode) | wanted)
                    changed.append(folder)
            except OSError:
                continue  # a folder we may not change: the grader's probe will say so
    return changed


#: The callers ``robocole up`` starts itself, each given its own token in ``data/tokens``.
LOCAL_CALLERS = ("hub", "grader")


def tokens_folder(data: Path) -> Path:
    return data / "tokens"


def issue_local_tokens(data: Path, database: str) -> None:
    """Give the hub and the grader their own tokens, kept in ``data/tokens`` (root only).

    A token already there is kept (recorded again if the database lost it, after a restore);
    ``robocole classroom token rotate hub --file data/tokens/hub`` replaces one. The station
    runs on classroom PCs: its token is made by hand (``token rotate station``).
    """
    from classroom_app import tokens
    from classroom_app.cli import write_secret
    from classroom_app.store import Store

    folder = tokens_folder(data)
    folder.mkdir(exist_ok=True)
    os.chmod(folder, 0o700)
    # The one token that once opened every route: it works no more, so it goes.
    (data / "api_token").unlink(missing_ok=True)
    store = Store.open(database)
    try:
        for caller in LOCAL_CALLERS:
            path = folder / caller
            if path.exists() and path.read_text().strip():
                tokens.record_configured(store, {caller: path.read_text().strip()})
            else:
                write_secret(path, tokens.rotate(store, caller))
    finally:
        store.close()


def built_curriculum(data: Path) -> Path:
    return data / "curriculum"


def release_lessons(data: Path, class_code: str, language: str, lessons: list[str]) -> list[str]:
    """Generate and release ``lessons`` in the class's nbgrader course.

    The same operations the grader service answers over HTTP (grader/releases.py), here for
    the demo class before the hub starts.
    """
    from grader.releases import CourseReleases

    releases = CourseReleases(data / "courses", data / "exchange", built_curriculum(data))
    return releases.release(class_code, lessons, language)


def record_released(database: str, class_code: str, lessons: list[str]) -> None:
    """Tell the classroom app the class has these lessons (its quest map opens them)."""
    from classroom_app.store import Store

    store = Store.open(database)
    try:
        klass = store.class_by_code(class_code)
        assert klass is not None
        known = store.assignments(int(klass["id"]))
        for lesson in lessons:
            if lesson not in known:  # the teacher's later choices (taken back…) stay
                store.set_assignment(int(klass["id"]), lesson, "released")
    finally:
        store.close()


def prepare(data: Path, demo: bool = True, lessons: int = 2) -> Demo | None:
    """Make everything the platform needs in ``data``; safe to run at every start."""
    from classroom_app.app import create_app
    from classroom_app.demo import seed_demo
    from classroom_app.store import Store
    from curriculum.build import build_course
    from curriculum.manifest import load_manifest
    from hub_config.exchange import prepare_root

    if os.geteuid() != 0:
        raise RobocoleError(
            _("Run robocole up as root: each pupil's server runs as their own system user.")
        )
    data.mkdir(parents=True, exist_ok=True)
    os.chmod(data, 0o755)
    for private in ("courses", "grader"):
        (data / private).mkdir(exist_ok=True)
        os.chmod(data / private, 0o700)
    prepare_root(data / "exchange")
    _ensure_system_user(SANDBOX_USER)
    code = Path(__file__).resolve().parent.parent
    open_for_sandbox([*sandbox_paths(), data], listable=[code])
    app = create_app({"DATA_DIR": str(data)})
    issue_local_tokens(data, app.config["DATABASE"])
    manifest = app.extensions["robocole.manifest"]
    if not (built_curriculum(data) / "fr" / "source").is_dir():
        build_course(load_manifest(app.config["MANIFEST"]), built_curriculum(data))
    if not demo:
        return None
    store = Store.open(app.config["DATABASE"])
    try:
        account = seed_demo(store, manifest, data)
    finally:
        store.close()
    first = [lesson.id for lesson in manifest.lessons()][:lessons]
    course_release = data / "courses" / f"robocole-{account.class_code.lower()}" / "release"
    missing = [lesson for lesson in first if not (course_release / lesson).is_dir()]
    if missing:
        release_lessons(data, account.class_code, "fr", missing)
    record_released(app.config["DATABASE"], account.class_code, first)
    return Demo(account.email, account.password, account.class_code)


def crypt_key(data: Path) -> str:
    """The hub's auth_state key: 32 random bytes in hex, made once, readable by root only."""
    path = data / "jupyterhub_crypt_key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def hub_environment(
    data: Path, ports: Ports, host: str, public: str | None = None
) -> dict[str, str]:
    return {
        **os.environ,
        # Encrypts auth_state (each login's role and courses) in the hub's database.
        "JUPYTERHUB_CRYPT_KEY": crypt_key(data),
        "ROBOCOLE_DATA": str(data),
        # The authenticator's token (logins and rosters only); the services do not inherit it.
        "ROBOCOLE_HUB_TOKEN": (tokens_folder(data) / "hub").read_text().strip(),
        "ROBOCOLE_HUB_IP": host,
        # The one address the badges carry (jupyterhub_config.py gives it to the classroom app).
        "ROBOCOLE_PUBLIC_URL": (public or f"http://{host}:{ports.hub}").rstrip("/"),
        "ROBOCOLE_HUB_PORT": str(ports.hub),
        "ROBOCOLE_CLASSROOM_PORT": str(ports.classroom),
        "ROBOCOLE_HUB_API_PORT": str(ports.hub_api),
        "ROBOCOLE_PROXY_API_PORT": str(ports.proxy_api),
        # The hub's own process skips the slow optional import too.
        "PYTHONPATH": str(Path(__file__).resolve().parent / "singleuser" / "fast_imports"),
    }


def start_hub(
    data: Path,
    ports: Ports,
    host: str = "127.0.0.1",
    stdout: IO[bytes] | None = None,
    options: Sequence[str] = (),
    public: str | None = None,
) -> subprocess.Popen[bytes]:
    """Start JupyterHub with Robocole's configuration; ``options`` are extra traitlets flags."""
    jupyterhub = Path(sys.executable).parent / "jupyterhub"
    return subprocess.Popen(
        [str(jupyterhub), "-f", str(CONFIG), *options],
        env=hub_environment(data, ports, host, public),
        cwd=str(data),
        stdout=stdout,
        stderr=subprocess.STDOUT if stdout is not None else None,
        start_new_session=True,  # Ctrl-C reaches the hub once, through stop_hub
    )


def stop_hub(hub: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """SIGTERM lets the hub stop the servers, services and proxy it started; then SIGKILL."""
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait()


def wait_ready(hub: subprocess.Popen[bytes], url: str, timeout: float = 120.0) -> None:
    """Wait until the hub answers; a clear sentence if it stopped or never answered."""
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise RobocoleError(_("JupyterHub stopped while starting: read its messages above."))
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RobocoleError(_("JupyterHub did not answer within two minutes: read its messages above."))


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run(data: Path, host: str, ports: Ports, demo: bool = True, public: str | None = None) -> int:
    # Started in the background by a script (`robocole up &`), Python inherits SIGINT ignored
    # and so would every process of the platform: Ctrl-C would do nothing, and JupyterHub,
    # which stops its services with SIGINT first, would wait 10 s for each. A handler of our
    # own is reset to the default in every program we start.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    account = prepare(data, demo)
    if account is not None:
        print(
            _(
                "Demo teacher: %(email)s / %(password)s",
                email=account.email,
                password=account.password,
            )
        )
        print(_("Demo class code: %(code)s", code=account.class_code))
    # Whatever the platform starts stays below us, even once the hub is gone (a crash leaves
    # the proxy, services and servers, which run in sessions of their own, without a parent).
    become_subreaper()
    hub = start_hub(data, ports, host, public=public)
    # A service manager stops us with SIGTERM: stop the hub (in its own session) too, instead
    # of leaving it, its proxy and the pupils' servers running without us.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        # The hub's own port first (quiet), then the public address through the proxy.
        wait_ready(hub, f"http://127.0.0.1:{ports.hub_api}/hub/health")
        wait_ready(hub, f"http://127.0.0.1:{ports.hub}/hub/health")
        print(
            _(
                "Robocole is ready: http://%(host)s:%(port)s/ (Ctrl+C to stop)",
                host=host,
                port=ports.hub,
            )
        )
        while hub.poll() is None:
            time.sleep(0.5)
            reap_children(keep={hub.pid})
        print(_("JupyterHub stopped; stopping the rest of the platform."), file=sys.stderr)
    except KeyboardInterrupt:
        print(_("Stopping…"), file=sys.stderr)
    finally:
        # The hub stops what it started; anything left (after a crash of the hub or of its
        # cleanup) is stopped here, down to the last process.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_hub(hub)
        stop_tree(os.getpid(), keep={hub.pid})
    return 0 if hub.returncode in (0, -signal.SIGTERM) else 1
