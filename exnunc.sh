#!/usr/bin/env bash
# Runs the exnunc command from a fresh clone (builds it first). Example: ./exnunc.sh assess CASE --as-of 2023-08-01
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$root/src/ExNunc.Cli" -c Release -v quiet -nologo >&2
exec dotnet "$root/src/ExNunc.Cli/bin/Release/net10.0/exnunc.dll" "$@"
