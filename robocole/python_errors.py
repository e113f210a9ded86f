"""Python's errors said to a child: one kind sentence in the current language, with the line.

Python's own messages are English and written for grown-up programmers ("name 'droit' is not
defined", "expected ':'"), so they are never shown as they are. This module reads them (they
are stable across Python 3.10+) and says what to change, in the pupil's words::

    explain_python_error("NameError", "name 'droit' is not defined", line=2,
                         known_names=["droite", "gauche"])
    # 'Ligne 2 : le nom « droit » est inconnu. Voulais-tu écrire « droite » ?'

One explainer for every place a child meets an error: the lesson view's "Vérifier" button,
the grader's feedback (``grader.feedback``) and the robot simulator
(``robot_firmware.sim.challenges``). The robot's own firmware (``board/rb_demarrage.py``)
cannot import it (MicroPython, tiny memory) and keeps a short copy of the same sentences.

A shared leaf: it imports nothing from the other parts, only ``robocole.i18n``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from robocole.i18n import N_
from robocole.i18n import gettext as _

#: Characters of a test's own assertion message kept as the sentence.
ASSERT_MESSAGE_MAX = 300
#: The words of Python a child types without defining them: a misspelling of one of them
#: ("prnt", "Range", "true") gets its right spelling. Not all of ``builtins``: "var" must
#: not become "vars".
CHILD_BUILTINS = (
    "print",
    "range",
    "len",
    "input",
    "int",
    "str",
    "float",
    "list",
    "abs",
    "min",
    "max",
    "sum",
    "round",
    "sorted",
    "type",
    "bool",
    "True",
    "False",
    "None",
)
BRACKETS = {"(": ")", "[": "]", "{": "}"}
TYPE_NAMES = {
    "int": N_("a whole number (int)"),
    "float": N_("a decimal number (float)"),
    "str": N_("a text (str)"),
    "bool": N_("True or False (bool)"),
    "list": N_("a list"),
    "tuple": N_("a tuple"),
    "dict": N_("a dictionary (dict)"),
    "NoneType": N_("None"),
    "function": N_("a function"),
}
TIMEOUT_ERRORS = ("KeyboardInterrupt", "CellTimeoutError", "TimeoutError")
_WHERE = re.compile(r"\s*\(([^()]*), line (\d+)\)$")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
#: Frames of an IPython traceback: "Cell In[3], line 2", "File <string>:2",
#: "File /x/y.py:12, in f()", and the plain Python form 'File "<string>", line 2'.
_FRAME = re.compile(
    r"^\s*(?:Cell (?P<cell>In\[\d+\]), line (?P<cell_line>\d+)"
    r"|File (?P<file>[^\s:\"]+):(?P<file_line>\d+)"
    r'|File "(?P<quoted>[^"]+)", line (?P<quoted_line>\d+))',
    re.MULTILINE,
)


@dataclass(frozen=True)
class Explanation:
    """What to tell the child: ``general`` is true for every error of this kind; ``precise``
    says exactly what to change when Python said it ("add “)”"), else ""."""

    general: str
    precise: str = ""
    #: Whether ``precise`` says everything alone (a syntax error: "the colon is missing") or
    #: follows ``general`` ("the name x is unknown." + "Did you mean y?").
    precise_alone: bool = False

    @property
    def sentence(self) -> str:
        if self.precise and self.precise_alone:
            return self.precise
        return " ".join(filter(None, (self.general, self.precise)))


def line_prefix(line: int | None) -> str:
    """ "Ligne 3 : " when the line is known, else ""."""
    return _("Line %(line)s: ", line=line) if line else ""


def type_name(name: str) -> str:
    """A Python type as a child reads it: ``int`` is "un nombre entier (int)"."""
    return _(TYPE_NAMES[name]) if name in TYPE_NAMES else name


def explain_python_error(
    ename: str,
    evalue: str,
    line: int | None = None,
    known_names: Iterable[str] = (),
    *,
    code: str | None = None,
) -> str:
    """One sentence for a child about the error Python raised, starting "Ligne N : ".

    ``ename``/``evalue`` are the error's class name and message (nbformat's error output, a
    kernel's error reply, or ``type(e).__name__``/``str(e)``); ``line`` is the line in the
    child's cell (``error_line`` finds it in a kernel's traceback; a syntax error's message
    carries it too). ``known_names`` are the names the child may have meant (the world's
    functions: a misspelt ``droit`` gets "Voulais-tu écrire « droite » ?"). ``code``, the
    child's cell, lets a syntax error name what was typed (``avancer 10``).

    An ``AssertionError`` carries the test's own sentence, written for the child: it is
    said as it is, without a line (the line is the test's, not the child's).
    """
    if ename == "AssertionError":
        return explain(ename, evalue).sentence
    if line is None:
        line = _line_in_message(evalue)
    sentence = explain(ename, evalue, known_names, code=code, line=line).sentence
    if line:
        # After "Ligne 2 : ", a French sentence goes on in small letters ("il manque…").
        if sentence[1:2].islower():
            sentence = sentence[:1].lower() + sentence[1:]
        return line_prefix(line) + sentence
    # Alone, the sentence starts a line: "Ton programme…", not "ton programme…".
    return sentence[:1].upper() + sentence[1:]


def explain(
    ename: str,
    evalue: str,
    known_names: Iterable[str] = (),
    *,
    code: str | None = None,
    line: int | None = None,
) -> Explanation:
    """The general and the precise sentence for one error, without the line prefix."""
    said = _WHERE.sub("", evalue.strip())
    if ename in ("SyntaxError", "IndentationError", "TabError"):
        typed = _code_line(code, line)
        return Explanation(
            _(
                "the program is not written correctly. Check the brackets, the quotes, the "
                "colons (:) and the spaces at the start of the lines."
            ),
            syntax_hint(said, typed, known_names) or "",
            precise_alone=True,
        )
    if ename == "AssertionError":
        return Explanation(_assertion(said))
    if ename in ("NameError", "UnboundLocalError"):
        return _name_error(ename, said, known_names)
    if ename == "ZeroDivisionError":
        return Explanation(_("a division by zero."), _("A number cannot be divided by 0."))
    if ename == "NotImplementedError":
        # nbgrader's old answer stub: "raise NotImplementedError()" where the answer goes.
        return Explanation(
            _(
                "your program is not written yet: write it in place of the line that "
                "starts with raise."
            )
        )
    if ename in TIMEOUT_ERRORS:
        return Explanation(
            _("your program took too long: check that no loop runs forever (while).")
        )
    if ename == "RecursionError":
        return Explanation(
            _("your function calls itself again and again without end: add a case where it stops.")
        )
    if ename == "MemoryError":
        return Explanation(
            _("your program asked for too much memory. Try with smaller numbers or lists.")
        )
    if ename == "IndexError":
        return Explanation(_index_error(said))
    if ename == "KeyError":
        return Explanation(_("the dictionary has no key %(key)s.", key=said.strip("'\"")))
    if ename == "AttributeError":
        return _attribute_error(said)
    if ename in ("ModuleNotFoundError", "ImportError"):
        module = re.match(r"No module named '([^']+)'", said)
        if module:
            return Explanation(_("the module %(name)s is not here.", name=module[1]))
        return Explanation(_("this name cannot be imported: check its spelling."))
    if ename == "TypeError":
        return Explanation(type_error(said) or _("a value is not of the right kind here."))
    if ename == "ValueError":
        return Explanation(value_error(said) or _("this value is not possible here."))
    return Explanation(
        _("your program stopped on an error: read this line again carefully, or ask for help.")
    )


def _assertion(said: str) -> str:
    if not said:
        return _("Not yet: a test did not pass. Read the instructions again and try again!")
    # The first line only: what follows (a drawing, line by line) stays in what Python said.
    first = " ".join(said.splitlines()[0].split())
    return first if len(first) <= ASSERT_MESSAGE_MAX else first[: ASSERT_MESSAGE_MAX - 1] + "…"


def meant(name: str, known_names: Iterable[str] = ()) -> str | None:
    """The known name a misspelt ``name`` most likely stands for, or None."""
    known = [*known_names, *CHILD_BUILTINS]
    # Capitals count as a slip ("Droite"), not as a different word.
    lowered: dict[str, str] = {}
    for word in known:
        lowered.setdefault(word.lower(), word)
    if name.lower() in lowered:
        return lowered[name.lower()]
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def name_hint(name: str, known_names: Iterable[str] = ()) -> str:
    """ "Voulais-tu écrire « droite » ?" for a misspelt name, or ""."""
    word = meant(name, known_names)
    if word is None or word == name:
        return ""
    if word.lower() == name.lower():
        return _(
            "Did you mean %(meant)s? Python sees capital and small letters as different.",
            meant=word,
        )
    return _("Did you mean %(meant)s?", meant=word)


def _name_error(ename: str, said: str, known_names: Iterable[str]) -> Explanation:
    local = re.match(r"(?:cannot access )?local variable '([^']+)'", said)
    if ename == "UnboundLocalError" or local:
        name = local[1] if local else "?"
        return Explanation(
            _(
                "the variable %(name)s is used in the function before it gets a value there: "
                "give it a value first in the function.",
                name=name,
            )
        )
    found = re.search(r"name '([^']+)' is not defined", said)
    name = found[1] if found else said
    return Explanation(
        _("the name %(name)s is unknown. Check its spelling.", name=name),
        name_hint(name, known_names),
    )


def _line_in_message(evalue: str) -> int | None:
    """The line a syntax error's message names: "expected ':' (3855724513.py, line 1)"."""
    where = _WHERE.search(evalue.strip())
    return int(where[2]) if where else None


def _code_line(code: str | None, line: int | None) -> str:
    if not code or not line:
        return ""
    lines = code.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def syntax_hint(said: str, typed: str = "", known_names: Iterable[str] = ()) -> str | None:
    """What to change in a syntax error, from what Python noticed (``typed``: the line)."""
    if said.endswith("was never closed") and said[1:2] in BRACKETS:
        return _(
            "The sign “%(open)s” opened on this line is never closed: add “%(close)s”.",
            open=said[1],
            close=BRACKETS[said[1]],
        )
    mismatch = re.match(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", said)
    if mismatch and mismatch[2] in BRACKETS:
        return _(
            "The sign “%(open)s” is closed with “%(wrong)s”: write “%(close)s” instead.",
            open=mismatch[2],
            wrong=mismatch[1],
            close=BRACKETS[mismatch[2]],
        )
    if said.startswith("unmatched '") and len(said) > 11:
        return _("There is one “%(sign)s” too many.", sign=said[11])
    if said == "expected ':'":
        return _("The colon (:) is missing at the end of the line.")
    if said.startswith("expected an indented block"):
        return _("The lines inside the loop or the “if” must start with spaces (Tab key).")
    if said == "unexpected indent":
        return _("This line starts with spaces it should not have.")
    if said.startswith("unindent does not match"):
        return _(
            "The spaces at the start of this line do not line up with those of the lines above."
        )
    if said.startswith("inconsistent use of tabs and spaces"):
        return _("The lines mix the Tab key and spaces at their start: use the same for each line.")
    if said.startswith(("unterminated string literal", "unterminated triple-quoted")):
        return _("A text in quotes is not closed: add the missing quote.")
    if "Maybe you meant '=='" in said:
        return _("To compare, write == (two equals signs).")
    if said == "'return' outside function":
        return _("“return” only works inside a function (def).")
    if said == "'break' outside loop":
        return _("“break” only works inside a loop.")
    missing = re.match(r"Missing parentheses in call to '(\w+)'", said)
    if missing:
        return _(
            "Brackets are missing: write %(name)s(…) with what to show between them.",
            name=missing[1],
        )
    character = re.match(r"invalid character '(.)'", said)
    if character:
        return _(
            "This line has a sign Python does not know (%(sign)s): type it again with the "
            "keyboard (quotes: \" or ').",
            sign=character[1],
        )
    if "Perhaps you forgot a comma" in said:
        return _("A comma (,) is missing between two values.")
    if said == "invalid decimal literal":
        return _("A name cannot start with a digit, and a number has no letters in it.")
    order = re.match(r"\s*([A-Za-z_]\w*)\s+([\w\"'(-].*)$", typed)
    if said == "invalid syntax" and order and order[1] in {*known_names, *CHILD_BUILTINS}:
        # "avancer 10": an order written without its brackets.
        return _(
            "Put brackets after %(name)s: %(name)s(%(value)s).",
            name=order[1],
            value=order[2].strip().strip("()"),
        )
    return None


def _index_error(said: str) -> str:
    if said.startswith("string index"):
        return _("the text has no letter at this place (the first one is number 0).")
    return _("the list has no element at this place (the first one is number 0).")


def _attribute_error(said: str) -> Explanation:
    of_module = re.match(r"module '([^']+)' has no attribute '([^']+)'", said)
    if of_module:
        return Explanation(
            _(
                "the module %(module)s has no %(name)s: check its spelling.",
                module=of_module[1],
                name=of_module[2],
            )
        )
    of_value = re.match(r"'(\w+)' object has no attribute '([^']+)'", said)
    if of_value:
        kind, name = of_value[1], of_value[2]
        known = _BUILTIN_TYPES.get(kind)
        word = meant(name, dir(known) if known is not None else ())
        return Explanation(
            _(
                "%(kind)s has no %(name)s.",
                kind=type_name(kind)[:1].upper() + type_name(kind)[1:],
                name=name,
            ),
            _("Did you mean %(meant)s?", meant=word) if word and word != name else "",
        )
    return Explanation(_("this name does not exist here: check its spelling."))


_BUILTIN_TYPES: dict[str, type] = {
    "list": list,
    "str": str,
    "dict": dict,
    "int": int,
    "float": float,
    "tuple": tuple,
    "set": set,
}


def type_error(said: str) -> str | None:
    """Python's common TypeError messages, said for a child; None for the others."""
    called = re.match(r"(\w+)\(\) (takes|missing)", said)
    if called and called[2] == "takes":
        return _("too many values between the brackets of %(name)s.", name=called[1])
    if called:
        return _("a value is missing between the brackets of %(name)s.", name=called[1])
    operands = re.match(r"unsupported operand type\(s\) for (\S+): '(\w+)' and '(\w+)'", said)
    kinds = {operands[2], operands[3]} if operands else set()
    if "function" in kinds or "builtin_function_or_method" in kinds or "method" in kinds:
        return _(
            "a function is used like a value: to make it work, put brackets after its "
            "name, for example droite()."
        )
    if "NoneType" in kinds:
        return _("one of the values is None (nothing): does your function end with return?")
    if said.startswith("can only concatenate str") or (
        operands and operands[1] == "+" and "str" in kinds
    ):
        return _(
            "a text and a number cannot be added: write str(number) to turn the number into text."
        )
    if operands and "str" in kinds:
        return _("this sign does not work with a text: turn the text into a number with int().")
    compared = re.match(r"'(\S+)' not supported between instances of '(\w+)' and '(\w+)'", said)
    if compared:
        return _(
            "%(a)s and %(b)s cannot be compared: turn the text into a number with int().",
            a=type_name(compared[2]),
            b=type_name(compared[3]),
        )
    if said.endswith("object is not iterable"):
        return _("after “in”, the loop needs range(…) or a list: for example, for i in range(4):")
    if said.endswith("object is not callable"):
        return _(
            "what is before the brackets is not a function: did you give that name to "
            "a number or a text?"
        )
    if said.endswith("object is not subscriptable"):
        return _(
            "square brackets [ ] only work with a list or a text: to call a function, use "
            "round brackets ( )."
        )
    if said.endswith("object does not support item assignment"):
        return _("a text cannot be changed letter by letter: make a new text instead.")
    if said.startswith(("list indices must be", "string indices must be")):
        return _("the place in a list is a whole number: for example, liste[0].")
    if re.match(r"object of type '\w+' has no len\(\)", said):
        return _(
            "the function len() counts the elements of a list or the letters of a text, not a "
            "number."
        )
    return None


def value_error(said: str) -> str | None:
    """Python's common ValueError messages, said for a child; None for the others."""
    number = re.match(
        r"(?:invalid literal for int\(\) with base 10|could not convert string to float): (.*)$",
        said,
    )
    if number:
        return _("%(text)s is not a number.", text=number[1].strip("'\""))
    if said.endswith("not in list"):
        return _("this value is not in the list.")
    if said.startswith("too many values to unpack"):
        return _("there are more values than names on the left of =.")
    if said.startswith("not enough values to unpack"):
        return _("there are fewer values than names on the left of =.")
    if said == "math domain error":
        return _("this number is not possible here (a square root of a negative number?).")
    return None


def traceback_frames(traceback: Sequence[str]) -> list[tuple[str, int]]:
    """The frames of a kernel's (ANSI-coloured) traceback, outermost first, as (where, line):
    ``("In[3]", 2)`` for a notebook cell, ``("<string>", 2)``, ``("/x/y.py", 12)``."""
    frames: list[tuple[str, int]] = []
    for chunk in traceback:
        for match in _FRAME.finditer(_ANSI.sub("", chunk)):
            name = match["cell"] or match["file"] or match["quoted"]
            number = match["cell_line"] or match["file_line"] or match["quoted_line"]
            frames.append((name, int(number)))
    return frames


def error_line(traceback: Sequence[str], filename: str = "<string>") -> int | None:
    """The line of the child's code in a kernel's error traceback, or None.

    ``traceback`` is the error reply's list of (ANSI-coloured) lines. The child's code is the
    code run from ``filename`` when it appears (``exec(compile(code, "<string>", "exec"))``),
    else the cell the traceback starts in (``Cell In[3], line 2``); of its frames, the last
    one is where the error happened (inside a function of the cell, its line in the cell).
    """
    frames = traceback_frames(traceback)
    if not frames:
        return None
    chosen = filename if any(name == filename for name, _n in frames) else frames[0][0]
    return [number for name, number in frames if name == chosen][-1]
