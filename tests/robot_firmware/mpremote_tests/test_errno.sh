#!/bin/bash
# Copied from MicroPython, tools/mpremote/tests/ at commit f777bc7e7b (the release of the
# pinned mpremote 1.29.0): https://github.com/micropython/micropython
# Copyright (c) 2013-2026 Damien P. George and the MicroPython contributors.
# The MIT License (MIT): the full text is in LICENSE, beside this file.
set -e

# Special ErrorFS so the test can induce arbitrary filesystem errors.
cat << EOF > "${TMP}/fs.py"
import os, vfs, errno

class ErrorFS:
    def mount(self, *a, **k):
        pass
    def umount(self, *a, **k):
        pass
    def chdir(self, *a, **k):
        pass
    def open(self, *a, **k):
        raise self.error

fs = ErrorFS()
vfs.mount(fs, '/fs')
os.chdir('/fs')
EOF

$MPREMOTE run "${TMP}/fs.py"

echo -----
$MPREMOTE resume exec "fs.error = Exception()"
(
  $MPREMOTE resume cat :Exception.py || echo "expect error"
) 2> >(head -n1 >&2) # discard traceback specifics but keep main error message

for errno in ENOENT EISDIR EEXIST ENODEV EINVAL EPERM EOPNOTSUPP ; do
echo -----
$MPREMOTE resume exec "fs.error = OSError(errno.$errno, '')"
$MPREMOTE resume cat :$errno.py || echo "expect error"
done

echo -----
$MPREMOTE resume exec "vfs.umount('/fs')"
