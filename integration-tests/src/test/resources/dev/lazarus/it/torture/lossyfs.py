#!/usr/bin/python3
"""A FUSE file system that loses what was not forced: a power loss on demand.

    lossyfs.py BACKING MOUNTPOINT FSYNC_LOG CONTROL

Every file operation passes through to BACKING, except that written data is held in this
process's memory until the file is forced (fsync/fdatasync): only then is it written to the
backing file and forced there. Reads see the held data. Each completed force of a file appends
one line to FSYNC_LOG ("<monotonic count> <path>"), so that an application can tell when what it
wrote before a moment is on "disk".

Power loss: create the file CONTROL holding "all" (or SIGKILL this process): it ends at once,
and every write not forced is lost, and so is what the kernel still held in dirty pages for the
mount (the connection dies with us). "half" instead first writes a random half of the held data,
in 4 KiB pieces, in random order (what the disk may have received before the power went), then
exits. Both print on stderr how much held data they lost. (A control file, not a signal: Python
runs signal handlers on the main thread, which stays inside libfuse's loop.)

Data goes through the kernel page cache as for any FUSE file system, so memory-mapped files
(Chronicle's) work: dirty pages reach us as writes when the kernel writes them back, and at the
latest when the application forces the file. Metadata operations (create, rename, unlink,
truncate, mkdir) are applied at once: this layer models lost data, not lost directory entries.
"""
import errno
import os
import random
import sys
import threading
import time

try:
    from fusepy import FUSE, FuseOSError, Operations  # Debian's python3-fusepy
except ImportError:
    from fuse import FUSE, FuseOSError, Operations  # pip's fusepy

PIECE = 4096


class Lossy(Operations):
    def __init__(self, root, fsync_log):
        self.root = root
        self.mutex = threading.RLock()
        self.held = {}      # path -> list of (offset, bytes), in write order
        self.size = {}      # path -> file size including held data
        self.fsync_log = open(fsync_log, "a", buffering=1)
        self.forces = 0

    def _full(self, path):
        return os.path.join(self.root, path.lstrip("/"))

    # ------------------------------------------------------------------ metadata: passed through
    def access(self, path, mode):
        if not os.access(self._full(path), mode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        return os.chmod(self._full(path), mode)

    def chown(self, path, uid, gid):
        return os.chown(self._full(path), uid, gid)

    def getattr(self, path, fh=None):
        st = os.lstat(self._full(path))
        attrs = dict((key, getattr(st, key)) for key in (
            "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size", "st_uid"))
        with self.mutex:
            if path in self.size:
                attrs["st_size"] = max(attrs["st_size"], self.size[path])
        return attrs

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._full(path))

    def mkdir(self, path, mode):
        return os.mkdir(self._full(path), mode)

    def rmdir(self, path):
        return os.rmdir(self._full(path))

    def statfs(self, path):
        stv = os.statvfs(self._full(path))
        return dict((key, getattr(stv, key)) for key in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag",
            "f_frsize", "f_namemax"))

    def unlink(self, path):
        with self.mutex:
            self.held.pop(path, None)
            self.size.pop(path, None)
        return os.unlink(self._full(path))

    def rename(self, old, new):
        with self.mutex:
            if old in self.held:
                self.held[new] = self.held.pop(old)
            if old in self.size:
                self.size[new] = self.size.pop(old)
        return os.rename(self._full(old), self._full(new))

    def utimens(self, path, times=None):
        return os.utime(self._full(path), times)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            self._apply(path)  # keep it simple: the held data goes first, then the new length
            os.truncate(self._full(path), length)
            self.size[path] = length

    # ------------------------------------------------------------------ files
    def open(self, path, flags):
        return os.open(self._full(path), os.O_RDWR if (flags & os.O_ACCMODE) != os.O_RDONLY else os.O_RDONLY)

    def create(self, path, mode, fi=None):
        return os.open(self._full(path), os.O_RDWR | os.O_CREAT, mode)

    def read(self, path, length, offset, fh):
        with self.mutex:
            data = bytearray(os.pread(fh, length, offset))
            end = offset + length
            limit = max(offset + len(data), min(end, self.size.get(path, 0)))
            if len(data) < limit - offset:
                data.extend(b"\0" * (limit - offset - len(data)))
            for (at, chunk) in self.held.get(path, ()):
                lo = max(at, offset)
                hi = min(at + len(chunk), limit)
                if lo < hi:
                    data[lo - offset:hi - offset] = chunk[lo - at:hi - at]
            return bytes(data)

    def write(self, path, data, offset, fh):
        with self.mutex:
            self.held.setdefault(path, []).append((offset, bytes(data)))
            self.size[path] = max(self.size.get(path, os.fstat(fh).st_size), offset + len(data))
        return len(data)

    def flush(self, path, fh):
        return 0  # closing a file forces nothing

    def release(self, path, fh):
        return os.close(fh)

    def fsync(self, path, datasync, fh):
        with self.mutex:
            self._apply(path)
            self.forces += 1
            self.fsync_log.write("%d %s\n" % (self.forces, path))
        return 0

    def fsyncdir(self, path, datasync, fh):
        return 0  # directory entries are written at once (see the module doc)

    def _apply(self, path):
        writes = self.held.pop(path, None)
        if not writes:
            return
        fd = os.open(self._full(path), os.O_WRONLY)
        try:
            for (at, chunk) in writes:
                os.pwrite(fd, chunk, at)
            os.fsync(fd)
        finally:
            os.close(fd)

    # ------------------------------------------------------------------ power loss
    def _pieces(self):
        pieces = []
        for path, writes in self.held.items():
            for (at, chunk) in writes:
                for i in range(0, len(chunk), PIECE):
                    pieces.append((path, at + i, chunk[i:i + PIECE]))
        return pieces

    def watch(self, control):
        while True:
            try:
                with open(control) as f:
                    how = f.read().strip()
            except FileNotFoundError:
                time.sleep(0.002)
                continue
            if how == "half":
                self.lose_half()
            self.lose_all()

    def lose_all(self):
        with self.mutex:
            pieces = self._pieces()
            sys.stderr.write("lossyfs: power cut: lost %d held pieces (%d bytes), wrote none\n"
                             % (len(pieces), sum(len(p[2]) for p in pieces)))
            sys.stderr.flush()
            os._exit(0)

    def lose_half(self):
        with self.mutex:
            pieces = self._pieces()
            random.shuffle(pieces)
            kept = pieces[: len(pieces) // 2]
            for (path, at, piece) in kept:
                try:
                    fd = os.open(self._full(path), os.O_WRONLY)
                    os.pwrite(fd, piece, at)
                    os.fsync(fd)
                    os.close(fd)
                except OSError:
                    pass  # the file was removed meanwhile
            lost = pieces[len(kept):]
            sys.stderr.write("lossyfs: power cut: lost %d held pieces (%d bytes), wrote %d in random order\n"
                             % (len(lost), sum(len(p[2]) for p in lost), len(kept)))
            sys.stderr.flush()
            os._exit(0)


def main():
    backing, mountpoint, fsync_log, control = sys.argv[1:5]
    fs = Lossy(os.path.abspath(backing), fsync_log)
    threading.Thread(target=fs.watch, args=(control,), daemon=True).start()
    FUSE(fs, mountpoint, foreground=True, nothreads=False, default_permissions=True)


if __name__ == "__main__":
    main()
