#!/bin/bash
# build-sh-example.sh <source dir> <build dir>: the README's `./build.sh
# example` on this build builds async-lint and nothing it does not run (no
# runtime tests, no GoogleTest, no examples, no plugin: ninja's plan for it
# is checked), then lints the example of the four mistakes (exit 1, as
# build.sh expects). It reconfigures the build as build.sh does, so it
# runs only on a build that build.sh could have made (Ninja,
# RelWithDebInfo); on another it is skipped (exit status 77) with the reason.
set -euo pipefail
src=$1 build=$2
fail() { echo "build-sh-example.sh: FAILED: $*" >&2; exit 1; }
grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$build/CMakeCache.txt" &&
  grep -q '^CMAKE_BUILD_TYPE:STRING=RelWithDebInfo$' "$build/CMakeCache.txt" ||
  { echo "build-sh-example.sh: SKIPPED: $build is not a Ninja RelWithDebInfo build, as build.sh makes"; exit 77; }

plan=$(ninja -C "$build" -t commands async-lint)
for unwanted in asyncrt_tests asyncrt_stress gtest example_ AsyncLintPlugin; do
  ! echo "$plan" | grep -q -- "$unwanted" || fail "building async-lint builds $unwanted too"
done

output=$(cd "$src" && BUILD_DIR="$build" ./build.sh example 2>&1) || { echo "$output"; fail "./build.sh example"; }
echo "$output" | grep -q "four_mistakes.cpp:35:3: warning: loop runs 100000000 iterations" ||
  { echo "$output"; fail "the example's findings"; }
echo "build.sh example: async-lint alone ($(echo "$plan" | wc -l) commands from scratch), the four mistakes found"
