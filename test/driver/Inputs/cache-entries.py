"""What a result cache directory holds, for test/driver/cache.test.

  cache-entries.py count <dir>    prints "entries: N"
  cache-entries.py mark <dir>     starts every message kept in <dir> with
                                  "CACHED " (once), so that output read
                                  from the cache shows it
  cache-entries.py corrupt <dir>  replaces every entry with bytes that are
                                  no entry
"""
import os
import re
import sys


def entries(directory):
    for root, _, files in os.walk(directory):
        for name in files:
            yield os.path.join(root, name)


def mark(path):
    with open(path) as f:
        text = f.read()
    text = re.sub(r"^( *-? *Message: +)(?![ '\"]*CACHED )(['\"]?)", r"\1\2CACHED ",
                  text, flags=re.M)
    with open(path, "w") as f:
        f.write(text)


def corrupt(path):
    with open(path, "wb") as f:
        f.write(b"Inputs: [\x00\xff\n  - {Path: ")


action, directory = sys.argv[1], sys.argv[2]
if action == "count":
    print("entries: %d" % sum(1 for _ in entries(directory)))
else:
    for path in entries(directory):
        {"mark": mark, "corrupt": corrupt}[action](path)
