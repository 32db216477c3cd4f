#!/usr/bin/env bash
# report.sh -m=N FILE [CFLAGS...] — the pass's Go-style report for FILE.
# Compiles from FILE's own folder so positions read "FILE.c:LINE:COL".
# The IR is verified (-fverify-intermediate-code, $ESCAPE_VERIFY_IR when set:
# clang-16 has no such flag) after the pipeline.
# With -flto=full among the CFLAGS it links (lld, the plugin at the link)
# and prints the link's report.
# Used by lit as %report; needs ESCAPE_PLUGIN and ESCAPE_CLANG(XX) set.
set -euo pipefail
level=${1#-m=}; shift
src=$1; shift
cc=$ESCAPE_CLANG
case "$src" in *.cpp|*.cc) cc=$ESCAPE_CLANGXX ;; esac
cd "$(dirname "$src")"
case " $* " in
*" -flto=full "*) # a link-time build: the report is the link's
  out=$(mktemp "${TMPDIR:-/tmp}/escape-report.XXXXXX"); trap 'rm -f "$out"' EXIT
  "$cc" -O2 -g -w "$@" -fplugin="$ESCAPE_PLUGIN" -fpass-plugin="$ESCAPE_PLUGIN" ${ESCAPE_VERIFY_IR--fverify-intermediate-code} \
    -mllvm -escape-m="$level" -mllvm -escape-lto-note=0 -fuse-ld=lld \
    -Wl,--load-pass-plugin="$ESCAPE_PLUGIN" "$(basename "$src")" -o "$out" -lm -lpthread 2>&1 ;;
*)
  "$cc" -O2 -g -w "$@" -fplugin="$ESCAPE_PLUGIN" -fpass-plugin="$ESCAPE_PLUGIN" ${ESCAPE_VERIFY_IR--fverify-intermediate-code} \
    -mllvm -escape-m="$level" -c "$(basename "$src")" -o /dev/null 2>&1 ;;
esac
