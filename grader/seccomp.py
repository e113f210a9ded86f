"""The seccomp filter bubblewrap loads for every pupil process (``bwrap --seccomp FD``).

bubblewrap takes a compiled classic BPF program; this module writes it, with no library:
the program is a list of eight-byte instructions (Linux's ``struct sock_filter``) read by
the kernel at each system call. It refuses, with ``EPERM``, what no child's program needs
and what an escape or a peek at the grader would use: io_uring (a second way to make system
calls that filters do not see), new namespaces (``unshare``, ``setns``, ``clone`` with a
``CLONE_NEW*`` flag; ``clone3`` answers ``ENOSYS`` so glibc falls back to ``clone``),
``ptrace`` and reading other processes' memory, the kernel keyring, ``bpf``,
``perf_event_open``, mounts, modules, reboot, swap and the clock. Any system call made
through another architecture's numbers (32-bit ``int 0x80``, x32) is refused as a whole.

Only x86-64 is written here; on another processor ``program()`` is None, no filter is
loaded, and the probe does not record ``seccomp`` (it tests the filter, not this file).
"""

from __future__ import annotations

import errno
import os
import platform
import struct
import tempfile
from pathlib import Path

# Classic BPF opcodes (linux/filter.h, linux/bpf_common.h).
_LD_W_ABS = 0x00 | 0x00 | 0x20
_JEQ_K = 0x05 | 0x10 | 0x00
_JGE_K = 0x05 | 0x30 | 0x00
_JSET_K = 0x05 | 0x40 | 0x00
_RET_K = 0x06 | 0x00
# seccomp (linux/seccomp.h, linux/audit.h).
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_BIT = 0x40000000
# struct seccomp_data: nr at 0, arch at 4, args[0] (its low half on little-endian) at 16.
_NR, _ARCH, _ARG0 = 0, 4, 16

#: x86-64 system call numbers refused with EPERM (arch/x86/entry/syscalls/syscall_64.tbl).
DENIED_X86_64 = {
    "ptrace": 101,
    "syslog": 103,
    "uselib": 134,
    "vhangup": 153,
    "pivot_root": 155,
    "_sysctl": 156,
    "adjtimex": 159,
    "chroot": 161,
    "acct": 163,
    "settimeofday": 164,
    "mount": 165,
    "umount2": 166,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "iopl": 172,
    "ioperm": 173,
    "init_module": 175,
    "delete_module": 176,
    "quotactl": 179,
    "nfsservctl": 180,
    "lookup_dcookie": 212,
    "clock_settime": 227,
    "kexec_load": 246,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "unshare": 272,
    "perf_event_open": 298,
    "name_to_handle_at": 303,
    "open_by_handle_at": 304,
    "clock_adjtime": 305,
    "setns": 308,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "finit_module": 313,
    "kexec_file_load": 320,
    "bpf": 321,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "mount_setattr": 442,
}
_CLONE, _CLONE3 = 56, 435
#: CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET (linux/sched.h).
CLONE_NEW_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000
CLONE_NEW_FLAGS |= 0x20000000 | 0x40000000


def _op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def program() -> bytes | None:
    """The compiled filter for this machine, or None where none is written."""
    if platform.machine() != "x86_64":
        return None
    refuse = _op(_RET_K, _RET_ERRNO | errno.EPERM)
    code = [
        _op(_LD_W_ABS, _ARCH),
        _op(_JEQ_K, _AUDIT_ARCH_X86_64, jt=1, jf=0),
        refuse,
        _op(_LD_W_ABS, _NR),
        _op(_JGE_K, _X32_BIT, jt=0, jf=1),
        refuse,
    ]
    for number in sorted(DENIED_X86_64.values()):
        code += [_op(_JEQ_K, number, jt=0, jf=1), refuse]
    code += [
        _op(_JEQ_K, _CLONE3, jt=0, jf=1),
        _op(_RET_K, _RET_ERRNO | errno.ENOSYS),
        _op(_JEQ_K, _CLONE, jt=1, jf=0),
        _op(_RET_K, _RET_ALLOW),
        _op(_LD_W_ABS, _ARG0),
        _op(_JSET_K, CLONE_NEW_FLAGS, jt=0, jf=1),
        refuse,
        _op(_RET_K, _RET_ALLOW),
    ]
    return b"".join(code)


_written: dict[int, Path] = {}


def filter_file() -> Path | None:
    """The filter written once per process in a private folder (bubblewrap reads it by fd).

    The folder is named after this process (``rbs-<pid>-``) so a later grader removes it if
    this one was killed outright (``warm.remove_orphans``).
    """
    compiled = program()
    if compiled is None:
        return None
    pid = os.getpid()
    path = _written.get(pid)
    if path is None or not path.exists():
        # A forked worker uses the file its parent wrote; only a new grader writes one.
        inherited = next(iter(_written.values()), None)
        if inherited is not None and inherited.exists():
            return inherited
        folder = Path(tempfile.mkdtemp(prefix=f"rbs-{pid}-", dir="/tmp"))
        path = folder / "filter.bpf"
        path.write_bytes(compiled)
        _written[pid] = path
    return path
