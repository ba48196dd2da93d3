#!/usr/bin/env bash
# Renders the gateway config for two loopback upstreams (plus the TLS server with a throwaway
# self-signed certificate) into a temp dir and runs `nginx -t` on it.
# Needs: nginx (apt-get install -y nginx-light), openssl, node.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
command -v nginx >/dev/null || { echo "nginx not found: apt-get install -y nginx-light" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$tmp/tls.key" -out "$tmp/tls.crt" 2>/dev/null
conf="$("$repo/node_modules/.bin/tsx" "$here/render-config.ts" --out "$tmp" \
  --upstream 127.0.0.1:3001,127.0.0.1:3002 --exempt 127.0.0.1/32 \
  --tls-cert "$tmp/tls.crt" --tls-key "$tmp/tls.key")"
nginx -t -p "$tmp" -c "$conf"
