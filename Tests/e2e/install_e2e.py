#!/usr/bin/env python3
"""The installed binary finds its dictionaries: `make install-files` into a temp DESTDIR, the
tree moved elsewhere (so no build folder's resource bundle is beside it), an extraction run.
Also: the binary is stripped; storywatch(8) and storywatch.toml(5) are installed and render
(`man -l`, when man is there), and storywatch(8) names every command and option of the command
tree (else run `make man`); the bash, zsh and fish completions are what
`storywatch --generate-completion-script SHELL` prints.

    Tests/e2e/install_e2e.py [.build/debug/storywatch]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SENTENCE = "Peruvian rebels blew up a power pylon outside Arequipa on Tuesday.\n"


def extract(binary, text_file):
    return subprocess.run([binary, "extract", "--format", "jsonl", text_file],
                          capture_output=True, text=True, timeout=60)


def man_page_covers_command_tree(binary, page):
    """Every subcommand of `--experimental-dump-help` is an `.It Em NAME` of the page, and each
    of its shown long options a `Fl -NAME` in that subcommand's part."""
    tree = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True,
                                     check=True, timeout=60).stdout)["command"]
    lines = open(page).read().splitlines()
    starts = {line[len(".It Em "):]: i for i, line in enumerate(lines) if line.startswith(".It Em ")}
    missing = []
    for command in tree.get("subcommands", []):
        name = command["commandName"]
        if name not in starts:
            missing.append(name)
            continue
        end = min([i for i in starts.values() if i > starts[name]] + [len(lines)])
        part = "\n".join(lines[starts[name]:end])
        for argument in command.get("arguments", []):
            longs = [n["name"] for n in argument.get("names", []) if n["kind"] == "long"]
            flag = re.compile(rf"Fl (\S+ , )?-{re.escape(longs[0])}(\s|$)", re.M) if longs else None
            if argument.get("shouldDisplay", True) and flag and not flag.search(part):
                missing.append(f"{name} --{longs[0]}")
    assert not missing, f"docs/man/storywatch.8 lacks {missing}: run `make man`"


def check_pages_and_completions(binary, usr):
    for page in ["man8/storywatch.8", "man5/storywatch.toml.5"]:
        path = os.path.join(usr, "share/man", page)
        assert os.path.isfile(path), f"{page} not installed"
        if shutil.which("man"):
            shown = subprocess.run(["man", "--warnings", "-l", path], capture_output=True, text=True, timeout=60,
                                   env=dict(os.environ, MANWIDTH="80"))
            assert shown.returncode == 0 and "NAME" in shown.stdout, f"man -l {page}: {shown.stderr}"
            assert shown.stderr.strip() == "", f"man -l {page} warns: {shown.stderr}"
        else:
            print(f"skip: man is not installed, {page} not rendered")
    man_page_covers_command_tree(binary, os.path.join(usr, "share/man/man8/storywatch.8"))
    for shell, path in [("bash", "bash-completion/completions/storywatch"), ("zsh", "zsh/vendor-completions/_storywatch"),
                        ("fish", "fish/vendor_completions.d/storywatch.fish")]:
        expected = subprocess.run([binary, "--generate-completion-script", shell], capture_output=True, text=True,
                                  check=True, timeout=60).stdout
        assert "check-config" in expected, f"{shell} completion names no command"
        with open(os.path.join(usr, "share", path)) as f:
            assert f.read() == expected, f"installed {shell} completion differs from --generate-completion-script"


def is_stripped(path):
    """No .symtab section: what `install -s` leaves."""
    sections = subprocess.run(["readelf", "-S", "-W", path], capture_output=True, text=True, check=True).stdout
    return ".symtab" not in sections


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/storywatch"))
    with tempfile.TemporaryDirectory(prefix="storywatch-install-") as tmp:
        dest = os.path.join(tmp, "dest")
        subprocess.run(["make", "-s", "install-files", f"DESTDIR={dest}", "PREFIX=/usr", f"BIN={binary}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        # Moved out of the DESTDIR it was installed into: only its own share/ can serve it.
        moved = os.path.join(tmp, "elsewhere")
        if shutil.which("readelf"):
            assert is_stripped(os.path.join(dest, "usr/bin/storywatch")), "installed binary is not stripped"
        else:
            print("skip: readelf is not installed, stripping not checked")
        check_pages_and_completions(binary, os.path.join(dest, "usr"))
        shutil.copytree(os.path.join(dest, "usr"), moved, symlinks=True)
        text = os.path.join(tmp, "sentence.txt")
        with open(text, "w") as f:
            f.write(SENTENCE)

        result = extract(os.path.join(moved, "bin/storywatch"), text)
        assert result.returncode == 0, f"installed binary failed: {result.stderr}"
        events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        assert any(e.get("type") == "ASSAULT" for e in events), f"no ASSAULT event: {result.stdout}"

        # A binary without its dictionaries says so and exits; it does not crash.
        bare = os.path.join(tmp, "bare/bin")
        os.makedirs(bare)
        shutil.copy(binary, bare)
        result = extract(os.path.join(bare, "storywatch"), text)
        assert result.returncode > 0, f"expected a clean failure, got {result.returncode}"
        assert "dictionar" in result.stderr, result.stderr
    print("install_e2e: ok")


if __name__ == "__main__":
    main()
