#!/bin/sh
# Stands in for async-lint where a test checks which async-lint the hook
# runs and what it passes it.
echo "$0 $*"
