#!/usr/bin/env bash
# Runs the exnunc command from a fresh clone (builds it first). Example: ./exnunc.sh assess CASE --as-of 2023-08-01
# Published ahead-of-time compiled (ReadyToRun) for this machine: a command starts in about half the time.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
out="$root/artifacts/exnunc"
dotnet publish "$root/src/ExNunc.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  --artifacts-path "$root/artifacts/exnunc-build" -o "$out" -v quiet -nologo >&2
exec dotnet "$out/exnunc.dll" "$@"
