"""positions-of.py REPORT.json: prints, a line per finding of async-lint's
JSON report, where it is, its notes are and its fix-its are
("finding a.cpp:4:2 note a.cpp:4:2 fix a.cpp:4:2").

positions-of.py --offsets FIXES.yaml SOURCE: prints what the text of SOURCE
holds at each byte offset of an --export-fixes file (its diagnostics',
notes' and replacements' offsets), up to the end of the line, with how many
offsets point there ("at 6 offsets: fetch();")."""
import collections
import json
import re
import sys


def place(entry):
    return "%s:%s:%s" % (entry["file"], entry.get("line"), entry.get("column"))


if sys.argv[1] == "--offsets":
    fixes, source = sys.argv[2], sys.argv[3]
    with open(source, "rb") as f:
        text = f.read()
    with open(fixes) as f:
        offsets = re.findall(r"^\s*(?:File)?Offset:\s*(\d+)$", f.read(), flags=re.M)
    seen = collections.Counter(
        re.split(rb"[\r\n]", text[int(offset):])[0].decode() for offset in offsets)
    for what, count in seen.items():
        print("at %d offsets: %s" % (count, what))
else:
    with open(sys.argv[1]) as f:
        report = json.load(f)
    for finding in report["findings"]:
        print(" ".join(["finding " + place(finding)] +
                       ["note " + place(note) for note in finding["notes"]] +
                       ["fix " + place(fix) for fix in finding["fixes"]]))
