#!/bin/sh
# Stands in for async-lint where a test checks which async-lint the hook
# runs and what it passes it; `--version` answers $STAND_IN_VERSION.
if [ "${1:-}" = --version ]; then
  echo "async-lint ${STAND_IN_VERSION:-0.0.0}"
  exit 0
fi
echo "$0 $*"
