"""nbgrader's Autograde in one pass over the notebook instead of two.

nbgrader's ``Autograde`` converts each notebook twice: its ``sanitize_preprocessors`` write
the cleaned notebook to ``autograded/``, then its ``autograde_preprocessors`` read it back,
run it and write it again. Nothing between the two passes needs the file: the second pass
only gets the first one's notebook back from disk, parsed and validated once more (≈40 ms
of CPU per submission here). ``OnePassAutograde`` registers nbgrader's two lists, in
nbgrader's order, on one exporter run; the autograded notebook is written once.
"""

from __future__ import annotations

from nbgrader import utils
from nbgrader.converters import Autograde
from nbgrader.converters.base import BaseConverter


class OnePassAutograde(Autograde):  # type: ignore[misc]
    """nbgrader's Autograde with its sanitize and autograde preprocessors in one run."""

    def convert_single_notebook(self, notebook_filename: str) -> None:
        # nbgrader's own two lists, sanitize first (see Autograde.convert_single_notebook).
        self._sanitizing = True  # read from submitted/ (nbgrader's _input_directory)
        self.exporter._preprocessors = []
        for preprocessor in [*self.sanitize_preprocessors, *self.autograde_preprocessors]:
            self.exporter.register_preprocessor(preprocessor)
        # The whole pass runs as nbgrader's autograde pass does (pupil code may look at it).
        with utils.setenv(NBGRADER_EXECUTION="autograde"):
            BaseConverter.convert_single_notebook(self, notebook_filename)
