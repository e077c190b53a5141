#!/usr/bin/env bash
# The test command (README): everything the tests need, from a fresh clone, on a machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
dotnet restore ExNunc.slnx
dotnet build ExNunc.slnx -c Release --no-restore
dotnet format ExNunc.slnx --verify-no-changes --no-restore --severity error
dotnet test ExNunc.slnx -c Release --no-build
dotnet run --project src/ExNunc.Cli -c Release --no-build -- kb validate
