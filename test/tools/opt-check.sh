#!/usr/bin/env bash
# opt-check.sh OPT-ARGS... — lit's %opt: opt with the escape plugin, as asked,
# then the same passes once more over a copy of the module that debugify gave
# synthetic debug info (a location on every instruction, a debug record for
# every value), output thrown away.  A rewrite that leaves invalid IR only
# under debug info (a phi holding debug records, a record left pointing at a
# deleted value) fails the test there, even when the test's own input has no
# debug info.  The second run happens only when the first succeeded, and its
# report and remarks are discarded; the first run's output and exit status
# are the test's.  Needs ESCAPE_OPT and ESCAPE_PLUGIN.
set -uo pipefail
dir=$(mktemp -d "${TMPDIR:-/tmp}/escape-opt.XXXXXX")
trap 'rm -rf "$dir"' EXIT
args=("$@")
# The input: the one argument that names a file and is no option's value;
# otherwise stdin, saved so both runs read it.
input=-1
for ((k = 0; k < ${#args[@]}; k++)); do
  a=${args[k]}
  case $a in
    -o) ((k++)) ;;
    -*) ;;
    *) [[ -f $a ]] && input=$k ;;
  esac
done
if ((input < 0)); then
  cat >"$dir/stdin.ll"
  args+=("$dir/stdin.ll")
fi
"$ESCAPE_OPT" -load-pass-plugin="$ESCAPE_PLUGIN" "${args[@]}"
status=$?
((status == 0)) || exit $status

again=() passes=0
for ((k = 0; k < ${#args[@]}; k++)); do
  a=${args[k]}
  case $a in
    -o) ((k++)) ;;
    -S|-disable-output|-pass-remarks-output=*) ;;
    -passes=*) again+=("-passes=debugify,${a#-passes=}"); passes=1 ;;
    *) again+=("$a") ;;
  esac
done
((passes)) || exit 0
if ! "$ESCAPE_OPT" -load-pass-plugin="$ESCAPE_PLUGIN" "${again[@]}" -disable-output \
     >"$dir/dbg.out" 2>"$dir/dbg.err"; then
  echo "opt-check: the same passes fail on the module with debug info (debugify):" >&2
  cat "$dir/dbg.err" >&2
  exit 1
fi
exit 0
