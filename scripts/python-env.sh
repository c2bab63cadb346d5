#!/usr/bin/env bash
# Creates (once) and prints the python of a cached virtual environment for checking emitted code
# against the real SDKs: `scripts/python-env.sh NAME` installs test/python-env/NAME.txt (pinned)
# into .cache/pyenv/NAME. Re-created only when the requirements file changes. Safe to call from
# parallel test workers (flock).
set -euo pipefail
name="${1:?usage: python-env.sh NAME}"
root="$(cd "$(dirname "$0")/.." && pwd)"
req="$root/test/python-env/$name.txt"
[ -f "$req" ] || { echo "python-env: no $req" >&2; exit 2; }
dir="$root/.cache/pyenv/$name"
mkdir -p "$root/.cache/pyenv"
exec 9>"$root/.cache/pyenv/.$name.lock"
flock 9
want="$(sha256sum "$req" | cut -c1-16)"
if [ "$(cat "$dir/.stamp" 2>/dev/null || true)" != "$want" ]; then
  rm -rf "$dir"
  python3 -m venv "$dir" >&2
  "$dir/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
  echo "$want" > "$dir/.stamp"
fi
echo "$dir/bin/python"
