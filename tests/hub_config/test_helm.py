"""The city's Helm values, merged over the chart's defaults, satisfy the chart's schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hub_config.helmcheck import deep_merge, load_yaml, problems

ROOT = Path(__file__).resolve().parents[2]
Z2JH = ROOT.parent / "shared" / "z2jh"
VALUES = ROOT / "hub_config" / "helm" / "values.yaml"


@pytest.fixture(scope="module")
def chart() -> tuple[Any, Any]:
    if not (Z2JH / "values.schema.yaml").exists():
        pytest.skip("the chart's schema is not beside the project (../shared/z2jh)")
    return load_yaml(Z2JH / "values.yaml"), load_yaml(Z2JH / "values.schema.yaml")


def test_merge_follows_helm() -> None:
    defaults = {"a": {"b": 1, "c": [1, 2]}, "d": "x", "e": {"f": 1}}
    override = {"a": {"c": [3]}, "d": None, "e": "scalar"}
    assert deep_merge(defaults, override) == {"a": {"b": 1, "c": [3]}, "d": None, "e": "scalar"}
    assert defaults["a"] == {"b": 1, "c": [1, 2]}, "the defaults must not change"


def test_city_values_validate(chart: tuple[Any, Any]) -> None:
    defaults, schema = chart
    assert problems(load_yaml(VALUES), defaults, schema) == []


def test_city_values_choose_what_a_city_needs(chart: tuple[Any, Any]) -> None:
    merged = deep_merge(chart[0], load_yaml(VALUES))
    assert merged["hub"]["db"]["type"] == "postgres"
    assert merged["hub"]["config"]["JupyterHub"]["authenticator_class"] == "robocole"
    assert set(merged["hub"]["services"]) >= {"classroom", "grader"}
    assert all("url" in s and "command" not in s for s in merged["hub"]["services"].values())
    assert merged["singleuser"]["memory"]["limit"] and merged["singleuser"]["cpu"]["limit"]
    assert merged["cull"]["enabled"] is True
    # The defaults the values do not mention survive the merge.
    assert merged["proxy"]["chp"] == chart[0]["proxy"]["chp"]


@pytest.mark.parametrize(
    ("override", "where"),
    [
        ({"hub": {"db": {"typo": "postgres"}}}, "hub.db"),
        ({"singleuser": {"memory": {"limit": ["768M"]}}}, "singleuser.memory.limit"),
        ({"cull": {"enabled": "yes"}}, "cull.enabled"),
    ],
)
def test_mistakes_are_caught(chart: tuple[Any, Any], override: dict[str, Any], where: str) -> None:
    values = deep_merge(load_yaml(VALUES), override)
    found = problems(values, *chart)
    assert found and found[0].startswith(where)


def test_each_registered_service_has_its_deployment() -> None:
    import yaml

    documents = list(yaml.safe_load_all((VALUES.parent / "services.yaml").read_text()))
    kinds = {(d["kind"], d["metadata"]["name"]) for d in documents}
    for name, service in load_yaml(VALUES)["hub"]["services"].items():
        host = service["url"].split("//")[1].split(":")[0]
        assert ("Deployment", host) in kinds, name
        assert ("Service", host) in kinds, name


def test_the_citys_hub_gets_the_school_servers_pages_and_landing() -> None:
    """The values' extraConfig runs in the hub's jupyterhub_config.py, with ``c`` given."""
    from traitlets.config import Config

    from hub_config.landing import start_page

    snippet = load_yaml(VALUES)["hub"]["extraConfig"]["robocole-pages"]
    c = Config()
    exec(compile(snippet, "extraConfig", "exec"), {"c": c})
    (templates,) = c.JupyterHub.template_paths
    for page in ("robocole_login.html", "page.html", "error.html", "spawn_pending.html"):
        assert (Path(templates) / page).is_file(), page
    assert c.JupyterHub.default_url is start_page
    headers = c.JupyterHub.tornado_settings["headers"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert c.JupyterHub.tornado_settings["compress_response"] is True
