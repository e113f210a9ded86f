"""The ``robocole`` command: every subcommand is listed, documented, and errors are sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from robocole import cli
from robocole.errors import RobocoleError

COMMANDS = [command.name for command in cli.commands()]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "robocole", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "ROBOCOLE_LANG": "fr"},
    )


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in COMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = run(name, "--help")
    assert result.returncode == 0, result.stderr
    assert f"robocole {name}" in result.stdout
    assert len(result.stdout.splitlines()) >= 3


def test_unknown_command_is_refused() -> None:
    result = run("fly")
    assert result.returncode == 2
    assert "fly" in result.stderr


def test_a_robocole_error_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise RobocoleError("Branche le câble USB du robot.")

    monkeypatch.setattr(
        "classroom_app.cli.run_init", broken
    )  # the handler is looked up when the parser is built
    assert cli.main(["classroom", "init"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "robocole classroom: Branche le câble USB du robot."


def test_classroom_init_creates_the_database(tmp_path: Path) -> None:
    result = run("classroom", "--data", str(tmp_path), "init")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "classroom.sqlite3").exists()
    assert "Base de données prête" in result.stdout
    assert (tmp_path / "tokens" / "release").stat().st_mode & 0o077 == 0  # owner-only secrets


def test_add_teacher_from_a_script(tmp_path: Path) -> None:
    def add(password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "robocole",
                "classroom",
                "--data",
                str(tmp_path),
                "add-teacher",
                "ines@ecole.fr",
                "Mme Diallo",
                "--password-stdin",
            ],
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=120,
            env={"PATH": "/usr/bin:/bin", "ROBOCOLE_LANG": "fr"},
        )

    weak = add("court")
    assert weak.returncode == 2 and "au moins 10 caractères" in weak.stderr
    assert add("un mot de passe solide").returncode == 0
    again = add("un mot de passe solide")
    assert again.returncode == 2 and "existe déjà" in again.stderr
