#!/usr/bin/env bash
# exec-check.sh FILE [CFLAGS...] [-- PLUGIN-FLAGS...] — the executable-test
# harness (lit's %exec); flags after -- go to the plugin builds only.  With
# -flto=full among the flags the builds are link-time ones (lld, the plugin at
# the link: the whole program's analysis).
# Builds FILE three ways: plain clang -O2, clang -O2 with the escape plugin, and
# the plugin build under AddressSanitizer with detect_stack_use_after_return=1.
# Runs each and fails unless stdout and the exit status are identical, and the
# ASan run reports nothing.  Then runs the plain and plugin builds again with
# main on a 128 KiB thread stack (musl's default; small-stack.c): wherever the
# plain program runs correctly there, the plugin's must print the same.
# The plugin builds verify the IR (-fverify-intermediate-code: clang's release
# driver does not), so a rewrite that leaves invalid IR under -g fails here.
# $ESCAPE_VERIFY_IR, when set, is the flag (empty for clang-16, which has none
# and relies on the pass's own ESCAPE_VERIFY).
# Needs ESCAPE_PLUGIN and ESCAPE_CLANG(XX).
set -uo pipefail
src=$1; shift
cflags=() pflags=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do cflags+=("$1"); shift; done
[ $# -gt 0 ] && shift && pflags=("$@")
set -- "${cflags[@]}"
cc=$ESCAPE_CLANG; libs=(-lm -lpthread)
case "$src" in *.cpp|*.cc) cc=$ESCAPE_CLANGXX ;; esac
dir=$(mktemp -d "${TMPDIR:-/tmp}/escape-exec.XXXXXX")
trap 'rm -rf "$dir"' EXIT
plugin=(-fplugin="$ESCAPE_PLUGIN" -fpass-plugin="$ESCAPE_PLUGIN" ${ESCAPE_VERIFY_IR--fverify-intermediate-code} "${pflags[@]}")
# -flto=full among the flags: every build links with lld, the plugin's at the
# link (the whole program's analysis), as escape-cc arranges it
case " ${cflags[*]-} " in *" -flto=full "*)
  libs+=(-fuse-ld=lld); plugin+=(-Wl,--load-pass-plugin="$ESCAPE_PLUGIN" -mllvm -escape-lto-note=0) ;;
esac
build() { # name, flags...
  local out=$1; shift
  if ! "$cc" -O2 -g -w "$@" "$src" -o "$dir/$out" "${libs[@]}" 2>"$dir/$out.cc"; then
    echo "exec-check: build '$out' failed:"; cat "$dir/$out.cc"; exit 1
  fi
}
run() { # name, env...
  local exe=$1; shift
  env "$@" "$dir/$exe" >"$dir/$exe.out" 2>"$dir/$exe.err"
  echo "exit status: $?" >>"$dir/$exe.out"
}
shim=("$(dirname "${BASH_SOURCE[0]}")/small-stack.c" -Wl,--wrap=main)
build plain "$@" "${shim[@]}"
build escape "$@" "${plugin[@]}" "${shim[@]}"
build asan "$@" "${plugin[@]}" -fsanitize=address -fno-omit-frame-pointer
run plain
run escape
run asan ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0:abort_on_error=0
small=131072
cp "$dir/plain" "$dir/plain-small"; cp "$dir/escape" "$dir/escape-small"
run plain-small ESCAPE_SMALL_STACK=$small
run escape-small ESCAPE_SMALL_STACK=$small
status=0
if ! diff -u "$dir/plain.out" "$dir/escape.out"; then
  echo "exec-check: output differs with the plugin"; status=1
fi
if ! diff -u "$dir/plain.out" "$dir/asan.out" || grep -q "AddressSanitizer" "$dir/asan.err"; then
  echo "exec-check: AddressSanitizer run differs or reports:"; cat "$dir/asan.err"; status=1
fi
if cmp -s "$dir/plain.out" "$dir/plain-small.out" &&
   ! diff -u "$dir/plain.out" "$dir/escape-small.out"; then
  echo "exec-check: on a $small-byte stack the plain build runs, the plugin's differs:"
  cat "$dir/escape-small.err"; status=1
fi
[ $status = 0 ] && cat "$dir/plain.out"
exit $status
