#!/usr/bin/env bash
# The test command (README): everything the tests need, from a fresh clone, on a machine with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
# The dossier's PDF is printed by headless Chromium with the DejaVu fonts, and its tests look at the
# pages with poppler's pdftoppm: install those Debian packages when they are missing (as root, or with
# password-less sudo).
if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && sudo -n true 2>/dev/null; then SUDO=sudo; fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-dejavu-core poppler-utils
fi
dotnet restore ExNunc.slnx
dotnet build ExNunc.slnx -c Release --no-restore
dotnet format ExNunc.slnx --verify-no-changes --no-restore --severity error
dotnet test ExNunc.slnx -c Release --no-build
dotnet run --project src/ExNunc.Cli -c Release --no-build -- kb validate
