"""line-endings.py STYLE IN OUT: writes the text of IN, whose lines end in
"\n", to OUT with its line breaks made STYLE: crlf ("\r\n", as Windows
writes them), cr (a lone "\r", as classic Mac OS did), or mixed (a "\n", a
"\r\n" and a "\r" in turn)."""
import itertools
import sys

style, source, target = sys.argv[1:]
breaks = {"crlf": [b"\r\n"], "cr": [b"\r"], "mixed": [b"\n", b"\r\n", b"\r"]}[style]
with open(source, "rb") as f:
    lines = f.read().split(b"\n")
text = b"".join(line + brk for line, brk in zip(lines[:-1], itertools.cycle(breaks)))
with open(target, "wb") as f:
    f.write(text + lines[-1])
