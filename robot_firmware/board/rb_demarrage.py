# Robocole - starting the pupil's program safely.
#
# The flasher leaves the pupil's program in one of two layouts:
#
# * boards whose os module has rename (Raspberry Pi Pico, littlefs): "programme.py", written
#   as "programme.tmp", checked, then the old one renamed to "programme.bak" and the new one
#   to "programme.py". Each rename is atomic, so after a power cut at any moment there is a
#   complete program: recover() puts "programme.bak" back when "programme.py" is missing and
#   throws an unfinished "programme.tmp" away.
# * the BBC micro:bit, whose os has no rename: two slots "prog_a.py" and "prog_b.py" and a
#   pointer file "prog.txt" ("a" or "b") written last. The flasher writes the slot the pointer
#   does not name, ending with END_MARK, checks it, then writes the pointer. A slot without
#   END_MARK at its end is unfinished and never started.
#
# run() is the guard around the pupil's program: whatever happens (an error, Ctrl-C from the
# PC), the motors and the sound stop and a sentence in French says what happened.

import os
import sys

import rb_materiel

PROGRAM = "programme.py"
PREVIOUS = "programme.bak"
TEMPORARY = "programme.tmp"
POINTER = "prog.txt"
SLOTS = {"a": "prog_a.py", "b": "prog_b.py"}
END_MARK = b"#robocole:fin"
PREFIX = "[robot] "


def say(text):
    print(PREFIX + text)


def _files():
    try:
        return os.listdir()
    except OSError:
        return []


def recover(files=None):
    """Repair an upload cut by a power loss; returns what was done, or None."""
    files = _files() if files is None else files
    done = None
    if PROGRAM not in files and PREVIOUS in files and hasattr(os, "rename"):
        os.rename(PREVIOUS, PROGRAM)
        done = "programme précédent remis en place"
    # Files being written when the power went: never complete, never used.
    for name in files:
        if name.endswith(".tmp"):
            os.remove(name)
            done = done or "envoi interrompu effacé"
    return done


def _slot_complete(name):
    # The end mark is the last thing written: a cut file does not end with it.
    tail = b""
    try:
        with open(name, "rb") as f:
            while True:
                chunk = f.read(128)
                if not chunk:
                    break
                tail = (tail + chunk)[-32:]
    except OSError:
        return False
    return tail.rstrip().endswith(END_MARK)


def program(files=None):
    """The module name of the program to start, or None when there is none."""
    files = _files() if files is None else files
    if POINTER in files:
        try:
            with open(POINTER) as f:
                current = f.read().strip()
        except OSError:
            current = ""
        order = [current] if current in SLOTS else []
        order += [s for s in ("a", "b") if s != current]
        for slot in order:
            if SLOTS[slot] in files and _slot_complete(SLOTS[slot]):
                return SLOTS[slot][:-3]
    if PROGRAM in files:
        return PROGRAM[:-3]
    return None


def _line(exc):
    try:
        import io

        buffer = io.StringIO()
        sys.print_exception(exc, buffer)
        text = buffer.getvalue()
    except Exception:
        return None
    number = None
    for row in text.split("\n"):
        at = row.find(", line ")
        if at >= 0 and "rb_" not in row and "robot.py" not in row:
            digits = ""
            for ch in row[at + 7 :]:
                if not "0" <= ch <= "9":
                    break
                digits += ch
            if digits:
                number = int(digits)
    return number


def explain(exc):
    """One sentence in French that tells a child what went wrong."""
    message = str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return "Programme arrêté depuis l'ordinateur."
    if isinstance(exc, MemoryError):
        return "Le programme est trop gros pour la mémoire du robot."
    line = _line(exc)
    where = "Ligne %d : " % line if line else ""
    if isinstance(exc, SyntaxError):
        return (
            where + "le programme est mal écrit. Vérifie les parenthèses, les guillemets, "
            "les deux-points (:) et les espaces en début de ligne."
        )
    if isinstance(exc, NameError):
        name = message.split("'")[1] if message.count("'") >= 2 else message
        return (
            where + "le nom « %s » est inconnu. Vérifie l'orthographe, et que le programme "
            "commence par « from robot import * »." % name
        )
    # The same sentences as on the PC (robocole/python_errors.py), for the common mistakes.
    if isinstance(exc, ZeroDivisionError):
        return where + "division par zéro."
    if isinstance(exc, ImportError):
        return where + "module introuvable (%s)." % message
    if isinstance(exc, IndexError):
        return where + "la liste n'a pas d'élément à cette place (le premier est le numéro 0)."
    text_and_number = "str" in message and ("types" in message or "conv" in message)
    if isinstance(exc, TypeError) and text_and_number:
        return (
            where + "on ne peut pas ajouter un texte et un nombre : écris str(nombre) pour "
            "changer le nombre en texte."
        )
    if isinstance(exc, (TypeError, ValueError)):
        return where + "valeur impossible : %s." % message  # robot.py's own words, in French
    if isinstance(exc, OSError):
        return where + "le matériel du robot ne répond pas (%s). Est-il allumé ?" % message
    # What Python said (English) is printed just above, for the teacher.
    return (
        where + "ton programme s'est arrêté sur une erreur : relis bien cette ligne, ou "
        "demande de l'aide."
    )


def _stop_everything():
    try:
        hw = rb_materiel.hardware()
        hw.motors(0, 0)
        hw.silence()
        return hw
    except Exception:
        return None


def run(name=None):
    """Run the pupil's program in the guard; True if it ended well, False on an error."""
    if name is None:
        name = program()
    if name is None:
        say("Pas encore de programme : envoie-le depuis l'ordinateur.")
        return True
    sys.modules.pop(name, None)
    try:
        __import__(name)
    except BaseException as exc:  # noqa: B036 - everything stops the motors, Ctrl-C too
        hw = _stop_everything()
        if isinstance(exc, SystemExit):
            return True
        interrupted = isinstance(exc, KeyboardInterrupt)
        if not interrupted:
            sys.print_exception(exc)
        say(explain(exc))
        if hw is not None and not interrupted:
            try:
                hw.led(-1, 255, 0, 0)
                hw.show("X")
            except Exception:
                pass
        return interrupted
    _stop_everything()
    return True


def safe_mode():
    """True when the robot's button is held at power-on: the program is not started."""
    try:
        return rb_materiel.hardware().button()
    except Exception:
        return False


def main():
    # boot.py repairs too, but some boards (the micro:bit) only run main.py.
    try:
        recover()
    except OSError:
        pass
    if safe_mode():
        say("Mode sans échec : le bouton était appuyé, le programme n'est pas lancé.")
        try:
            rb_materiel.hardware().led(-1, 0, 0, 255)
        except Exception:
            pass
        return None
    return run()
