#!/usr/bin/env python3
"""The installed binary finds its dictionaries: `make install-files` into a temp DESTDIR, the
tree moved elsewhere (so no build folder's resource bundle is beside it), an extraction run.

    Tests/e2e/install_e2e.py [.build/debug/storywatch]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SENTENCE = "Peruvian rebels blew up a power pylon outside Arequipa on Tuesday.\n"


def extract(binary, text_file):
    return subprocess.run([binary, "extract", "--format", "jsonl", text_file],
                          capture_output=True, text=True, timeout=60)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/storywatch"))
    with tempfile.TemporaryDirectory(prefix="storywatch-install-") as tmp:
        dest = os.path.join(tmp, "dest")
        subprocess.run(["make", "-s", "install-files", f"DESTDIR={dest}", "PREFIX=/usr", f"BIN={binary}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        # Moved out of the DESTDIR it was installed into: only its own share/ can serve it.
        moved = os.path.join(tmp, "elsewhere")
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
