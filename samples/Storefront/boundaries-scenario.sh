#!/usr/bin/env bash
# Shows every boundary finding of agentguard.json in a scripted agent branch, as a developer or CI would see it:
#   1. copies this sample into a new git repository and commits it on main;
#   2. on a branch "agent", edits a forbidden file, a path a golden rule protects, a migration, a generated client,
#      source without tests, and the package versions; the build fails with AG2001-AG2005;
#   3. reverts the forbidden edits, adds a test, records the reviewed client (-t:AgentGuardReview) and builds with
#      the approvals a reviewer would give (AgentGuardApprove); the build passes;
#   4. in CI mode, tries four ways to get a DateTime.Now past the golden rules by switching AgentGuard off in the
#      project file (RunAnalyzers=false, a target that removes the analyzers, an analyzer config that silences AG0001,
#      a condition on the package reference); each fails the build;
#   5. removes the package from every project: the build has nothing of AgentGuard left and passes, and the
#      out-of-project check (agentguard check, the AgentGuard.Tool CI runs beside the build) fails.
# Exits non-zero when a step does not show what it should.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

dotnet pack "$root/src/AgentGuard.Package/AgentGuard.Package.csproj" -c Release -o "$root/artifacts/packages" -nologo -v:q
dotnet pack "$root/src/AgentGuard.Tool/AgentGuard.Tool.csproj" -c Release -o "$root/artifacts/packages" -nologo -v:q
export NUGET_PACKAGES="$root/artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES/agentguard.analyzers" "$NUGET_PACKAGES/agentguard.tool"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/storefront"
mkdir -p "$repo"
(cd "$here" && tar --exclude=bin --exclude=obj -cf - .) | tar -xf - -C "$repo"
cd "$repo"
cat > nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="agentguard-local" value="$root/artifacts/packages" />
  </packageSources>
</configuration>
CONFIG
printf 'bin/\nobj/\n' > .gitignore
git init -q -b main
git config user.email dev@example.com
git config user.name Dev
git config commit.gpgsign false
git add -A
git commit -q -m "Storefront on main"
git checkout -q -b agent

step() { printf '\n== %s\n' "$1"; }
# The developer's loop on their machine: local mode, whatever CI variables this script runs under (only the
# environment turns CI mode off).
export AgentGuardMode=local
build() { dotnet build src/Storefront.Catalog/Storefront.Catalog.csproj -nologo -nodeReuse:false -p:UseSharedCompilation=false "$@"; }
expect() { grep -q -- "$1" "$work/out.txt" || { echo "expected '$1' in the build output" >&2; exit 1; }; }

step "The agent's branch: a forbidden file, a protected path, a migration, a hand-edited client, code without tests, a new package"
sed -i 's/"Replicas": 3/"Replicas": 12/' deploy/production.json
sed -i 's/-c Release --no-build/-c Release --no-build --blame/' eng/pipeline.yml
cat > src/Storefront.Catalog/Migrations/0002_AddStock.cs <<'CODE'
namespace Storefront.Catalog.Migrations;

/// <summary>Adds the stock column.</summary>
public static class AddStock
{
    public const string Sql = "ALTER TABLE products ADD COLUMN stock INTEGER NOT NULL DEFAULT 0";
}
CODE
sed -i 's|"/api/pricing/v1"|"/api/pricing/v2"|' src/Storefront.Catalog/Generated/PricingClient.cs
sed -i 's/A price is never negative./A price is never below zero./' src/Storefront.Catalog/Product.cs
sed -i 's|<PackageVersion Include="xunit" Version="2.9.3" />|<PackageVersion Include="xunit" Version="2.9.3" />\n    <PackageVersion Include="Polly" Version="8.4.2" />|' Directory.Packages.props
git commit -q -am "agent: scale up, bump the API, add stock"
git add -A && git commit -q -m "agent: migration"
build > "$work/out.txt" 2>&1 && { cat "$work/out.txt"; echo "the agent's branch built, but it breaks every boundary" >&2; exit 1; }
grep -E "error AG2|warning AG2" "$work/out.txt" | sed "s|$repo/||g" | sort -u
for id in AG2001 AG2002 AG2003 AG2004 AG2005; do expect "error $id"; done

step "The fix: forbidden edits reverted, a test added, the regenerated client reviewed"
git checkout -q main -- deploy/production.json eng/pipeline.yml
git commit -q -m "revert the forbidden edits"
cat >> tests/Storefront.Catalog.Tests/ProductTests.cs <<'CODE'

public sealed class ProductPriceTests
{
    [Fact]
    public void A_negative_price_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Storefront.Catalog.Product("SKU-1", "Mug", 5m).WithPrice(-1m));
}
CODE
build -t:AgentGuardReview > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
grep "AgentGuard:" "$work/out.txt" | sed "s|$repo/||g" | sort -u
expect "recorded as reviewed"
cat .agentguard/reviewed.txt

step "Still waiting for a reviewer: the migration and the new package"
build > "$work/out.txt" 2>&1 && { cat "$work/out.txt"; exit 1; }
grep -E "error AG2" "$work/out.txt" | sed "s|$repo/||g" | sort -u
expect "error AG2002"
expect "error AG2005"

step "Approved by a reviewer (in CI, from a pull-request label): AgentGuardApprove=src/*/Migrations/**;AG2005"
build "-p:AgentGuardApprove=src/*/Migrations/**%3BAG2005" > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
grep "approved by AgentGuardApprove" "$work/out.txt" | sed "s|$repo/||g" | sort -u
expect "approved by AgentGuardApprove: AG2005"
printf '\nBuild succeeded with every boundary finding fixed, reviewed or approved.\n'

# In CI a change cannot switch off its own gate: each attempt starts from main, adds a DateTime.Now the golden rules ban,
# and edits the project so the analyzers would not see it.
catalog=src/Storefront.Catalog/Storefront.Catalog.csproj
attempt() {
  local name=$1 target=$2 edit=$3; shift 3
  step "CI mode: $name"
  git checkout -q -f main
  git clean -fdq
  git checkout -q -B "agent-ci-$name"
  printf 'namespace Storefront.Catalog;\n\n/// <summary>The time a product was listed.</summary>\npublic static class Listing\n{\n    /// <summary>Now.</summary>\n    public static System.DateTime Stamp() => System.DateTime.Now;\n}\n' > src/Storefront.Catalog/Listing.cs
  printf '\n// Listing.Stamp is covered by the catalog tests.\n' >> tests/Storefront.Catalog.Tests/ProductTests.cs
  eval "$edit"
  git add -A && git commit -q -m "agent: $name"
  AgentGuardMode=ci dotnet build "$target" -nologo -nodeReuse:false -p:UseSharedCompilation=false > "$work/out.txt" 2>&1 && { cat "$work/out.txt"; echo "CI let '$name' through" >&2; exit 1; }
  grep -E "error AG" "$work/out.txt" | sed "s|$repo/||g" | sed 's/ \[.*\]$//' | sort -u | cut -c1-160
  for id in "$@"; do expect "error $id"; done
}
attempt run-analyzers-off $catalog "sed -i 's|<ItemGroup>|<PropertyGroup><RunAnalyzers>false</RunAnalyzers></PropertyGroup>\n  <ItemGroup>|' $catalog" AG2007
attempt target-removes-analyzers $catalog "sed -i 's|</Project>|  <Target Name=\"Quiet\" BeforeTargets=\"CoreCompile\"><ItemGroup><Analyzer Remove=\"@(Analyzer)\" Condition=\"\x27%(Filename)\x27 == \x27AgentGuard.Analyzers\x27\" /></ItemGroup></Target>\n</Project>|' $catalog" AG2007 AG2008
attempt analyzer-config-silences-ag0001 $catalog "printf 'is_global = true\ndotnet_diagnostic.AG0001.severity = none\n' > src/Storefront.Catalog/quiet.globalconfig; sed -i 's|<ItemGroup>|<ItemGroup>\n    <GlobalAnalyzerConfigFiles Include=\"quiet.globalconfig\" />|' $catalog" AG2007
# Without the package the catalog runs nothing of AgentGuard: CI builds the solution, whose other projects check the change.
attempt package-reference-made-conditional Storefront.sln "sed -i 's|<PackageReference Include=\"AgentGuard.Analyzers\" PrivateAssets=\"all\" />|<PackageReference Include=\"AgentGuard.Analyzers\" PrivateAssets=\"all\" Condition=\"\x27\$(UseAgentGuard)\x27 == \x27true\x27\" />|' $catalog" AG2007
printf '\nIn CI every attempt to switch AgentGuard off in the project failed the build.\n'

step "CI mode: the package removed from every project; the build passes, the out-of-project check does not"
(cd "$work" && dotnet tool install AgentGuard.Tool --version 0.1.0 --tool-path "$work/tool" --add-source "$root/artifacts/packages" > "$work/install.txt" 2>&1) || { cat "$work/install.txt"; exit 1; }
git checkout -q -f main
git clean -fdq
git checkout -q -B agent-ci-package-removed
printf 'namespace Storefront.Catalog;\n\n/// <summary>The time a product was listed.</summary>\npublic static class Listing\n{\n    /// <summary>Now.</summary>\n    public static System.DateTime Stamp() => System.DateTime.Now;\n}\n' > src/Storefront.Catalog/Listing.cs
printf '\n// Listing.Stamp is covered by the catalog tests.\n' >> tests/Storefront.Catalog.Tests/ProductTests.cs
sed -i '/Include="AgentGuard.Analyzers"/d' src/*/*.csproj tests/*/*.csproj
git add -A && git commit -q -m "agent: AgentGuard out of every project"
AgentGuardMode=ci dotnet build Storefront.sln -nologo -nodeReuse:false -p:UseSharedCompilation=false > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; echo "the build without AgentGuard should pass: nothing checks it" >&2; exit 1; }
if grep -q "error AG" "$work/out.txt"; then cat "$work/out.txt"; echo "the build still ran AgentGuard" >&2; exit 1; fi
echo "dotnet build: passed, with nothing of AgentGuard in it"
AgentGuardMode=ci "$work/tool/agentguard" check > "$work/out.txt" 2>&1 && { cat "$work/out.txt"; echo "agentguard check let the removal through" >&2; exit 1; }
grep -E "error AG" "$work/out.txt" | sed "s|$repo/||g" | sort -u | cut -c1-160
expect "error AG2007"
expect "removes the AgentGuard.Analyzers package reference"
printf '\nagentguard check failed CI where no project checks the change any more.\n'
