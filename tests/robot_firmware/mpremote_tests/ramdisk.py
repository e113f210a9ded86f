# Copied from MicroPython, tools/mpremote/tests/ at commit f777bc7e7b (the release of the
# pinned mpremote 1.29.0): https://github.com/micropython/micropython
# Copyright (c) 2013-2026 Damien P. George and the MicroPython contributors.
# The MIT License (MIT): the full text is in LICENSE, beside this file.
# Changed by Robocole: a RAM disk where os.VfsFat is missing (see below).
# ruff: noqa - MicroPython code, as written upstream (names set by an earlier exec)
# Creates a RAM disk for testing.
# Usage: mpremote run ramdisk.py
# Or with custom parameters:
#   mpremote exec "block_size=1024; num_blocks=100; mount_path='/myram'" run ramdisk.py
#   mpremote exec "mount_path='/__ramdisk'; do_chdir=False" run ramdisk.py
# Defaults: block_size=512, num_blocks=50, mount_path='/ramdisk', do_chdir=True

import os


class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)

    def readblocks(self, block_num, buf):
        for i in range(len(buf)):
            buf[i] = self.data[block_num * self.block_size + i]

    def writeblocks(self, block_num, buf):
        for i in range(len(buf)):
            self.data[block_num * self.block_size + i] = buf[i]

    def ioctl(self, op, arg):
        if op == 4:  # get number of blocks
            return len(self.data) // self.block_size
        if op == 5:  # get block size
            return self.block_size


# Use globals if set via exec, otherwise use defaults
try:
    block_size
except NameError:
    block_size = 512

try:
    num_blocks
except NameError:
    num_blocks = 50

try:
    mount_path
except NameError:
    mount_path = "/ramdisk"

try:
    do_chdir
except NameError:
    do_chdir = True


# Robocole: the virtual robot's MicroPython (the WebAssembly port) has no os.VfsFat. There the
# RAM disk is the port's own VfsPosix on a fresh folder outside the robot's flash, mounted at
# mount_path: a real mount point, empty, and gone at the next reset, as a RAM disk is.
def _empty(path):
    for entry in os.ilistdir(path):
        inner = path + "/" + entry[0]
        if entry[1] == 0x4000:
            _empty(inner)
            os.rmdir(inner)
        else:
            os.remove(inner)


if hasattr(os, "VfsFat"):
    bdev = RAMBlockDev(block_size, num_blocks)
    os.VfsFat.mkfs(bdev)
    os.mount(bdev, mount_path)
else:
    import vfs

    os.chdir("/")
    try:
        vfs.umount(mount_path)
    except OSError:
        pass
    backing = "/dev" + mount_path
    try:
        _empty(backing)
    except OSError:
        os.mkdir(backing)
    vfs.mount(vfs.VfsPosix(backing), mount_path)
if do_chdir:
    os.chdir(mount_path)
