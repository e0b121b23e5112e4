"""What a result cache directory holds, for test/driver/cache.test.

  cache-entries.py count <dir>    prints "entries: N"
  cache-entries.py mark <dir>     starts every message kept in <dir> with
                                  "CACHED " (once), so that output read
                                  from the cache shows it
  cache-entries.py corrupt <dir>  replaces every entry with bytes that are
                                  no entry
  cache-entries.py truncate <dir> cuts every entry short after "Errors:",
                                  which leaves valid YAML with no findings
  cache-entries.py deep <dir>     replaces every entry with 30,000 nested
                                  `[`, sealed as an entry is
  cache-entries.py fifo <dir>     replaces every entry with a named pipe
  cache-entries.py huge <dir>     marks every entry, then pads it with a
                                  comment past the 64 MiB an entry may
                                  have: sound but for its size

An entry is a seal line, "# <length> <SHA-256>" of the YAML under it, then
the YAML (docs/usage.md, "The result cache").
"""
import hashlib
import os
import re
import sys


def sealed(yaml):
    data = yaml.encode()
    return b"# %d %s\n" % (len(data), hashlib.sha256(data).hexdigest().encode()) + data


def unsealed(path):
    with open(path) as f:
        return f.read().split("\n", 1)[1]


def entries(directory):
    for root, _, files in os.walk(directory):
        for name in files:
            yield os.path.join(root, name)


def mark(path):
    text = re.sub(r"^( *-? *Message: +)(?![ '\"]*CACHED )(['\"]?)", r"\1\2CACHED ",
                  unsealed(path), flags=re.M)
    with open(path, "wb") as f:
        f.write(sealed(text))


def corrupt(path):
    with open(path, "wb") as f:
        f.write(b"Inputs: [\x00\xff\n  - {Path: ")


def truncate(path):
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text[:text.index("\nErrors:") + len("\nErrors:")] + "\n")


def deep(path):
    with open(path, "wb") as f:
        f.write(sealed("Inputs: " + "[" * 30000 + "\n"))


def huge(path):
    mark(path)
    text = unsealed(path) + "#" + "x" * (64 << 20) + "\n"
    with open(path, "wb") as f:
        f.write(sealed(text))


def fifo(path):
    os.remove(path)
    os.mkfifo(path)


action, directory = sys.argv[1], sys.argv[2]
if action == "count":
    print("entries: %d" % sum(1 for _ in entries(directory)))
else:
    for path in list(entries(directory)):
        {"mark": mark, "corrupt": corrupt, "truncate": truncate, "deep": deep,
         "fifo": fifo, "huge": huge}[action](path)
