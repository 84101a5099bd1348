#!/usr/bin/env bash
# Packs AgentGuard.Analyzers from this checkout and builds the sample solution through it, as a user would.
# The sample breaks its own golden rules on purpose, so the build fails with AG0001 errors.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

dotnet pack "$root/src/AgentGuard.Package/AgentGuard.Package.csproj" -c Release -o "$root/artifacts/packages" -nologo -v:q || exit 1

# A package folder of its own, emptied of AgentGuard, so the build never uses a stale copy of the package.
export NUGET_PACKAGES="$root/artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES/agentguard.analyzers"

dotnet build "$root/samples/Storefront/Storefront.sln" --force -nologo -nodeReuse:false -p:UseSharedCompilation=false
