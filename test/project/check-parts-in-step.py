"""Every check has its five parts, all named from one id (STYLE.md):
<Name>Check.{h,cpp} in lib/analysis, its registration in the module, a page
under docs/checks/, a row in the docs' check list, and a test file under
test/checks/. Run by lit (test/project/parts-in-step.test)."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
module = (root / "lib/analysis/AsyncModule.cpp").read_text()
registered = re.findall(r'<(\w+)Check>\("(async-[a-z0-9-]+)"\)', module)
index = (root / "docs/README.md").read_text()
problems = []
if not registered:
    problems.append("no check registered in lib/analysis/AsyncModule.cpp")
for name, check_id in registered:
    expected_name = "".join(part.capitalize() for part in check_id.removeprefix("async-").split("-"))
    if name != expected_name:
        problems.append(f"{check_id}: class {name}Check should be {expected_name}Check")
    for source in (f"lib/analysis/{name}Check.h", f"lib/analysis/{name}Check.cpp",
                   f"docs/checks/{check_id}.md", f"test/checks/{check_id}.cpp"):
        if not (root / source).is_file():
            problems.append(f"{check_id}: {source} is missing")
    if f"[{check_id}](checks/{check_id}.md)" not in index:
        problems.append(f"{check_id}: no row in docs/README.md's check list")
for problem in problems:
    print(problem)
print(f"{len(registered)} checks, {len(problems)} problems")
sys.exit(1 if problems else 0)
