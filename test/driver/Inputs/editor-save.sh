# editor-save.sh FILE: saves FILE as an editor does (a new file renamed over
# the old one), with three more lines at its top.
{ printf '// saved by an editor during the run\n//\n//\n'; cat "$1"; } > "$1.new" &&
  mv "$1.new" "$1"
