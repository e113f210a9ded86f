"""Offline check of a city's Zero to JupyterHub values: merge as Helm does, then validate.

There is no cluster where the tests run, so this checks what can be checked without one: the
values, deep-merged over the chart's defaults, must satisfy the chart's own JSON Schema (which
refuses misspelled keys and wrong types). It does not render the chart's templates.

Helm's merge rule: maps merge key by key; any other value (a list, a scalar, ``null``) in the
user's values replaces the default as a whole.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml


def deep_merge(defaults: Any, override: Any) -> Any:
    """Merge ``override`` over ``defaults`` the way Helm merges values files."""
    if isinstance(defaults, Mapping) and isinstance(override, Mapping):
        merged = dict(defaults)
        for key, value in override.items():
            merged[key] = deep_merge(defaults[key], value) if key in defaults else value
        return merged
    return override


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def problems(
    values: Mapping[str, Any], chart_defaults: Mapping[str, Any], schema: Any
) -> list[str]:
    """Every schema error of ``values`` merged over ``chart_defaults``, one line each."""
    import jsonschema

    merged = deep_merge(chart_defaults, values)
    validator = jsonschema.Draft7Validator(schema)
    return [
        f"{'.'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(merged), key=lambda e: list(e.absolute_path))
    ]


def main(argv: list[str]) -> int:
    """``python -m hub_config.helmcheck VALUES CHART_VALUES CHART_SCHEMA``."""
    if len(argv) != 3:
        print(main.__doc__, file=sys.stderr)
        return 2
    values, defaults, schema = (load_yaml(Path(name)) for name in argv)
    found = problems(values, defaults, schema)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
