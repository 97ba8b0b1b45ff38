#!/usr/bin/env bash
# Builds local stand-ins for the two Microsoft base images the Dockerfile starts from:
#   localhost/standin/dotnet-aspnet:10.0  ~ mcr.microsoft.com/dotnet/aspnet:10.0
#   localhost/standin/dotnet-sdk:10.0     ~ mcr.microsoft.com/dotnet/sdk:10.0
# CI machines cannot reach mcr.microsoft.com and have no Docker engine, so the images are assembled
# from nothing: a Debian bookworm root file system plus this machine's own .NET installation.
#
# Use:  bash .ci/container/standins.sh [--rebuild]
#   --rebuild   rebuild the images even when they already exist (otherwise existing ones are kept).
# Environment: STANDIN_RUNTIME_IMAGE / STANDIN_SDK_IMAGE override the tags (e.g. to try a build
# without replacing images in use); DEBIAN_MIRROR overrides debootstrap's mirror.
# Needs root (debootstrap, chroot, the system's container storage). Takes about 2 minutes.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runtime_image=${STANDIN_RUNTIME_IMAGE:-localhost/standin/dotnet-aspnet:10.0}
sdk_image=${STANDIN_SDK_IMAGE:-localhost/standin/dotnet-sdk:10.0}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Microsoft's images create this user and publish its uid as APP_UID; the Dockerfile runs as $APP_UID.
app_uid=1654

rebuild=false
for arg in "$@"; do
  case $arg in
    --rebuild) rebuild=true ;;
    -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "standins: unknown argument '$arg' (use --rebuild)" >&2; exit 2 ;;
  esac
done

say() { printf 'standins: %s\n' "$*"; }
die() { printf 'standins: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and the system image storage need it)"

work=$(mktemp -d "${TMPDIR:-/tmp}/standins.XXXXXX")
# debootstrap mounts /proc and friends inside the root fs; make sure none stays mounted before removing it.
cleanup() {
  awk -v root="$work/rootfs" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r \
    | while read -r mount; do umount -l "$mount" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# runc, cgroupfs, no default ulimits (see the file); the machine's own settings stay untouched.
export CONTAINERS_CONF="$script_dir/containers.conf"

missing=()
for tool in buildah podman runc debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah podman runc debootstrap >/dev/null
fi

need_runtime=true need_sdk=true
if ! $rebuild; then
  if podman image exists "$runtime_image"; then need_runtime=false; say "$runtime_image exists, kept (--rebuild to replace)"; fi
  if podman image exists "$sdk_image"; then need_sdk=false; say "$sdk_image exists, kept (--rebuild to replace)"; fi
fi
if ! $need_runtime && ! $need_sdk; then
  exit 0
fi

# The images reuse this machine's .NET, so the SDK inside them is the one CI already trusts.
dotnet_bin=$(command -v dotnet) || die "no dotnet on PATH: the stand-ins copy this machine's .NET 10"
dotnet_dir=$(dirname "$(readlink -f "$dotnet_bin")")
compgen -G "$dotnet_dir/shared/Microsoft.AspNetCore.App/10.*" >/dev/null \
  || die "no ASP.NET Core 10 runtime under $dotnet_dir/shared"
if $need_sdk; then
  compgen -G "$dotnet_dir/sdk/10.*" >/dev/null || die "no .NET 10 SDK under $dotnet_dir/sdk"
fi
say "using .NET from $dotnet_dir"

started=$SECONDS
rootfs=$work/rootfs
# The libraries the .NET runtime loads (ICU, OpenSSL, Kerberos, zlib), certificates and time zones,
# as Microsoft's Debian-based images have.
say "debootstrap bookworm (minbase) from $mirror ..."
if ! debootstrap --variant=minbase \
  --include=ca-certificates,tzdata,libicu72,libssl3,libgssapi-krb5-2,zlib1g,libstdc++6 \
  bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  die "debootstrap failed"
fi
chroot "$rootfs" groupadd --gid "$app_uid" app
chroot "$rootfs" useradd --no-log-init --uid "$app_uid" --gid "$app_uid" --create-home --shell /usr/sbin/nologin app
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
say "root fs ready ($((SECONDS - started)) s)"

# Same environment as Microsoft's images: the Dockerfile relies on APP_UID, and the app on
# ASPNETCORE_HTTP_PORTS to listen on every interface.
common=(
  --change "ENV APP_UID=$app_uid"
  --change "ENV ASPNETCORE_HTTP_PORTS=8080"
  --change "ENV DOTNET_RUNNING_IN_CONTAINER=true"
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
)

# Replaces the tag; the image it replaces is removed when nothing else uses it, so repeated
# --rebuild runs do not pile up unnamed images.
import_image() {
  local tag=$1; shift
  local old=""
  old=$(podman image inspect --format '{{.Id}}' "$tag" 2>/dev/null) || old=""
  say "importing $tag ..."
  tar -C "$rootfs" -c . | podman import --quiet "${common[@]}" "$@" - "$tag" >/dev/null
  if [ -n "$old" ] && [ "$old" != "$(podman image inspect --format '{{.Id}}' "$tag")" ]; then
    podman rmi "$old" >/dev/null 2>&1 || say "previous $tag image ${old:0:12} still in use, left in place"
  fi
}

mkdir -p "$rootfs/usr/share/dotnet"
ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

# Runtime: the host and shared frameworks only (no SDK, no extra certificates), like aspnet:10.0.
cp -a "$dotnet_dir/dotnet" "$dotnet_dir/host" "$dotnet_dir/shared" "$rootfs/usr/share/dotnet/"
if $need_runtime; then
  import_image "$runtime_image"
fi

if $need_sdk; then
  # Everything else of the installation: sdk, packs, manifests, templates.
  for entry in "$dotnet_dir"/*; do
    [ -e "$rootfs/usr/share/dotnet/$(basename "$entry")" ] || cp -a "$entry" "$rootfs/usr/share/dotnet/"
  done
  # This machine reaches the package registries through extra trusted certificates (a TLS-inspecting
  # egress proxy): without them `dotnet restore` in the build stage fails with UntrustedRoot.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    say "adding the machine's extra CA certificates:" /usr/local/share/ca-certificates/*.crt
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
    # Its output (including a harmless rehash warning) only matters when it fails.
    chroot "$rootfs" update-ca-certificates >"$work/ca.log" 2>&1 || { cat "$work/ca.log" >&2; die "update-ca-certificates failed"; }
  fi
  sdk_env=(--change "ENV DOTNET_CLI_TELEMETRY_OPTOUT=1" --change "ENV DOTNET_NOLOGO=1" --change "ENV NUGET_XMLDOC_MODE=skip")
  # Passed through only when CI sets it (some proxies break certificate revocation checks).
  if [ -n "${NUGET_CERT_REVOCATION_MODE:-}" ]; then
    sdk_env+=(--change "ENV NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE")
  fi
  import_image "$sdk_image" "${sdk_env[@]}"
fi

say "done in $((SECONDS - started)) s"
podman images --format '  {{.Repository}}:{{.Tag}}  {{.ID}}  {{.Size}}' \
  | grep -F -e " $runtime_image " -e " $sdk_image " || true
