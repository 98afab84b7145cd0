#!/usr/bin/env bash
# Checks systemd/storywatch.service as the daemon issue requires, without systemd as PID 1:
#   1. `systemd-analyze security --offline=true` rates its exposure at 1.5 or less;
#   2. `systemd-analyze verify` prints nothing (any output, even a warning, fails), run against a
#      root folder holding the system units, /bin/kill and a stub at the unit's ExecStart path;
#   3. `make install-files` with another PREFIX rewrites the binary paths, the rewritten unit
#      verifies too, and a second install leaves an edited /etc/storywatch/storywatch.toml alone.
# Exits 0 when all hold, 1 otherwise, 77 (skipped) without systemd-analyze.
set -uo pipefail
cd "$(dirname "$0")/../.."
MAX_EXPOSURE=1.5
UNIT=systemd/storywatch.service
failed=0
passed=0

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "check-unit: systemd-analyze not found (Debian package systemd); skipped"
    exit 77
fi

fail() { echo "check-unit: FAIL: $*"; failed=$((failed + 1)); }
pass() { echo "check-unit: ok: $*"; passed=$((passed + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A root folder for verify: the system units, kill, and an executable stub at $1.
make_root() {
    local root=$1 binary=$2
    mkdir -p "$root/usr/lib/systemd" "$root/usr/bin" "$root/etc/systemd/system" "$root$(dirname "$binary")"
    cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
    cp "$(type -P kill || echo /bin/kill)" "$root/usr/bin/kill"
    [ -e "$root/bin" ] || ln -s usr/bin "$root/bin"
    printf '#!/bin/sh\nexit 0\n' > "$root$binary"
    chmod 0755 "$root$binary"
}

verify() {
    local root=$1 unit=$2 label=$3 output
    cp "$unit" "$root/etc/systemd/system/storywatch.service"
    output=$(systemd-analyze verify --man=no --root="$root" storywatch.service 2>&1)
    if [ -z "$output" ]; then pass "verify $label prints nothing"; else fail "verify $label printed:"; echo "$output"; fi
}

# 1. Exposure.
report=$(systemd-analyze security --offline=true "$UNIT" 2>&1)
exposure=$(printf '%s\n' "$report" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -z "$exposure" ]; then
    fail "no exposure figure in systemd-analyze security output:"; echo "$report"
elif awk -v e="$exposure" -v m="$MAX_EXPOSURE" 'BEGIN { exit !(e <= m) }'; then
    pass "exposure $exposure <= $MAX_EXPOSURE"
else
    fail "exposure $exposure > $MAX_EXPOSURE:"; printf '%s\n' "$report" | grep '✗'
fi

# 2. verify of the unit as shipped.
make_root "$work/root" /usr/bin/storywatch
verify "$work/root" "$UNIT" "$UNIT"

# 3. install with another PREFIX.
printf '#!/bin/sh\necho "USAGE: storywatch <subcommand>"\n' > "$work/stub"
chmod 0755 "$work/stub"
dest="$work/dest"
if make -s install-files DESTDIR="$dest" PREFIX=/opt/storywatch BIN="$work/stub" STRIP= >"$work/make.log" 2>&1; then
    installed="$dest/opt/storywatch/lib/systemd/system/storywatch.service"
    if grep -q '^ExecStart=/opt/storywatch/bin/storywatch run ' "$installed" && ! grep -q '/usr/bin/storywatch' "$installed"; then
        pass "PREFIX=/opt/storywatch rewrites ExecStart"
    else
        fail "PREFIX=/opt/storywatch did not rewrite every binary path:"; grep -n 'storywatch ' "$installed"
    fi
    make_root "$work/root2" /opt/storywatch/bin/storywatch
    verify "$work/root2" "$installed" "installed unit (PREFIX=/opt/storywatch)"
    [ -x "$dest/opt/storywatch/bin/storywatch" ] && [ -f "$dest/opt/storywatch/share/man/man8/storywatch.8" ] \
        && [ -d "$dest/etc/storywatch/credentials" ] && pass "binary, man page and credentials folder installed" \
        || fail "binary, man page or credentials folder missing"
    echo "# edited by the operator" >> "$dest/etc/storywatch/storywatch.toml"
    make -s install-files DESTDIR="$dest" PREFIX=/opt/storywatch BIN="$work/stub" STRIP= >>"$work/make.log" 2>&1
    if tail -n 1 "$dest/etc/storywatch/storywatch.toml" | grep -q 'edited by the operator'; then
        pass "a second install keeps the existing config"
    else
        fail "a second install overwrote the config"
    fi
else
    fail "make install-files failed:"; cat "$work/make.log"
fi

echo "check-unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
