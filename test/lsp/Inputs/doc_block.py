#!/usr/bin/env python3
"""Prints the first fenced code block after a heading of a Markdown file.

  doc_block.py FILE HEADING

The tests run the configurations docs/editors.md shows, exactly as shown.
"""
import sys

path, heading = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as source:
    lines = source.read().splitlines()
start = next(i for i, line in enumerate(lines)
             if line.startswith("#") and line.lstrip("#").strip() == heading)
fence = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
end = next(i for i in range(fence + 1, len(lines)) if lines[i].startswith("```"))
print("\n".join(lines[fence + 1:end]))
