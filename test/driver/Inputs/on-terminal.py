"""on-terminal.py COMMAND...: runs COMMAND with its standard output and
standard error each on a terminal of its own (a pseudo-terminal), then
prints what each received, escapes made visible (<ESC>, <CR>), and the exit
status: for tests of what async-lint does only on a terminal."""
import os
import pty
import subprocess
import sys
import threading


def drain(fd, into):
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the other end is closed.
            return
        if not data:
            return
        into.append(data)


ends = [pty.openpty(), pty.openpty()]
process = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL,
                           stdout=ends[0][1], stderr=ends[1][1])
received = [[], []]
readers = [threading.Thread(target=drain, args=(ends[i][0], received[i])) for i in (0, 1)]
for i in (0, 1):
    os.close(ends[i][1])
    readers[i].start()
status = process.wait()
for reader in readers:
    reader.join()
for name, data in zip(("stdout", "stderr"), received):
    text = b"".join(data).decode(errors="replace")
    text = text.replace("\x1b", "<ESC>").replace("\r\n", "\n").replace("\r", "<CR>")
    print("%s:" % name)
    for line in text.splitlines():
        print("  " + line)
print("exit status: %d" % status)
