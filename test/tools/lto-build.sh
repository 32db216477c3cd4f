#!/usr/bin/env bash
# lto-build.sh MODE OUT DIR FILE... -- [CFLAGS...] — build a multi-file program
# with the escape plugin (lit's %lto-build; test/lto/).  MODE: perfile (each
# file optimized alone, linked by lld), full or thin (-flto=MODE, linked by
# lld with the plugin).  Compiles from DIR so positions read "f.c:L:C", at -O2
# -g with -mllvm -escape-m=1 (CFLAGS may say -mllvm -escape-m=2; -mllvm
# options stay off the link), into OUT.d/; links OUT.  The report (compile
# and link steps) goes to stdout.  ThinLTO backends run one at a time so the
# report's order is fixed.  A FILE.ll is assembled as it is (an object of
# another tool: a ThinLTO one in thin mode), not compiled.  Needs
# ESCAPE_PLUGIN and ESCAPE_CLANG.
set -euo pipefail
mode=$1 out=$2 dir=$3; shift 3
files=()
while (($#)) && [[ $1 != -- ]]; do files+=("$1"); shift; done
(($#)) && shift
flags=("$@") linkflags=()
for ((i = 0; i < ${#flags[@]}; i++)); do # -mllvm options are the compile steps' (lld
  if [[ ${flags[i]} == -mllvm ]]; then   # refuses the plugin's, see pass/lto.c)
    ((i++)) || true
  else
    linkflags+=("${flags[i]}")
  fi
done
plugin=(-fplugin="$ESCAPE_PLUGIN" -fpass-plugin="$ESCAPE_PLUGIN" ${ESCAPE_VERIFY_IR--fverify-intermediate-code})
lto=() note=() link=(-fuse-ld=lld)
case $mode in
  perfile) ;;
  full|thin) lto=(-flto="$mode") note=(-mllvm -escape-lto-note=0) # the link is arranged here
             link+=(-Wl,--load-pass-plugin="$ESCAPE_PLUGIN" -Wl,--thinlto-jobs=1) ;;
  *) echo "lto-build: unknown mode '$mode'" >&2; exit 2 ;;
esac
mkdir -p "$out.d"
objs=()
cd "$dir"
bin=$(dirname "$(readlink -f "$(command -v "$ESCAPE_CLANG")")")
for f in "${files[@]}"; do
  o="$out.d/$(basename "${f%.*}").o"
  if [[ $f == *.ll && $mode == full ]]; then
    "$bin/llvm-as" "$f" -o "$o"
  elif [[ $f == *.ll && $mode == thin ]]; then
    "$bin/opt" --module-summary "$f" -o "$o"
  else
    "$ESCAPE_CLANG" -O2 -g -w "${lto[@]}" "${plugin[@]}" "${note[@]}" -mllvm -escape-m=1 "${flags[@]}" \
      -c "$f" -o "$o" 2>&1
  fi
  objs+=("$o")
done
"$ESCAPE_CLANG" -O2 "${lto[@]}" "${linkflags[@]}" "${link[@]}" "${objs[@]}" -o "$out" 2>&1
