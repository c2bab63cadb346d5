#!/usr/bin/env bash
# Creates (once) and prints the python of a cached virtual environment for checking emitted code
# against the real SDKs: `scripts/python-env.sh NAME` installs test/python-env/NAME.txt (pinned)
# into .cache/pyenv/NAME-STAMP (or $COG_MIGRATE_PYENV/NAME-STAMP: verify passes the folder
# src/verify/python-env.ts chooses), STAMP being a hash of the requirements file and the files it
# includes: a changed pin gets a new folder, so checkouts with different pins (worktrees sharing
# .cache) never rebuild each other's venv under a running test. Safe to call from parallel test
# workers (flock).
set -euo pipefail
name="${1:?usage: python-env.sh NAME}"
root="$(cd "$(dirname "$0")/.." && pwd)"
req="$root/test/python-env/$name.txt"
[ -f "$req" ] || { echo "python-env: no $req" >&2; exit 2; }
# `-r path` lines name files relative to the requirements file, as pip reads them.
included() { sed -n 's/^[[:space:]]*-r[[:space:]]\{1,\}\([^[:space:]#]*\).*/\1/p' "$req" | while read -r f; do cat "$(dirname "$req")/$f"; done; }
want="$( { cat "$req"; included; } | sha256sum | cut -c1-16)"
cache="${COG_MIGRATE_PYENV:-$root/.cache/pyenv}"
dir="$cache/$name-$want"
mkdir -p "$cache"
exec 9>"$cache/.$name-$want.lock"
flock 9
if [ "$(cat "$dir/.stamp" 2>/dev/null || true)" != "$want" ]; then
  rm -rf "$dir"
  python3 -m venv "$dir" >&2
  "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$dir/.stamp"
fi
# Before venvs were keyed by their pins they were NAME, built under .NAME.lock: such a folder is
# removed once no build holds that lock and no running process names a file in it (pyright's
# --pythonpath, a test's python). Without /proc (not Linux) nothing can be checked: it stays.
unkeyed_in_use() {
  local f args
  for f in /proc/[0-9]*/cmdline; do
    [ "$f" = "/proc/$$/cmdline" ] && continue
    mapfile -d '' args 2>/dev/null < "$f" || continue
    [[ "${args[*]}" == *"$1/"* ]] && return 0
  done
  return 1
}
old="$cache/$name"
if [ -f "$old/pyvenv.cfg" ] && [ -d /proc/self ]; then
  (
    exec 8>"$cache/.$name.lock"
    flock -n 8 || exit 0
    unkeyed_in_use "$old" || rm -rf "$old"
  ) || true
fi
echo "$dir/bin/python"
