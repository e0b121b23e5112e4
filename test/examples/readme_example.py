"""The README's example output is the tool's real output: runs async-lint on
the bundled example from the source root and compares with the block the
README shows under '$ async-lint <example>'. Run by lit
(test/examples/readme-example.test)."""
import pathlib
import subprocess
import sys

async_lint, root = sys.argv[1], pathlib.Path(sys.argv[2])
example = "docs/examples/mistakes/four_mistakes.cpp"
readme = (root / "README.md").read_text().splitlines()
start = readme.index(f"$ async-lint {example}") + 1
end = readme.index("```", start)
shown = readme[start:end]

run = subprocess.run([async_lint, example], cwd=root, capture_output=True, text=True)
actual = run.stdout.splitlines()
if run.returncode != 1 or actual != shown:
    print(f"exit {run.returncode}; README shows:", *shown, "async-lint printed:", *actual,
          run.stderr, sep="\n")
    sys.exit(1)
print(f"README example matches: {len(actual)} lines")
