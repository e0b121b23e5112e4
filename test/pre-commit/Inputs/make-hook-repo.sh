#!/bin/sh
# make-hook-repo.sh <source tree> <dest>: a clone of the source tree with
# the working tree's hook files committed over it, so that pre-commit (which
# clones a hook repository at a revision) sees the hook as it is now, even
# uncommitted; on a clean clone (CI) the extra commit is empty. Tagged
# under-test for configurations to pin.
set -eu
src=$1
dest=$2
git clone -q --depth 1 "file://$src" "$dest"
cp "$src/.pre-commit-hooks.yaml" "$dest/"
mkdir -p "$dest/tools"
cp -R "$src/tools/pre-commit" "$dest/tools/"
git -C "$dest" add .pre-commit-hooks.yaml tools/pre-commit
git -C "$dest" commit -q --allow-empty -m "the hook as in the working tree"
git -C "$dest" tag under-test
