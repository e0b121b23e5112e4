#!/bin/sh
# subproject.sh <async-lint source dir> <work dir>: a user's project that
# takes asyncrt as a subproject (FetchContent of this repository) gets the
# runtime alone: no analyzer, no tests or GoogleTest, its own build type
# untouched, asyncrt's headers as system headers, and asyncrt::asyncrt.
set -eu
src=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
fail() { echo "subproject.sh: FAILED: $*" >&2; exit 1; }

cmake -S "$src/test/install/Inputs/consumer" -B "$work/build" -G Ninja \
  -DASYNCRT_SOURCE_DIR="$src" > "$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "configure"; }
grep -q '^CMAKE_BUILD_TYPE:STRING=$' "$work/build/CMakeCache.txt" ||
  fail "the subproject set the parent's CMAKE_BUILD_TYPE: $(grep '^CMAKE_BUILD_TYPE' "$work/build/CMakeCache.txt")"
! grep -q 'GTest\|LLVM_DIR' "$work/build/CMakeCache.txt" ||
  fail "the subproject looked for GoogleTest or LLVM"
targets=$(ninja -C "$work/build" -t targets all)
for unwanted in asyncrt_tests async-lint example_join; do
  ! echo "$targets" | grep -q "^$unwanted:" || fail "the subproject builds $unwanted"
done
grep -q -- "-isystem $src/lib/asyncrt/include" "$work/build/compile_commands.json" ||
  fail "asyncrt's headers are not system headers for the consumer"

ninja -C "$work/build" app > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
output=$("$work/build/app")
[ "$output" = "asyncrt says 42" ] || fail "the app printed '$output'"
echo "subproject: asyncrt alone, as system headers, parent's build type kept; app ran"
