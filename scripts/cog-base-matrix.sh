#!/usr/bin/env bash
# Writes src/dockerfile/data/cog-base-images.json: the r8.im/cog-base images the pinned Cog
# release publishes, as its own `cog base-image generate-matrix` lists them (Cog's
# dockerfile.BaseImageConfigurations, called as a Go library by scripts/cog-base-matrix/main.go).
# Run it when the pinned release changes; the generator reads only the data file.
set -euo pipefail
cd "$(dirname "$0")/.."
RELEASE=$(node -p "require('./src/dockerfile/data/cog-release.json').release")
WORK="$PWD/.cache/cog-base-matrix-build"
rm -rf "$WORK" && mkdir -p "$WORK"
cp scripts/cog-base-matrix/main.go "$WORK/"
printf 'module cogmigrate/cogbasematrix\n\ngo 1.26\n\nrequire github.com/replicate/cog %s\n' "$RELEASE" > "$WORK/go.mod"
(cd "$WORK" && CGO_ENABLED=1 GOFLAGS=-mod=mod timeout 900 go build -o matrix . && ./matrix > matrix.json)
RELEASE="$RELEASE" WORK="$WORK" node -e '
const images = JSON.parse(require("fs").readFileSync(process.env.WORK + "/matrix.json", "utf8"));
const head = {
  release: process.env.RELEASE,
  source: `replicate/cog tag ${process.env.RELEASE}: dockerfile.BaseImageConfigurations(), the list "cog base-image generate-matrix" prints (scripts/cog-base-matrix.sh)`,
  generated: new Date().toISOString().slice(0, 10),
};
const lines = images.map((i) => "    " + JSON.stringify([i.cuda, i.python, i.torch]));
process.stdout.write(JSON.stringify(head, null, 2).replace(/\n}$/, "") + ",\n  \"columns\": [\"cuda\", \"python\", \"torch\"],\n  \"images\": [\n" + lines.join(",\n") + "\n  ]\n}\n");
' > src/dockerfile/data/cog-base-images.json
