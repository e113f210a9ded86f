"""``robocole up`` gives the hub and the grader each their own token, and only theirs."""

from __future__ import annotations

from pathlib import Path

from classroom_app import tokens
from classroom_app.store import Store
from hub_config.platform import Ports, hub_environment, issue_local_tokens
from tests.hub_config.conftest import make_classroom


def _callers(database: str) -> dict[str, str | None]:
    store = Store.open(database)
    try:
        return {
            name: store.service_token_caller(tokens.token_hash(token))
            for name, token in _files(Path(database).parent).items()
        }
    finally:
        store.close()


def _files(data: Path) -> dict[str, str]:
    return {p.name: p.read_text().strip() for p in (data / "tokens").iterdir()}


def test_up_gives_each_local_service_its_own_token(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app, _classroom = make_classroom(data)
    (data / "api_token").write_text("the old token that opened everything")
    issue_local_tokens(data, app.config["DATABASE"])
    files = _files(data)
    assert set(files) == {"hub", "grader", "release"}
    assert len(set(files.values())) == 3
    assert (data / "tokens").stat().st_mode & 0o777 == 0o700
    assert all((data / "tokens" / name).stat().st_mode & 0o077 == 0 for name in files)
    assert not (data / "api_token").exists()
    callers = _callers(app.config["DATABASE"])
    assert callers["hub"] == "hub" and callers["grader"] == "grader"
    assert callers["release"] is None  # the grader's secret, not a key to the classroom API

    # Started again: the same tokens (the hub and the grader keep working)…
    issue_local_tokens(data, app.config["DATABASE"])
    assert _files(data) == files
    # …and recorded again when the database lost them (a restore from an older backup).
    store = Store.open(app.config["DATABASE"])
    try:
        store.revoke_service_token("hub")
    finally:
        store.close()
    issue_local_tokens(data, app.config["DATABASE"])
    assert _files(data) == files and _callers(app.config["DATABASE"])["hub"] == "hub"

    # The hub's process holds the hub's token only, never the grader's.
    environment = hub_environment(data, Ports(), "127.0.0.1")
    assert environment["ROBOCOLE_HUB_TOKEN"] == files["hub"]
    assert files["grader"] not in environment.values()
    assert "ROBOCOLE_API_TOKEN" not in environment


def _secret_keys(env: list[dict[str, object]]) -> dict[str, str]:
    """Each environment variable read from robocole-tokens, with its key in the Secret."""
    found = {}
    for item in env:
        reference = (item.get("valueFrom") or {}).get("secretKeyRef")  # type: ignore[union-attr]
        if reference and reference["name"] == "robocole-tokens":
            found[str(item["name"])] = str(reference["key"])
    return found


def test_the_helm_values_give_each_pod_only_its_tokens() -> None:
    import yaml

    helm = Path(__file__).resolve().parents[2] / "hub_config" / "helm"
    text = (helm / "services.yaml").read_text() + (helm / "values.yaml").read_text()
    assert "ROBOCOLE_API_TOKEN" not in text and "robocole-service-token" not in text
    deployments = {
        d["metadata"]["name"]: d
        for d in yaml.safe_load_all((helm / "services.yaml").read_text())
        if d and d.get("kind") == "Deployment"
    }

    def pod_tokens(name: str) -> dict[str, str]:
        containers = deployments[name]["spec"]["template"]["spec"]["containers"]
        return _secret_keys([e for c in containers for e in c.get("env", [])])

    assert pod_tokens("robocole-classroom") == {
        "ROBOCOLE_HUB_TOKEN": "hub",
        "ROBOCOLE_GRADER_TOKEN": "grader",
        "ROBOCOLE_STATION_TOKEN": "station",
        "ROBOCOLE_RELEASE_TOKEN": "release",
    }
    assert pod_tokens("robocole-grader") == {
        "ROBOCOLE_GRADER_TOKEN": "grader",
        "ROBOCOLE_RELEASE_TOKEN": "release",
    }
    hub = yaml.safe_load((helm / "values.yaml").read_text())["hub"]["extraEnv"]
    assert _secret_keys(list(hub.values())) == {"ROBOCOLE_HUB_TOKEN": "hub"}
    # The variables the code reads are the ones the pods get.
    assert {c.variable for c in tokens.CALLERS.values()} <= set(pod_tokens("robocole-classroom"))
