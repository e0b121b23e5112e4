#!/bin/bash
# installed.sh <source dir> <build dir>
# installed.sh <source dir> --prefix <prefix>
#
# async-lint and asyncrt as a user gets them, used from a project outside
# the source tree: the project builds with find_package(asyncrt) and with
# pkg-config, and is linted with the installed async-lint, the clang-tidy
# plugin, run-clang-tidy-22, its own lit suite and the real pre-commit
# framework with a tagged rev. Given a build directory, the build is
# installed (cmake --install, nothing is compiled) into a prefix that is
# then moved, so that nothing can lean on the path the install was made
# for; given --prefix, an existing install is used (the Debian package's
# /usr). Everything happens in a new temporary directory, removed after a
# success.
set -euo pipefail
src=$1
llvm_bin=/usr/lib/llvm-22/bin
work=$(mktemp -d "${TMPDIR:-/tmp}/async-lint-installed.XXXXXX")
step() { echo "installed.sh: $*"; }
fail() { echo "installed.sh: FAILED: $* (the work is kept in $work)" >&2; exit 1; }
expect() { # expect <file> <text>: <file> has a line containing <text>
  grep -qF -- "$2" "$1" || { cat "$1"; fail "expected '$2' in $1"; }
}

if [ "$2" = --prefix ]; then
  prefix=$3
else
  step "cmake --install into a prefix, then moved"
  cmake --install "$2" --prefix "$work/staging" > "$work/install.log"
  prefix=$work/prefix
  mv "$work/staging" "$prefix"
fi
export PATH="$prefix/bin:$llvm_bin:$PATH"
version=$(async-lint --version | sed -n 's/^async-lint //p')
[ "$(command -v async-lint)" = "$prefix/bin/async-lint" ] || fail "async-lint on PATH is $(command -v async-lint)"

project=$work/project
cp -R "$src/test/install/Inputs/consumer" "$project"

step "CMake: find_package(asyncrt $version CONFIG) -> asyncrt::asyncrt"
cmake -S "$project" -B "$project/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  > "$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
ninja -C "$project/build" app > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
[ "$("$project/build/app")" = "asyncrt says 42" ] || fail "the CMake-built app"

step "pkg-config asyncrt"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/$(gcc -print-multiarch)/pkgconfig"
[ "$(pkg-config --modversion asyncrt)" = "$version" ] || fail "pkg-config --modversion"
# shellcheck disable=SC2046
c++ "$project/app.cpp" $(pkg-config --cflags --libs asyncrt) -o "$work/app-pkg-config"
[ "$("$work/app-pkg-config")" = "asyncrt says 42" ] || fail "the pkg-config-built app"

step "async-lint in the project (build/compile_commands.json) and outside any"
cd "$project"
status=0; async-lint held_lock.cpp > "$work/lint.out" 2>&1 || status=$?
[ $status -eq 1 ] || { cat "$work/lint.out"; fail "async-lint exited $status"; }
expect "$work/lint.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"
mkdir "$work/elsewhere" && cp held_lock.cpp "$work/elsewhere" && cd "$work/elsewhere"
status=0; async-lint held_lock.cpp > "$work/fallback.out" 2>&1 || status=$?
[ $status -eq 1 ] || { cat "$work/fallback.out"; fail "async-lint (fallback flags) exited $status"; }
expect "$work/fallback.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"
cd "$project"

plugin=$prefix/lib/AsyncLintPlugin.so
[ -f "$plugin" ] || plugin=$prefix/lib/$(gcc -print-multiarch)/AsyncLintPlugin.so
step "clang-tidy-22 --load=${plugin#"$prefix/"}"
clang-tidy-22 --load="$plugin" --checks='-*,async-*' -p build held_lock.cpp > "$work/plugin.out" 2>&1 ||
  { cat "$work/plugin.out"; fail "clang-tidy-22 with the plugin"; }
expect "$work/plugin.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"

step "run-clang-tidy-22, with the plugin and with async-lint as the binary"
run-clang-tidy-22 -clang-tidy-binary clang-tidy-22 -load "$plugin" -checks='-*,async-*' \
  -p build -quiet -hide-progress > "$work/run-plugin.out" 2>&1 || { cat "$work/run-plugin.out"; fail "run-clang-tidy-22 -load"; }
expect "$work/run-plugin.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"
status=0
run-clang-tidy-22 -clang-tidy-binary async-lint -p build -quiet -hide-progress > "$work/run-binary.out" 2>&1 || status=$?
[ $status -ne 0 ] || { cat "$work/run-binary.out"; fail "run-clang-tidy-22 -clang-tidy-binary async-lint passed a finding"; }
expect "$work/run-binary.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"

step "the project's own lit suite"
"$llvm_bin/lit" -q "$project/test" > "$work/lit.out" 2>&1 || { cat "$work/lit.out"; fail "lit"; }

step "pre-commit, the hook pinned at rev v$version"
export HOME=$work/home PRE_COMMIT_HOME=$work/pre-commit-home GIT_CONFIG_NOSYSTEM=1 \
  GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid \
  GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
mkdir -p "$HOME"
hooks=$work/hooks
# The source tree's hook files as they are now, committed over a clone of
# it (without its own tags: the release tag is made here), and tagged as a
# release would be.
git clone -q --depth 1 --no-tags "file://$src" "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$src/CMakeLists.txt" "$hooks/"
cp -R "$src/tools/pre-commit" "$hooks/tools/"
git -C "$hooks" add -A . && git -C "$hooks" commit -q --allow-empty -m "as in the working tree"
git -C "$hooks" tag "v$version"
# An older release, whose hook needs async-lint 0.1.0.
sed -i "s/^project(async-lint VERSION [^ ]*/project(async-lint VERSION 0.1.0/" "$hooks/CMakeLists.txt"
git -C "$hooks" commit -q -am "0.1.0" && git -C "$hooks" tag v0.1.0

git init -q "$project"
printf 'repos:\n  - repo: %s\n    rev: v%s\n    hooks: [{id: async-lint}]\n' "$hooks" "$version" \
  > "$project/.pre-commit-config.yaml"
printf 'build/\n' > "$project/.gitignore"
git -C "$project" add .pre-commit-config.yaml .gitignore CMakeLists.txt app.cpp
git -C "$project" commit -q -m "the project"
pre-commit install > /dev/null
git add held_lock.cpp
if git commit -q -m "held lock" > "$work/commit.out" 2>&1; then
  cat "$work/commit.out"; fail "the commit of held_lock.cpp went through"
fi
expect "$work/commit.out" "held_lock.cpp:8:3: warning: lock 'guard' is held across this co_await"

sed -i "s/rev: v$version/rev: v0.1.0/" .pre-commit-config.yaml
if pre-commit run --files held_lock.cpp > "$work/old-rev.out" 2>&1; then
  cat "$work/old-rev.out"; fail "the hook of v0.1.0 ran async-lint $version"
fi
expect "$work/old-rev.out" "async-lint-hook: the hook's rev is async-lint 0.1.0, but $prefix/bin/async-lint is $version"

cd /
rm -rf "$work"
echo "installed: CMake, pkg-config, async-lint, the plugin, run-clang-tidy-22, lit and pre-commit all work from $prefix"
