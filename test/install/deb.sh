#!/bin/bash
# deb.sh <source dir> <build dir>: the Debian package as a user gets it.
# cpack -G DEB packs this build (nothing is compiled); the package's
# Depends name LLVM 22's runtime libraries, not its -dev packages;
# `apt-get install ./async-lint_*.deb` installs it; async-lint lints an
# example from another directory; installed.sh uses the installed tool and
# runtime from a project outside the source tree (CMake, pkg-config, the
# plugin, run-clang-tidy-22, lit, pre-commit); `apt-get purge` removes every
# file it installed. Needs root (CI runs as root): otherwise, and when an
# async-lint package is already installed (a user's, not to be touched), it
# is skipped with exit status 77 and the reason.
set -euo pipefail
src=$1 build=$2
skip() { echo "deb.sh: SKIPPED: $*"; exit 77; }
fail() { echo "deb.sh: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || skip "installing a package needs root"
! dpkg-query -W -f='${Status}' async-lint 2>/dev/null | grep -q installed ||
  skip "an async-lint package is already installed on this machine; not replacing it"

work=$(mktemp -d "${TMPDIR:-/tmp}/async-lint-deb.XXXXXX")
echo "deb.sh: cpack -G DEB"
cpack --config "$build/CPackConfig.cmake" -B "$work/packages" > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$(echo "$work"/packages/async-lint_*.deb)
[ -f "$deb" ] || fail "no package in $work/packages"

depends=$(dpkg-deb -f "$deb" Depends)
echo "deb.sh: Depends: $depends"
for needed in libllvm22 libclang-cpp22 libclang-common-22-dev; do
  echo "$depends" | grep -qw "$needed" || fail "Depends lacks $needed"
done
for unwanted in llvm-22-dev libclang-22-dev clang-22; do
  ! echo "$depends" | grep -qw "$unwanted" || fail "Depends names the build-time $unwanted"
done

apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -y -q "$@"
}
echo "deb.sh: apt-get install ./$(basename "$deb")"
trap 'apt_get purge async-lint > /dev/null 2>&1 || true' EXIT
(cd "$work/packages" && apt_get install --no-install-recommends "./$(basename "$deb")") \
  > "$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; fail "apt-get install"; }
installed_files=$(dpkg-query -L async-lint)

echo "deb.sh: async-lint from another directory"
mkdir "$work/elsewhere" && cp "$src/docs/examples/mistakes/four_mistakes.cpp" "$work/elsewhere"
status=0
(cd "$work/elsewhere" && /usr/bin/async-lint four_mistakes.cpp) > "$work/lint.out" 2>&1 || status=$?
[ $status -eq 1 ] || { cat "$work/lint.out"; fail "async-lint exited $status, expected 1 (findings)"; }
[ "$(grep -c ': warning: ' "$work/lint.out")" -eq 4 ] || { cat "$work/lint.out"; fail "expected the 4 mistakes"; }

bash "$src/test/install/installed.sh" "$src" --prefix /usr

echo "deb.sh: apt-get purge async-lint"
trap - EXIT
apt_get purge async-lint > "$work/apt-purge.log" 2>&1 || { cat "$work/apt-purge.log"; fail "apt-get purge"; }
left=$(echo "$installed_files" | while read -r file; do
  [ -f "$file" ] && echo "$file"; done || true)
[ -z "$left" ] || fail "left after purge: $left"
! dpkg-query -W -f='${Status}' async-lint 2>/dev/null | grep -q installed || fail "still installed"
rm -rf "$work"
echo "deb: built, installed, used and removed cleanly"
