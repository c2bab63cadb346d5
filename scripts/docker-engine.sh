#!/usr/bin/env bash
# Starts the Docker engine that `cog-migrate verify` and `npm run test:docker` build against, with
# local python base images, using ../shared/docker-offline (engine without a bridge network, bases
# built with debootstrap, never a pull). Idempotent: about 1-2 s on a machine already set up.
# Fails loudly (non-zero, message on stderr) when the engine cannot be made ready: CI must never
# skip verification silently.
#
# Two adaptations for the machine we run on:
#  1. Package sources: the shared setup treats an *existing* /opt/pypi, /opt/pypi-more or
#     /opt/wheels as a local mirror even when it is empty, and then points pip in the images at
#     an empty index. Only non-empty sources are passed on; with none, pip in the images uses the
#     host's index settings (reached over --network host).
#  2. TLS: where the host trusts extra CAs (an egress proxy that re-signs TLS), pip in the images
#     must trust them too. The host's CA bundle is layered onto the base images (label
#     cog-migrate.host-ca = its hash, so this runs once per bundle change).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared/docker-offline"
log() { printf '[docker-engine %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '[docker-engine] ERROR: %s\n' "$*" >&2; exit 1; }

[ -f "$shared/setup.sh" ] || die "$shared/setup.sh not found (expected ../shared/docker-offline next to the repository)"

sources=()
for s in ${PYPI_SOURCES:-/opt/pypi /opt/pypi-more /opt/wheels}; do
  if [ -d "$s" ] && [ -n "$(find "$s" -mindepth 1 -type f -print -quit 2>/dev/null)" ]; then sources+=("$s"); fi
done
if [ "${#sources[@]}" -gt 0 ]; then
  export PYPI_SOURCES="${sources[*]}"
  log "local package sources: $PYPI_SOURCES"
else
  export PYPI_SOURCES=/nonexistent
  log "no non-empty local package source: pip in images uses the host's index over --network host"
fi

bash "$shared/setup.sh" || die "shared docker-offline setup failed (see the lines above)"

DOCKER="${DOCKER:-docker}"
"$DOCKER" version >/dev/null 2>&1 || die "the engine does not answer after setup"

# The base tags the shared setup creates (all one image).
tags="${BASE_TAGS:-python:3.11-slim python:3.11 python:3.11-bookworm python:3.11-slim-bookworm python:3 python:3-slim}"
bundle=/etc/ssl/certs/ca-certificates.crt
extra_cas="$(find /usr/local/share/ca-certificates -type f -name '*.crt' 2>/dev/null | head -n 1 || true)"
if [ -n "$extra_cas" ] && [ -f "$bundle" ]; then
  want="$(sha256sum "$bundle" | cut -c1-16)"
  first="${tags%% *}"
  have="$("$DOCKER" image inspect --format '{{index .Config.Labels "cog-migrate.host-ca"}}' "$first" 2>/dev/null || true)"
  if [ "$have" != "$want" ]; then
    log "layering the host's CA bundle onto $first (the host trusts extra CAs: $extra_cas)"
    ctx="$(mktemp -d)"
    trap 'rm -rf "$ctx"' EXIT
    cp "$bundle" "$ctx/ca-certificates.crt"
    cat >"$ctx/Dockerfile" <<EOF
FROM $first
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
LABEL cog-migrate.host-ca=$want
EOF
    "$DOCKER" build --network none --pull=false -q -t "$first" "$ctx" >/dev/null || die "could not layer the CA bundle onto $first"
    for t in $tags; do [ "$t" = "$first" ] || "$DOCKER" tag "$first" "$t"; done
  fi
fi

# Prove pip reaches its index from inside an image, the way builds will.
"$DOCKER" run --rm --network host "${tags%% *}" pip download --no-deps --quiet -d /tmp/probe six >/dev/null 2>&1 \
  || die "pip inside ${tags%% *} cannot reach its package index over --network host"
log "ready: engine up, bases: $tags, pip reaches its index from inside the image"
