"""Runs the command given as arguments, then prints "exit status: N"."""
import subprocess
import sys

status = subprocess.call(sys.argv[1:])
print("exit status: %d" % status, flush=True)
