#!/usr/bin/env python3
"""The Debian package installs a storywatch that runs on its own: `make deb-files` packages a
binary (gzip -1, to keep the test quick), the .deb's control data and file list are
checked, it is unpacked with `dpkg-deb -x` into a throwaway root, and from there, with the
build folder hidden (a private mount namespace puts an empty folder over .build), the binary
prints its version, checks the packaged config and extracts an event with the packaged
dictionaries. lintian, when installed, must report no error. Skips, saying so, without dpkg-deb.

Without an argument it packages the release binary when it is newer than every source (what
`make deb` ships), else the debug one, whose RUNPATH into the toolchain lintian's
custom-library-search-path then names (the release build has none), so that one tag is let pass.

    Tests/e2e/deb_e2e.py [BINARY]
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SENTENCE = "Chilean troops shelled a border post held by Bolivian soldiers on Friday.\n"
EXPECTED = [
    "usr/bin/storywatch", "usr/lib/systemd/system/storywatch.service", "etc/storywatch/storywatch.toml",
    "usr/share/man/man8/storywatch.8.gz", "usr/share/man/man5/storywatch.toml.5.gz",
    "usr/share/bash-completion/completions/storywatch", "usr/share/zsh/vendor-completions/_storywatch",
    "usr/share/fish/vendor_completions.d/storywatch.fish", "usr/share/doc/storywatch/copyright",
    "usr/share/doc/storywatch/changelog.gz", "usr/share/storywatch/dictionaries/countries.txt",
    "usr/share/storywatch/dictionaries/generated/actions-cameo.txt",
]


def run(args, timeout=120, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs)


def hidden_build(build_dirs, command):
    """`command` in a mount namespace where each of `build_dirs` is an empty tmpfs; None when
    this machine allows no such namespace."""
    mounts = " && ".join(f"mount -t tmpfs storywatch-hidden '{d}'" for d in build_dirs)
    script = f"{mounts} && exec \"$@\""
    for prefix in (["unshare", "--mount", "--propagation", "private"],
                   ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]):
        if shutil.which("unshare") is None:
            return None
        probe = run(prefix + ["sh", "-c", f"{mounts} && true"])
        if probe.returncode == 0:
            return prefix + ["sh", "-c", script, "sh"] + command
    return None


def newest_source():
    paths = [os.path.join(ROOT, "Package.swift")]
    for folder, _, files in os.walk(os.path.join(ROOT, "Sources")):
        paths += [os.path.join(folder, f) for f in files]
    return max(os.path.getmtime(p) for p in paths)


def pick_binary():
    release = os.path.join(ROOT, ".build/release/storywatch")
    if os.path.isfile(release) and os.path.getmtime(release) > newest_source():
        return release
    print("note: no release binary newer than the sources; packaging the debug one")
    return os.path.join(ROOT, ".build/debug/storywatch")


def toolchain_runpath(binary):
    dynamic = run(["readelf", "-d", binary]).stdout if shutil.which("readelf") else ""
    return any("RUNPATH" in line and "/usr/lib/swift" in line for line in dynamic.splitlines())


def main():
    if shutil.which("dpkg-deb") is None:
        print("skip: Tests/e2e/deb_e2e.py needs dpkg-deb (Debian package dpkg)")
        return
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else pick_binary())
    version = run([binary, "--version"], check=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="storywatch-deb-") as tmp:
        out = os.path.join(tmp, "out")
        made = run(["make", "-s", "deb-files", f"DEBDIR={out}", f"BIN={binary}", "DEBZ=-Zgzip -z1"], cwd=ROOT, timeout=600)
        assert made.returncode == 0, f"make deb-files failed: {made.stdout}{made.stderr}"
        debs = glob.glob(os.path.join(out, "*.deb"))
        assert [os.path.basename(d) for d in debs] == [f"storywatch_{version}_amd64.deb"], debs
        deb = debs[0]

        # Control data: the version, the libraries it needs, the config as a conffile.
        fields = run(["dpkg-deb", "-f", deb, "Package", "Version", "Architecture", "Depends"], check=True).stdout
        assert f"Version: {version}" in fields and "Architecture: amd64" in fields, fields
        assert "libcurl" in fields and "libsqlite3" in fields, fields
        control = os.path.join(tmp, "control")
        os.makedirs(control)
        subprocess.run(["dpkg-deb", "-e", deb, control], check=True)
        with open(os.path.join(control, "conffiles")) as f:
            assert f.read().split() == ["/etc/storywatch/storywatch.toml"]

        # Unpacked into a throwaway root: every part is there, the binary stripped.
        root = os.path.join(tmp, "root")
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        missing = [p for p in EXPECTED if not os.path.isfile(os.path.join(root, p))]
        assert not missing, f"not in the package: {missing}"
        if shutil.which("readelf"):
            sections = run(["readelf", "-S", "-W", os.path.join(root, "usr/bin/storywatch")], check=True).stdout
            assert ".symtab" not in sections, "packaged binary is not stripped"

        # Run from the root with the build folders out of reach.
        installed = os.path.join(root, "usr/bin/storywatch")
        text = os.path.join(tmp, "sentence.txt")
        with open(text, "w") as f:
            f.write(SENTENCE)
        # The packaged config as an operator would point it: at a corpus and a state folder that exist.
        with open(os.path.join(root, "etc/storywatch/storywatch.toml")) as f:
            packaged = f.read()
        assert 'corpus = "/srv/news"' in packaged, "the packaged config names no corpus"
        corpus, state = os.path.join(tmp, "news"), os.path.join(tmp, "state")
        os.makedirs(corpus)
        os.makedirs(state)
        config = os.path.join(tmp, "storywatch.toml")
        with open(config, "w") as f:
            f.write(packaged.replace('corpus = "/srv/news"', f'corpus = "{corpus}"\nstate = "{state}"', 1))
        builds = {os.path.join(ROOT, ".build")}
        if "/.build/" in binary:
            builds.add(binary.split("/.build/")[0] + "/.build")
        builds = sorted(b for b in builds if os.path.isdir(b))
        checks = [([installed, "--version"], lambda r: r.stdout.strip() == version),
                  ([installed, "check-config", "--config", config], lambda r: True),
                  ([installed, "extract", "--format", "jsonl", text],
                   lambda r: any(json.loads(line).get("type") == "ASSAULT" for line in r.stdout.splitlines() if line))]
        hidden = hidden_build(builds, ["true"]) is not None
        if not hidden:
            print("note: no mount namespace here; the build folder is not hidden, only out of the binary's path")
        for command, good in checks:
            wrapped = hidden_build(builds, command) if hidden else command
            result = run(wrapped, cwd=tmp)
            assert result.returncode == 0 and good(result), \
                f"{' '.join(command[1:])} from the package failed ({result.returncode}): {result.stdout}{result.stderr}"

        if shutil.which("lintian"):
            report = run(["lintian", "--tag-display-limit", "0", deb], timeout=300)
            allowed = ["custom-library-search-path"] if toolchain_runpath(binary) else []
            errors = [line for line in report.stdout.splitlines()
                      if line.startswith("E:") and not any(f": {tag} " in line for tag in allowed)]
            assert not errors, "lintian errors:\n" + "\n".join(errors)
        else:
            print("skip: lintian is not installed, the package is not linted")
    print("deb_e2e: ok")


if __name__ == "__main__":
    main()
