"""man_page_options.py ASYNC_LINT MAN_PAGE: every option `async-lint
--help-list` lists is described in the man page (as a roff option, its
dashes escaped), and the page names none that async-lint does not have.
Run by lit (test/install/man-page.test)."""
import re
import subprocess
import sys

async_lint, man_page = sys.argv[1], sys.argv[2]
listed = subprocess.run([async_lint, "--help-list"], capture_output=True, text=True,
                        check=True).stdout
options = set(re.findall(r"^  (-{1,2}[a-z][a-z-]*)", listed, re.M))
options -= {"--help-list"}
page = open(man_page).read().replace("\\-", "-")
# An option's tag is the line after .TP: ".BI --checks= globs",
# ".BR --version \", \" --help".
tags = re.findall(r"^\.TP\n(.*)$", page, re.M)
described = {option for tag in tags
             for option in re.findall(r"(?:^|[ \"])(-{1,2}[a-z][a-z-]*)", tag)}
missing = sorted(options - described)
unknown = sorted(described - options)
if missing or unknown:
    print("not in the man page:", *missing, "\nin the man page only:", *unknown)
    sys.exit(1)
print(f"man page describes all {len(options)} options")
