"""Builds the compiled copy of the simulator's line sensors, when a C compiler is there.

Everything else is in pyproject.toml. ``robot_firmware/sim/line_sensors.py`` stays the source
and the reference: Cython compiles that very file, under the name
``robot_firmware.sim._line_sensors_c``, with the SHA-256 of the source it was built from.
``robot_firmware/sim/compiled.py`` uses the compiled copy only when that digest is the one of
the source installed beside it (a stale build is never used), and the tests require both to
give the same runs, bit for bit.

Floating point is kept as CPython computes it: no contraction of a * b + c into one fused
instruction (``-ffp-contract=off``), no fast-math, and the same libm calls.

Without Cython or a C compiler (a slim image), the build goes on without it: the simulator
then runs the source, only slower.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SOURCE = Path("robot_firmware", "sim", "line_sensors.py")
MODULE = "robot_firmware.sim._line_sensors_c"


def compiled_source() -> Path:
    """A copy of the source under the compiled module's name, with the source's digest."""
    raw = (ROOT / SOURCE).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()  # of the bytes, as compiled.py checks them
    text = raw.decode("utf-8")
    copy = ROOT / "build" / "cython" / SOURCE.with_name("_line_sensors_c.py")
    copy.parent.mkdir(parents=True, exist_ok=True)
    for folder in (copy.parent, copy.parent.parent):
        (folder / "__init__.py").touch()
    body = f"{text}\n\nSOURCE_SHA256 = {digest!r}\n"
    if not copy.exists() or copy.read_text(encoding="utf-8") != body:
        copy.write_text(body, encoding="utf-8", newline="\n")
    return copy


class OptionalBuildExt(build_ext):
    """Builds the extension if it can; says why not and goes on if it cannot."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no headers: the source runs instead
            print(
                f"robocole: line sensors not compiled ({error}); using the source", file=sys.stderr
            )


def extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("robocole: Cython is missing; the line sensors run from the source", file=sys.stderr)
        return []
    source = compiled_source()
    extension = Extension(
        MODULE,
        [str(source.relative_to(ROOT))],
        extra_compile_args=["-O2", "-ffp-contract=off", "-fno-fast-math"],
    )
    return cythonize(
        [extension],
        compiler_directives={"language_level": 3},
        build_dir=str(ROOT / "build" / "cython-c"),
        quiet=True,
    )


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
