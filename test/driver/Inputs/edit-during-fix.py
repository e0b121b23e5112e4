"""edit-during-fix.py FILE GATE COMMAND...: runs COMMAND, an async-lint
--fix run that lints FILE first and then a file that includes GATE, a named
pipe, on which that second compilation waits. As soon as COMMAND prints
FILE's first finding, this saves a new text of FILE as an editor does (a new
file renamed over it), then opens the gate. Passes COMMAND's output and exit
status on."""
import os
import subprocess
import sys

path, gate, command = sys.argv[1], sys.argv[2], sys.argv[3:]
run = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
edited = False
for line in run.stdout:
    sys.stdout.write(line)
    if not edited and line.startswith(path + ":"):
        with open(path + ".new", "w") as f:
            f.write("// saved by an editor during the run\n" + open(path).read())
        os.rename(path + ".new", path)
        with open(gate, "w") as f:
            f.write("int gate_opened;\n")
        edited = True
sys.stdout.flush()
sys.exit(run.wait())
