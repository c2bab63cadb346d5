#!/usr/bin/env bash
# Builds the `cog debug` oracle (scripts/cog-oracle/main.go): a small program that calls the
# pinned Cog release's Dockerfile generator as a Go library, with Cog's own test doubles for
# Docker and the registry, so it runs offline and never touches an engine or a registry.
# Cog is an ordinary Go module dependency, resolved through the Go module proxy.
# Output: .cache/cog-oracle-v0.22.0 (rebuilt only when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASE=v0.22.0
OUT="$PWD/.cache/cog-oracle-$RELEASE"
[ -x "$OUT" ] && exit 0
WORK="$PWD/.cache/cog-oracle-build"
rm -rf "$WORK" && mkdir -p "$WORK"
cp scripts/cog-oracle/main.go "$WORK/"
cat > "$WORK/go.mod" <<MOD
module cogmigrate/cogoracle

go 1.26

require github.com/replicate/cog $RELEASE
MOD
cd "$WORK"
CGO_ENABLED=1 GOFLAGS=-mod=mod timeout 900 go build -o "$OUT.tmp" .
mv "$OUT.tmp" "$OUT"
