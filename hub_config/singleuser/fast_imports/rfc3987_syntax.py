"""Refuse to import: jsonschema then skips its "iri" format check, which Jupyter never needs.

The real rfc3987_syntax builds a Lark grammar at import time (2.5-5 s on a school server),
and every Jupyter process imports it through jsonschema. This folder is put first on the
PYTHONPATH of single-user servers only.
"""

raise ImportError("rfc3987_syntax is skipped on Robocole's single-user servers")
