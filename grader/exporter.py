"""The HTML exporter of the feedback, with its templates compiled once per process.

nbgrader builds a new exporter for every feedback it writes, and nbconvert a new Jinja
environment for every exporter, so the feedback templates were compiled again for every
pupil (≈0.17 s each here). A bytecode cache shared by the process's exporters keeps them.

Two changes to what nbgrader's feedback template writes, for a page a child opens at school:
- no MathJax: the template loads it from a CDN (cdnjs.cloudflare.com), so every child opening
  their feedback would have asked a third party, which the school LAN may not even reach.
  nbconvert's ``mathjax.html.j2`` macro is replaced by one that writes nothing (lessons for
  8–15 year olds have no formulas to typeset);
- the page says its language (``<html lang="fr">``), so screen readers read it in French.
"""

from __future__ import annotations

from typing import Any

import jinja2
from nbconvert.exporters import HTMLExporter

from robocole.i18n import current_language

# Found before nbconvert's own ``mathjax.html.j2`` by every template that imports it.
NO_MATHJAX = "{%- macro mathjax(url=None) -%}{%- endmacro -%}"


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
        environment.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({"mathjax.html.j2": NO_MATHJAX}), environment.loader]
        )
        return environment

    def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
        output, resources = super().from_notebook_node(nb, resources, **kw)
        output = output.replace("<html>", f'<html lang="{current_language()}">', 1)
        return output, resources
