#!/usr/bin/env bash
# The project's two set-up commands, for a fresh Debian 12 machine:
#
#   ./build.sh example   install what is missing, build async-lint, lint the bundled example
#   ./build.sh test      install what is missing, build everything, run the whole test suite
#
# Both are idempotent: packages already installed are not touched, and the
# build directory (build/, or $BUILD_DIR) is reused.
set -euo pipefail

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

# Debian packages: LLVM/Clang 22 (bookworm's security suite), the build
# tools, GoogleTest for the runtime, the sanitizers' run-time libraries for
# g++ and clang++ (the runtime's tests run under both), and the real clients
# the tests drive (pre-commit, a JSON schema validator, Neovim as an LSP
# client, pkg-config, groff for the man page; file and dpkg-dev for CPack's
# Debian package).
PACKAGES=(
  cmake ninja-build ccache g++ git python3 python3-jsonschema python3-psutil
  llvm-22-dev libclang-22-dev clang-22 clang-tidy-22 llvm-22-tools
  libgtest-dev libtsan2 libasan8 libubsan1 libclang-rt-22-dev pre-commit neovim
  pkg-config groff-base file dpkg-dev libboost1.81-dev libboost1.81-doc
)

install_missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "build.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build [<target>...]: the targets named, else everything.
build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  ninja -C "$BUILD_DIR" -j "$JOBS" "$@"
}

lint_example() {
  local example=docs/examples/mistakes/four_mistakes.cpp status=0
  echo "\$ async-lint $example"
  "$BUILD_DIR/bin/async-lint" "$example" || status=$?
  # The example shows the four mistakes on purpose: exit 1 (findings) is
  # the expected outcome; anything else is a failure.
  [ "$status" -eq 1 ] || { echo "build.sh: async-lint exited $status, expected 1" >&2; return 1; }
}

run_tests() {
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
}

case "${1:-}" in
  example) install_missing_packages; build async-lint; lint_example ;;
  test) install_missing_packages; build; run_tests ;;
  *) echo "usage: $0 example|test" >&2; exit 2 ;;
esac
