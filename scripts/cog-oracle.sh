#!/usr/bin/env bash
# Builds the `cog debug` oracle (scripts/cog-oracle/main.go) against the pinned Cog release.
# Cog's module is not served by the Go module proxy, so this needs Cog's source tree at the
# release tag in $COG_SRC (default .cache/cog-src-v0.22.0; e.g. `git archive v0.22.0` of a
# replicate/cog clone). Cog's dependencies come from the Go module proxy. Output:
# .cache/cog-oracle-v0.22.0. Tests that use the oracle skip (and say so) when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASE=v0.22.0
COG_SRC="${COG_SRC:-$PWD/.cache/cog-src-$RELEASE}"
OUT="$PWD/.cache/cog-oracle-$RELEASE"
if [ ! -f "$COG_SRC/go.mod" ]; then
  echo "no Cog source at $COG_SRC (set COG_SRC to a checkout of replicate/cog at $RELEASE)" >&2
  exit 2
fi
WORK="$PWD/.cache/cog-oracle-build"
rm -rf "$WORK" && mkdir -p "$WORK"
cp scripts/cog-oracle/main.go "$WORK/"
GOVER=$(awk '/^go /{print $2; exit}' "$COG_SRC/go.mod")
cat > "$WORK/go.mod" <<MOD
module cogmigrate/cogoracle

go $GOVER

require github.com/replicate/cog v0.0.0
replace github.com/replicate/cog => $COG_SRC
MOD
cd "$WORK"
cp "$COG_SRC/go.sum" go.sum
CGO_ENABLED=1 GOFLAGS=-mod=mod timeout 900 go build -o "$OUT" .
echo "$OUT"
