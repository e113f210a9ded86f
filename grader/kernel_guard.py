"""The part of the grader that runs inside a pupil's kernel: tests that pupil code cannot fake.

This module runs *in the sandbox*, in the kernel process, before any pupil code: the launcher
(``LAUNCHER`` below, used by fresh and warm kernels alike) starts ipykernel, calls
``install()``, then serves. It is never imported by the grader itself; its text is sent.

Why: the tests of a lesson run in the pupil's own interpreter, and one line of pupil code
(``get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])``, a patched
``builtins``, ``sys.settrace``, a replaced ``do_execute`` or ``sys.modules`` entry) could
otherwise rewrite every test into ``pass``. So:

- test cells never go through IPython: the grader sends them as a message of their own
  (``robocole_test_request``), which this module answers by compiling and running the test
  with the interpreter's own ``compile`` and ``exec``, in a thread of its own;
- before each test, the interpreter's hooks, builtins, import machinery and the functions
  of every module loaded at start are put back as they were before the pupil's first cell
  (a snapshot taken here, before any pupil code); a change it finds is reported;
- each verdict is signed (HMAC-SHA256) with a key the grader writes for this kernel alone,
  read and deleted here before pupil code runs, over the grader's random nonce for that
  test and the hash of the code that really ran: a reply the pupil made, a test run twice
  or a changed test is seen by the grader (``grader/integrity.py``);
- the key and the snapshot live only in the frame of a suspended generator. An audit hook
  (``sys.addaudithook``, which Python code cannot remove) refuses what would reach them:
  that generator's frame, the garbage collector's object lists, other threads' frames,
  reading memory with ctypes or ``/proc/*/mem``, and adding another audit hook. The test
  runs in its own thread, so no frame of its stack leads back to the generator.

Limits, written down so nobody relies on more: this raises the bar far above what a pupil
can copy from the Internet, but code running in the same process could still find a bug of
CPython that reads memory without an audited event; the sandbox (no network, no other
files) bounds what such code could do, and the teacher sees every result flagged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from typing import Any

#: The message type the grader sends a test cell as (never an execute_request).
TEST_REQUEST = "robocole_test_request"
#: Names IPython and Python set in builtins themselves while cells run.
_VOLATILE_BUILTINS = frozenset({"_", "__", "___", "__IPYTHON__", "display", "get_ipython"})
_VOLATILE_MODULES = frozenset({"__main__"})
#: Audit events that only code digging into the interpreter's memory raises.
_REFUSED_EVENTS = frozenset(
    {
        "sys.addaudithook",
        "sys._current_frames",
        "gc.get_objects",
        "gc.get_referrers",
        "gc.get_referents",
        "ctypes.cdata",
        "ctypes.cdata/buffer",
        "ctypes.string_at",
        "ctypes.wstring_at",
        "ctypes.dlopen",
    }
)


def _signature(key: bytes, fields: list[Any]) -> str:
    import hashlib
    import hmac
    import json

    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


#: Methods of the kernel and its shell that decide what a cell runs: an instance attribute
#: of one of these names is pupil code standing in for them.
_STAND_INS = (
    "dispatch_shell",
    "execute_request",
    "do_execute",
    "run_cell",
    "run_cell_async",
    "run_ast_nodes",
    "run_code",
    "transform_cell",
)


def _snapshot(kernel: Any) -> dict[str, Any]:
    """What the interpreter looks like before the pupil's first cell."""
    import builtins
    import threading

    shell = kernel.shell

    callables = []
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if not isinstance(namespace, dict):
            continue
        for name, value in list(namespace.items()):
            if callable(value) and not name.startswith("__"):
                callables.append((namespace, name, value))
    manager = shell.input_transformer_manager
    return {
        "builtins": dict(builtins.__dict__),
        "modules": dict(sys.modules),
        "meta_path": list(sys.meta_path),
        "path_hooks": list(sys.path_hooks),
        "callables": callables,
        "threading": (threading._trace_hook, threading._profile_hook),  # type: ignore[attr-defined]
        "ipython": [
            (shell, "input_transformers_cleanup", list(shell.input_transformers_cleanup)),
            (shell, "input_transformers_post", list(shell.input_transformers_post)),
            (shell, "ast_transformers", list(shell.ast_transformers)),
            (manager, "cleanup_transforms", list(manager.cleanup_transforms)),
            (manager, "line_transforms", list(manager.line_transforms)),
            (manager, "token_transformers", list(manager.token_transformers)),
        ],
        "handlers": (kernel.shell_handlers, dict(kernel.shell_handlers)),
        "instances": (kernel, shell),
        "user_ns": shell.user_ns,
        "compile": compile,
        "exec": exec,
    }


def _restore(snap: dict[str, Any], user_globals: dict[str, Any]) -> list[str]:
    """Put the interpreter back as the snapshot saw it; what had been changed, if anything."""
    import builtins
    import threading

    changed: list[str] = []
    saved = snap["builtins"]
    current = builtins.__dict__
    for name in list(current):
        if name not in saved:
            del current[name]
            if name not in _VOLATILE_BUILTINS:
                changed.append(f"builtins.{name}")
    for name, value in saved.items():
        if current.get(name, saved) is not value:
            current[name] = value
            if name not in _VOLATILE_BUILTINS:
                changed.append(f"builtins.{name}")
    modules = snap["modules"]
    for name, module in modules.items():
        if sys.modules.get(name) is not module and name not in _VOLATILE_MODULES:
            sys.modules[name] = module
            changed.append(f"sys.modules[{name}]")
    for name, module in list(sys.modules.items()):
        if name in modules or name in _VOLATILE_MODULES:
            continue
        # A module imported since: its functions must be its own, not a pupil cell's. (An
        # entry with no spec of its own is not always the pupil's: Cython's runtime module,
        # typing.io; it is only when pupil code put something in it.)
        made_up = _from_a_cell(module, user_globals)
        namespace = getattr(module, "__dict__", None)
        for attribute, value in list(namespace.items() if isinstance(namespace, dict) else ()):
            if _from_a_cell(value, user_globals):
                made_up = True
                changed.append(f"{name}.{attribute}")
        if made_up and getattr(module, "__spec__", None) is None:
            del sys.modules[name]  # a module made up by the pupil's code
            changed.append(f"sys.modules[{name}]")
    for attribute in ("meta_path", "path_hooks"):
        if getattr(sys, attribute) != snap[attribute]:
            setattr(sys, attribute, list(snap[attribute]))
            changed.append(f"sys.{attribute}")
    for namespace, name, value in snap["callables"]:
        if namespace.get(name) is not value:
            namespace[name] = value  # a patched library function: the original again
    if (threading._trace_hook, threading._profile_hook) != snap["threading"]:  # type: ignore[attr-defined]
        threading._trace_hook, threading._profile_hook = snap["threading"]  # type: ignore[attr-defined]
        changed.append("threading.settrace")
    for owner, attribute, items in snap["ipython"]:
        current_items = getattr(owner, attribute)
        if list(current_items) != items:
            try:
                current_items[:] = items  # some are properties of IPython's: change in place
            except TypeError:
                setattr(owner, attribute, list(items))
            changed.append(attribute)
    handlers, saved_handlers = snap["handlers"]
    if handlers != saved_handlers:
        handlers.clear()
        handlers.update(saved_handlers)
        changed.append("shell_handlers")
    for instance in snap["instances"]:
        for name in _STAND_INS:
            if name in vars(instance):
                delattr(instance, name)
                changed.append(name)
    return changed


def _from_a_cell(value: Any, user_globals: dict[str, Any]) -> bool:
    """Whether ``value`` is a function or class a pupil's cell defined."""
    if getattr(value, "__globals__", None) is user_globals:
        return True
    return isinstance(value, type) and value.__module__ == "__main__"


def _run_in_thread(code: Any, namespace: dict[str, Any], run: Callable[..., Any]) -> list[Any]:
    """Run the compiled test in a new thread; [exception or None]."""
    import contextvars
    import threading

    outcome: list[Any] = [None]

    def target() -> None:
        try:
            run(code, namespace)
        except BaseException as error:  # the test's verdict, whatever it raised
            outcome[0] = error

    context = contextvars.copy_context()  # the request's parent header, for its output
    worker = threading.Thread(target=context.run, args=(target,), daemon=True, name="test")
    worker.start()
    worker.join()
    return outcome


def _runner(kernel: Any, key_path: str) -> Generator[dict[str, Any], Any, None]:
    """The generator that holds the key and the snapshot, and runs each test."""
    import hashlib
    import os

    with open(key_path, "rb") as handle:
        key = handle.read()
    os.unlink(key_path)
    snap = _snapshot(kernel)
    seen: set[str] = set()
    request: Any = yield {}
    while True:
        nonce, source = str(request[0]), str(request[1])
        digest = hashlib.sha256(source.encode()).hexdigest()
        if nonce in seen:
            verdict = {"status": "tampered", "ename": "", "evalue": "replayed", "line": 0}
        else:
            seen.add(nonce)
            try:
                verdict = _run_test(snap, source)
            except Exception as error:  # the runner must outlive whatever the pupil broke
                evalue = f"guard: {type(error).__name__}: {error}"[:500]
                verdict = {"status": "tampered", "ename": "", "evalue": evalue, "line": 0}
        fields = [nonce, digest, verdict["status"], verdict["ename"], verdict["evalue"]]
        verdict.update(nonce=nonce, sha256=digest, mac=_signature(key, fields))
        request = yield verdict


def _run_test(snap: dict[str, Any], source: str) -> dict[str, Any]:
    user_ns = snap["user_ns"]
    changed = _restore(snap, user_ns)
    import builtins

    # The test sees the real builtins even where the pupil named a variable ``sum`` or ``len``.
    namespace = {k: v for k, v in user_ns.items() if k not in snap["builtins"] or k[:2] == "__"}
    try:
        code = snap["compile"](source, "<test>", "exec")
    except SyntaxError as invalid:
        return {"status": "error", "ename": "SyntaxError", "evalue": str(invalid), "line": 0}
    error = _run_in_thread(code, namespace, snap["exec"])[0]
    for name, value in namespace.items():  # what the test defined stays for the next ones
        if name not in user_ns:
            user_ns[name] = value
    if any(
        builtins.__dict__.get(name) is not value
        for name, value in snap["builtins"].items()
        if name not in _VOLATILE_BUILTINS
    ):
        changed.append("builtins (during the test)")
    if changed:
        return {"status": "tampered", "ename": "", "evalue": ", ".join(changed)[:500], "line": 0}
    if error is None:
        return {"status": "ok", "ename": "", "evalue": "", "line": 0}
    line = 0
    traceback = error.__traceback__
    while traceback is not None:  # the line of the test that failed (its own frame only)
        line = traceback.tb_lineno
        traceback = traceback.tb_next
    return {
        "status": "error",
        "ename": type(error).__name__,
        "evalue": str(error)[:2000],
        "line": line,
    }


def _audit_hook(protected: Any, allowed_call: int) -> Callable[[str, tuple[Any, ...]], None]:
    import re

    memory = re.compile(r"/proc/[^/]+/(task/[^/]+/)?mem$")

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _REFUSED_EVENTS:
            raise RuntimeError(f"robocole: {event} is not allowed while grading")
        if event == "object.__getattr__" and args and args[0] is protected:
            raise RuntimeError("robocole: the grader's test runner is not to be read")
        if event == "ctypes.call_function" and args and args[0] != allowed_call:
            raise RuntimeError("robocole: ctypes calls are not allowed while grading")
        if event == "open" and args and isinstance(args[0], str) and memory.search(args[0]):
            raise PermissionError("robocole: reading memory is not allowed while grading")

    return hook


def install(kernel: Any, key_path: str) -> None:
    """Prepare ``kernel`` (ipykernel's, initialised, not yet serving) to run sealed tests."""
    import ctypes
    import functools

    runner = _runner(kernel, key_path)
    kernel.shell_handlers[TEST_REQUEST] = functools.partial(_handle, kernel, runner)
    next(runner)  # the snapshot, with the handler above in it
    # The robot simulator stops a stuck program from a watcher thread with this one call.
    set_async_exc = ctypes.cast(ctypes.pythonapi.PyThreadState_SetAsyncExc, ctypes.c_void_p)
    sys.addaudithook(_audit_hook(runner, set_async_exc.value or 0))


def _handle(kernel: Any, runner: Any, stream: Any, idents: Any, parent: Any) -> None:
    content = parent.get("content", {})
    count = kernel.shell.execution_count
    kernel.shell.execution_count += 1
    kernel._publish_execute_input(content.get("code", ""), parent, count)  # the cell's [n]
    try:
        verdict = runner.send((content.get("nonce", ""), content.get("code", "")))
    except (Exception, KeyboardInterrupt):  # a runner the pupil's code closed or broke
        verdict = {"status": "tampered", "ename": "", "evalue": "runner", "line": 0}
    reply: dict[str, Any] = {
        "status": "ok" if verdict["status"] == "ok" else "error",
        "execution_count": count,
        "robocole": verdict,
    }
    if reply["status"] == "error":
        reply.update(ename=verdict["ename"] or "Tampered", evalue=verdict["evalue"], traceback=[])
    kernel.session.send(stream, "execute_reply", reply, parent, ident=idents)


def landlock(writable: list[str]) -> int:
    """Restrict this process and its children with Landlock, where the kernel has it.

    Everything visible stays readable (the mount namespace already chose what is visible);
    only ``writable`` folders (and /dev/null) may be written; and, with
    Landlock ABI 6 or later, no signal to a process outside (the warm sandbox's zygote) and
    no abstract unix socket out. Returns the ABI used (0: none, nothing restricted).
    """
    import ctypes
    import os
    import struct

    libc = ctypes.CDLL(None, use_errno=True)
    abi = libc.syscall(444, None, 0, 1)  # landlock_create_ruleset(NULL, 0, VERSION)
    if abi < 1:
        return 0
    read = 1 | 4 | 8  # EXECUTE, READ_FILE, READ_DIR
    write = 2 | 16 | 32 | 128 | 256 | 512 | 1024 | 4096  # write, remove, make dir/reg/sock/…
    if abi >= 2:
        write |= 1 << 13  # REFER
    if abi >= 3:
        write |= 1 << 14  # TRUNCATE
    # TCP is left to the network namespace, which already has no route: its "network is
    # unreachable" is what the feedback explains as "no Internet" (Landlock would say EACCES).
    network = 0
    scoped = 1 | 2 if abi >= 6 else 0  # ABSTRACT_UNIX_SOCKET, SIGNAL
    attr = struct.pack("=QQQ", read | write, network, scoped)
    size = 24 if abi >= 6 else 16
    ruleset = libc.syscall(444, attr[:size], size, 0)
    if ruleset < 0:
        return 0
    try:
        for path, rights in [("/", read), *((p, read | write) for p in writable)]:
            if not os.path.exists(path):
                continue
            rights &= read | write
            if not os.path.isdir(path):
                rights &= 1 | 2 | 4 | (1 << 14 if abi >= 3 else 0)  # a file's own rights
            flags = os.O_PATH | os.O_CLOEXEC
            descriptor = os.open(path, flags)
            try:
                rule = struct.pack("=Qi", rights, descriptor)
                if libc.syscall(445, ruleset, 1, rule, 0) != 0:  # LANDLOCK_RULE_PATH_BENEATH
                    return 0
            finally:
                os.close(descriptor)
        libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS, which Landlock needs
        if libc.syscall(446, ruleset, 0) != 0:  # landlock_restrict_self
            return 0
    finally:
        os.close(ruleset)
    return int(abi)


#: Starts one kernel: ``LAUNCHER`` is run with ``exec`` after this module's text, then
#: ``launch(connection_file, arguments)``. The key file is the connection file + ``.guard``.
LAUNCHER = r"""
def launch(connection_file, arguments):
    import ctypes, os
    from ipykernel.kernelapp import IPKernelApp
    ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: no ptrace, no /proc/pid/mem
    home = os.environ.get("HOME", "/home/eleve")
    runtime = os.path.dirname(os.path.abspath(connection_file))
    landlock([home, "/tmp", "/dev/shm", runtime, "/dev/null"])
    app = IPKernelApp.instance()
    app.initialize(["-f", connection_file, *arguments])
    install(app.kernel, connection_file + ".guard")
    app.start()
"""


def launcher_source() -> str:
    """This module's text and the launcher, for ``python -c`` or the warm sandbox's zygote."""
    from pathlib import Path

    return Path(__file__).read_text() + LAUNCHER
