#!/usr/bin/env bash
# Install gitbrief from this source tree as a .NET tool, compiled ahead of time (Native AOT) for this
# machine: `dotnet pack` of src/Gitbrief.Cli for this runtime identifier, then `dotnet tool install` of
# that package (from this tree only, never from a registry).
#
#   ./install.sh                     # global tool: ~/.dotnet/tools/gitbrief
#   ./install.sh --tool-path DIR     # DIR/gitbrief instead (a prefix, a CI cache, …)
#   ./install.sh --jit               # no C toolchain: framework-dependent, ReadyToRun (slower: bench/README.md)
#
# Needs the .NET 10 SDK and, for Native AOT, a C linker (clang or gcc) and zlib's development files
# (Debian/Ubuntu: apt-get install clang zlib1g-dev). Packages restore from NuGet as for any build.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

tool_path=""
native=true
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) [ $# -ge 2 ] || { echo "install.sh: --tool-path needs a directory" >&2; exit 2; }; tool_path="$2"; shift 2 ;;
    --tool-path=*) tool_path="${1#--tool-path=}"; shift ;;
    --jit) native=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null 2>&1 || { echo "install.sh: the .NET 10 SDK is required (dotnet not found)" >&2; exit 1; }

if $native; then
  if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
    echo "install.sh: Native AOT needs a C linker: install clang or gcc (Debian/Ubuntu: apt-get install clang zlib1g-dev), or use --jit" >&2
    exit 1
  fi
  linker=$(command -v clang || command -v gcc)
  if [ "$(uname -s)" = Linux ] && ! echo 'int main(void){return 0;}' | "$linker" -x c - -lz -o /dev/null >/dev/null 2>&1; then
    echo "install.sh: Native AOT links zlib: install its development files (Debian/Ubuntu: apt-get install zlib1g-dev), or use --jit" >&2
    exit 1
  fi
fi

rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
[ -n "$rid" ] || { echo "install.sh: could not read the runtime identifier from 'dotnet --info'" >&2; exit 1; }

# A version of its own for every build, so that neither NuGet's package cache nor the tool store can hand
# back an older build: 1.0.0-local.<UTC time>.
version="1.0.0-local.$(date -u +%Y%m%d%H%M%S)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="$work/nupkg"

if $native; then
  echo "install.sh: building gitbrief $version (Native AOT, $rid); a few minutes" >&2
  build=(-p:PublishAot=true)
else
  echo "install.sh: building gitbrief $version (framework-dependent, ReadyToRun, $rid)" >&2
  build=(-p:SelfContained=false -p:PublishReadyToRun=true)
fi
pack() { dotnet pack "$root/src/Gitbrief.Cli" -c Release -o "$packages" -p:Version="$version" -p:ToolPackageRuntimeIdentifiers="$rid" "${build[@]}" --nologo "$@"; }
pack -r "$rid"
# The package that `dotnet tool install gitbrief` asks for names the runtime-specific one above; it holds no code.
pack --no-build

# Only this tree's packages: a config with no other source, and a throw-away package cache.
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="gitbrief-local" value="$packages" />
  </packageSources>
</configuration>
EOF
export NUGET_PACKAGES="$work/cache"

if [ -n "$tool_path" ]; then
  mkdir -p "$tool_path"
  where=(--tool-path "$tool_path")
  installed="$(cd "$tool_path" && pwd)/gitbrief"
else
  where=(--global)
  installed="$HOME/.dotnet/tools/gitbrief"
fi
dotnet tool uninstall "${where[@]}" gitbrief >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" gitbrief --version "$version" --configfile "$work/nuget.config" >&2

"$installed" --version >/dev/null
echo "install.sh: installed $installed ($("$installed" --version))" >&2
case ":$PATH:" in
  *":$(dirname "$installed"):"*) ;;
  *) echo "install.sh: $(dirname "$installed") is not on PATH; add it, or run $installed" >&2 ;;
esac
