"""The HTML exporter of the feedback, with its templates compiled once per process.

nbgrader builds a new exporter for every feedback it writes, and nbconvert a new Jinja
environment for every exporter, so the feedback templates were compiled again for every
pupil (≈0.17 s each here). A bytecode cache shared by the process's exporters keeps them.
"""

from __future__ import annotations

from typing import Any

import jinja2
from nbconvert.exporters import HTMLExporter


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback exporter (HTML) that reuses compiled templates."""

    compiled_templates = MemoryBytecodeCache()

    def _create_environment(self) -> Any:
        environment = super()._create_environment()
        environment.bytecode_cache = self.compiled_templates
        return environment
