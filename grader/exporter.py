"""The HTML exporter of the feedback: our light template, compiled once per process.

nbgrader's ``GenerateFeedback`` takes its exporter and template from configuration
(``exporter_class``, ``HTMLExporter.template_name`` and ``extra_template_basedirs``): that is
the seam used here, nbgrader still writes and releases the page.

- The template (``grader/templates/robocole_feedback``) replaces nbgrader's, which inlines
  Bootstrap and all of Jupyter's CSS (≈130 KB a page, ≈0.09 s of CPU to render and parse
  again): a child on an old school PC gets a page of a few kilobytes, in French
  (``<html lang="fr">``), with each test's score and a kind sentence, and nothing loaded from
  another site (nbgrader's loads MathJax from a CDN; lessons for 8–15 year olds have no
  formulas to typeset).
- nbgrader builds a new exporter for every feedback it writes, and nbconvert a new Jinja
  environment for every exporter, so the templates were compiled again for every pupil. A
  bytecode cache shared by the process's exporters keeps them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import jinja2
from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from traitlets.config import Config

from robocole.i18n import current_language, gettext

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "robocole_feedback"


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
    """nbgrader's feedback exporter (HTML): one Jinja environment per process, in French.

    nbgrader makes a new exporter for every page, and each exporter a new environment whose
    templates are loaded and whose filters are made again (≈12 ms of the ≈17 ms a page of
    ours takes to render). Exporters configured alike share one environment and its loaded
    templates; the filters nbconvert registers for each page are registered again on it.
    """

    compiled_templates = MemoryBytecodeCache()
    #: Environments by what they are made from (template paths and exporter configuration).
    _environments: ClassVar[dict[str, Any]] = {}

    def _environment_key(self) -> str:
        sections = ("Exporter", "TemplateExporter", "HTMLExporter", type(self).__name__)
        configured = {name: self.config[name] for name in sections if name in self.config}
        made_from = [type(self).__qualname__, self.template_paths, self.template_file, configured]
        return json.dumps(made_from, sort_keys=True, default=repr)

    def _create_environment(self) -> Any:
        key = self._environment_key()
        environment = self._environments.get(key)
        if environment is None:
            environment = super()._create_environment()
            environment.bytecode_cache = self.compiled_templates
            # The template's words go through the project's catalogs (grader/translations).
            environment.globals["_"] = gettext
            environment.globals["current_language"] = current_language
            self._environments[key] = environment
        return environment

    def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
        if _may_show_images(nb):
            return super().from_notebook_node(nb, resources, **kw)
        # HTMLExporter.from_notebook_node without its last step, where BeautifulSoup parses
        # the page again (≈10 ms) to give an alt text to images that have none and a tabindex
        # to JupyterLab's cells: this template writes no such cells, and a page that may show
        # an image takes the whole way above.
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        highlight_code = self.filters.get(
            "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)
        )
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(
            notebook_metadata=self._nb_metadata, parent=self, resources=resources
        )
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)


def _may_show_images(nb: Any) -> bool:
    """Whether a page may hold an ``<img>``: an image or HTML output, or HTML in a text cell."""
    for cell in nb.cells:
        if cell.cell_type != "code" and ("<img" in cell.source or cell.get("attachments")):
            return True  # markdown, or a raw cell written as HTML
        for output in cell.get("outputs", []):
            if any(k.startswith("image/") or k == "text/html" for k in output.get("data", {})):
                return True
    return False


def use_feedback_template(config: Config) -> None:
    """Make nbgrader's GenerateFeedback write its pages with our exporter and template."""
    config.GenerateFeedback.exporter_class = FeedbackExporter
    # nbgrader keeps its own template unless these are configured (GenerateFeedback.__init__).
    config.HTMLExporter.template_name = TEMPLATE_NAME
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    # No "¶" link after each heading: nothing for a child, and nbconvert writes those headings
    # through ElementTree, which turns every accent into a character reference (&#233;).
    config.HTMLExporter.exclude_anchor_links = True
    # nbconvert checks the notebook against nbformat's schema after each preprocessor; its
    # documented switch checks it once, after the last one.
    config.Exporter.optimistic_validation = True
