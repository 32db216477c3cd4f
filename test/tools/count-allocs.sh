#!/usr/bin/env bash
# count-allocs.sh FILE [CFLAGS...] [-- PLUGIN-FLAGS...] — heap allocations of
# FILE's program (lit's %count): builds it plain and with the plugin at -O2,
# runs both with scripts/alloc-count.c preloaded, and prints
#   plain: N
#   escape: M
# counting every malloc, calloc, realloc, aligned_alloc and posix_memalign
# call, the C library's own included.  With -flto=full among the CFLAGS both
# builds link with lld, the plugin's at the link.  Needs ESCAPE_PLUGIN,
# ESCAPE_CLANG(XX).
set -euo pipefail
src=$1; shift
cflags=() pflags=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do cflags+=("$1"); shift; done
[ $# -gt 0 ] && shift && pflags=("$@")
cc=$ESCAPE_CLANG
case "$src" in *.cpp|*.cc) cc=$ESCAPE_CLANGXX ;; esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/escape-count.XXXXXX")
trap 'rm -rf "$dir"' EXIT
"$ESCAPE_CLANG" -shared -fPIC -O2 -w "$root/scripts/alloc-count.c" -o "$dir/count.so" -ldl
link=() # -flto=full: lld, and the plugin at the link
case " ${cflags[*]-} " in *" -flto=full "*)
  link=(-fuse-ld=lld); pflags+=(-Wl,--load-pass-plugin="$ESCAPE_PLUGIN" -mllvm -escape-lto-note=0) ;;
esac
"$cc" -O2 -w "${cflags[@]}" "$src" -o "$dir/plain" "${link[@]}" -lm -lpthread
"$cc" -O2 -w "${cflags[@]}" -fplugin="$ESCAPE_PLUGIN" -fpass-plugin="$ESCAPE_PLUGIN" ${ESCAPE_VERIFY_IR--fverify-intermediate-code} \
  "${pflags[@]}" "$src" -o "$dir/escape" "${link[@]}" -lm -lpthread
for v in plain escape; do
  ALLOC_COUNT_FILE="$dir/$v.count" LD_PRELOAD="$dir/count.so" "$dir/$v" >/dev/null
  echo "$v: $(sed 's/^heap allocations: //' "$dir/$v.count")"
done
