#!/usr/bin/env bash
# browser.sh — a page as headless Chromium renders it (test/build).
#   browser.sh dom URL            the DOM after the page's scripts ran, on stdout
#   browser.sh shot URL PNG WxH   a screenshot
# Chromium is Debian's package chromium (scripts/deps installs it); without it this fails
# with one line saying so. As root it runs with --no-sandbox.
set -euo pipefail
browser=""
for b in "${ESCAPE_CHROMIUM:-}" chromium chromium-browser google-chrome; do
  if [[ -n $b ]] && command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [[ -z $browser ]]; then
  echo "browser.sh: Chromium not found (test/build renders escape-build's pages in it): run scripts/deps, which installs Debian's chromium, or set ESCAPE_CHROMIUM" >&2
  exit 1
fi
profile=$(mktemp -d "${TMPDIR:-/tmp}/escape-chromium.XXXXXX")
log=$profile.log
trap 'rm -rf "$profile" "$log"' EXIT
flags=(--headless --disable-gpu --no-first-run --no-default-browser-check --hide-scrollbars
       --user-data-dir="$profile" --disable-extensions --virtual-time-budget=2000)
[[ $(id -u) -eq 0 ]] && flags+=(--no-sandbox)
case $1 in
  dom) "$browser" "${flags[@]}" --dump-dom "$2" 2>"$log" || { cat "$log" >&2; exit 1; } ;;
  shot)
    "$browser" "${flags[@]}" --window-size="${4/x/,}" --screenshot="$3" "$2" >"$log" 2>&1 ||
      { cat "$log" >&2; exit 1; }
    [[ -s $3 ]] || { cat "$log" >&2; echo "browser.sh: no screenshot written" >&2; exit 1; } ;;
  *) echo "browser.sh: dom URL | shot URL PNG WxH" >&2; exit 2 ;;
esac
