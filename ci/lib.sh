# Shared helpers for the ci/ scripts. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"
CACHE="$ROOT/.cache"
TOOLS="$ROOT/.tools"
mkdir -p "$CACHE" "$TOOLS"

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[33mwarning:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@" || sudo "$@"; fi
}

# A content hash of the given paths (tracked and untracked files), for "rebuild only when this changed".
tree_hash() {
  (cd "$ROOT" && find "$@" -type f ! -path '*/bin/*' ! -path '*/obj/*' -print0 2>/dev/null | sort -z | xargs -0 sha256sum 2>/dev/null) | sha256sum | cut -c1-16
}
