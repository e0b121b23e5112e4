"""outside-database.py FILE... -- COMMAND...: copies the FILEs into a new
directory under the system's temporary directory and runs COMMAND there,
exiting with its status. The test tree lies under the build directory, whose
compile_commands.json async-lint would find above any file of it; this is
how a test sees a file with no compilation database above it."""
import os
import shutil
import subprocess
import sys
import tempfile

split = sys.argv.index("--")
files, command = sys.argv[1:split], sys.argv[split + 1:]
with tempfile.TemporaryDirectory(prefix="async-lint-test-") as directory:
    for file in files:
        shutil.copy(file, directory)
    sys.exit(subprocess.call(command, cwd=directory))
