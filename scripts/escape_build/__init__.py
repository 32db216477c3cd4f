"""escape_build — scripts/escape-build: one report of a whole build (see main.py)."""
