#!/usr/bin/env python3
"""Reliability checks of `storywatch run` under operator mistakes and hostile input (issue #14).

- one deliverer: the daemon and a `deliver --once` loop on one state over 20 alert-raising article
  pairs deliver no webhook-id twice (`deliver --once` exits 75 while the daemon holds the state),
  and a second `run` on the same state exits 75 saying why;
- a broken secret: `check-config` refuses it; the daemon run anyway parks that webhook (log,
  `status`) and delivers every alert to the good one;
- a webhook that never answers delays no alert of another webhook;
- the state's disk full (a tmpfs, when mount is permitted): an error line, a retry, nothing lost;
- SIGHUP with an empty config changes nothing: alerts keep flowing to the same webhook;
- file and folder names that are not UTF-8 raise their alerts, the alert's document showing `\\xNN`;
- the corpus replaced while an operator's shell holds the old folder open: the new folder is
  watched (its alerts arrive) or the daemon exits non-zero;
- a zeroed state database is refused, left as it was; one damaged in the middle is refused at start;
- a fatal error under journald starts with `<3>`;
- 400 KB with no sentence break extracts in at most 10x the time of 400 KB of ordinary sentences.

The articles are invented here. Everything binds 127.0.0.1, every wait is bounded, and every
process started here is stopped. Prints "N passed, M failed" last.
Usage: daemon_reliability.py PATH/TO/storywatch
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon_integration as base  # noqa: E402
from daemon_integration import Daemon, check, wait_until  # noqa: E402
from harness import Notify  # noqa: E402

# (country, adjective, capital): combined two by two into distinct storylines.
COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"), ("Uganda", "Ugandan", "Kampala"), ("Chile", "Chilean", "Santiago"),
    ("Bolivia", "Bolivian", "La Paz"), ("Finland", "Finnish", "Helsinki"), ("Estonia", "Estonian", "Tallinn"),
    ("Ghana", "Ghanaian", "Accra"), ("Senegal", "Senegalese", "Dakar"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Austria", "Austrian", "Vienna"), ("Croatia", "Croatian", "Zagreb"), ("Peru", "Peruvian", "Lima"),
]


def pairs(count):
    """`count` distinct (a, b) country pairs."""
    out = []
    for i, a in enumerate(COUNTRIES):
        for b in COUNTRIES[i + 1:]:
            out.append((a, b))
    return out[:count]


def write_pair(corpus, index, pair):
    """A proposal then its refusal (a reversal), each renamed into place."""
    for kind, text in (("a", base.proposal(pair, index)), ("b", base.refusal(pair, index))):
        name = f"pair-{index:02d}-{kind}.txt"
        tmp = os.path.join(corpus, "." + name + ".part")
        with open(tmp, "w") as f:
            f.write(text)
        os.rename(tmp, os.path.join(corpus, name))


def config_text(corpus, state, hooks, extra=""):
    """hooks: (name, port, extra lines)."""
    text = f'corpus = "{corpus}"\nstate = "{state}"\n{extra}'
    for name, port, lines in hooks:
        text += f'\n[[webhook]]\nname = "{name}"\nurl = "http://127.0.0.1:{port}/{name}"\n{lines}'
    return text


def write(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.rename(path + ".tmp", path)


def run(binary, *args, env=None, timeout=120):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=timeout, env=env,
                          stdin=subprocess.DEVNULL)


class Setup:
    """A corpus, a state, a config and a daemon under `work/name`."""

    def __init__(self, binary, work, name):
        self.binary = binary
        self.base = os.path.join(work, name)
        self.corpus, self.state = os.path.join(self.base, "corpus"), os.path.join(self.base, "state")
        os.makedirs(self.corpus)
        self.config = os.path.join(self.base, "storywatch.toml")
        self.notify = Notify(self.base)
        self.daemon = Daemon(binary, self.config, self.notify, os.path.join(self.base, "daemon.log"))

    def start(self, receiver):
        """A config with one webhook `ops` on `receiver`, then the daemon; True at READY=1."""
        write(self.config, config_text(self.corpus, self.state, [("ops", receiver.port, "")]))
        return self.daemon.start()

    def close(self):
        self.daemon.stop(signal.SIGKILL)
        self.notify.close()

    def dump(self):
        print(f"--- {self.base} daemon log (last 25 lines) ---")
        print("".join(self.daemon.log().splitlines(keepends=True)[-25:]))


def expected_ids(binary, work, name, corpus):
    """The alert ids `scan` gives over a copy of `corpus` in a fresh state."""
    fresh = os.path.join(work, name + "-fresh")
    return set(base.scan(binary, corpus, fresh))


def one_deliverer(binary, work, receiver):
    s = Setup(binary, work, "one-deliverer")
    first = len(results())
    try:
        check("one deliverer: READY=1", s.start(receiver))
        second = run(binary, "run", "--config", s.config, timeout=60)
        check("one deliverer: a second `run` on the same state exits 75",
              second.returncode == 75 and "delivers from this state" in second.stderr,
              f"exit {second.returncode}: {second.stderr.strip()[-300:]}")
        codes = []
        for i, pair in enumerate(pairs(20)):
            write_pair(s.corpus, i, pair)
            codes.append(run(binary, "deliver", "--once", "--linger", "0", "--config", s.config).returncode)
        expected = expected_ids(binary, work, "one-deliverer", s.corpus)
        check("one deliverer: (fixture) scan raises one alert per pair", len(expected) >= 20, len(expected))
        got = wait_until(lambda: expected <= set(receiver.delivered()) and receiver.delivered(), 60)
        time.sleep(0.5)
        delivered = receiver.delivered()
        check("one deliverer: every alert delivered", expected <= set(delivered),
              f"missing {sorted(expected - set(delivered or {}))}")
        check("one deliverer: no webhook-id delivered twice", got and all(n == 1 for n in delivered.values()),
              {i: n for i, n in delivered.items() if n > 1})
        check("one deliverer: `deliver --once` exits 75 while the daemon runs", set(codes) == {75}, codes)
        check("one deliverer: the daemon is still running", s.daemon.alive())
    finally:
        s.close()
        if not all(results()[first:]):
            s.dump()


def broken_secret(binary, work, good, bad):
    s = Setup(binary, work, "broken-secret")
    try:
        secret = os.path.join(s.base, "bad.secret")
        with open(secret, "w") as f:
            f.write("this is not a standard webhooks secret\n")
        write(s.config, config_text(s.corpus, s.state, [
            ("bad", bad.port, f'secret_file = "{secret}"\n'), ("good", good.port, "")]))
        checked = run(binary, "check-config", "--config", s.config)
        check("broken secret: check-config exits 1 naming the webhook",
              checked.returncode == 1 and "webhook bad:" in checked.stderr and "not a standard webhooks secret" not in checked.stderr,
              checked.stderr.strip())
        check("broken secret: the daemon run anyway starts", s.daemon.start())
        for i, pair in enumerate(pairs(6)):
            write_pair(s.corpus, i, pair)
        expected = expected_ids(binary, work, "broken-secret", s.corpus)
        check("broken secret: (fixture) scan raises alerts", len(expected) >= 6, len(expected))
        got = wait_until(lambda: expected <= set(good.delivered()), 60)
        check("broken secret: every alert reaches the good webhook", got,
              f"missing {sorted(expected - set(good.delivered()))}")
        check("broken secret: nothing is sent to the parked webhook", not bad.attempted(), len(bad.attempted()))
        check("broken secret: the log says the webhook is parked", "webhook parked" in s.daemon.log()
              and "webhook.name=bad" in s.daemon.log())
        status = run(binary, "status", "--config", s.config).stdout
        check("broken secret: `status` shows the webhook parked", "PARKED: webhook bad" in status, status)
    finally:
        s.close()


def hung_webhook(binary, work, receiver):
    """A webhook that takes requests and never answers (a listening socket nobody accepts from)."""
    s = Setup(binary, work, "hung-webhook")
    hung = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        hung.bind(("127.0.0.1", 0))
        hung.listen(64)
        write(s.config, config_text(s.corpus, s.state, [
            ("hung", hung.getsockname()[1], "timeout = 120\n"), ("ops", receiver.port, "")]))
        check("hung webhook: READY=1", s.daemon.start())
        for i, pair in enumerate(pairs(2)):
            write_pair(s.corpus, i, pair)
            expected = expected_ids(binary, work, f"hung-webhook-{i}", s.corpus)
            started = time.monotonic()
            arrived = wait_until(lambda: expected <= set(receiver.delivered()), 30)
            check(f"hung webhook: pair {i + 1}'s alerts reach the other webhook while requests hang (timeout 120 s)",
                  arrived, f"missing {expected - set(receiver.delivered())}")
            print(f"     (pair {i + 1}: {time.monotonic() - started:.1f} s)")
    finally:
        s.close()
        hung.close()


def disk_full(binary, work, receiver):
    """The state on a small tmpfs filled up: an error line with the path and free space, the daemon
    keeps running, and once space returns every alert arrives. Needs mount(8) rights (root)."""
    s = Setup(binary, work, "disk-full")
    os.makedirs(s.state)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", s.state],
                             capture_output=True, text=True).returncode == 0
    if not mounted:
        print("     skip: disk full needs a tmpfs mount (root); not permitted here")
        s.close()
        return
    filler = os.path.join(s.state, "filler")
    try:
        check("disk full: READY=1", s.start(receiver))
        with open(filler, "wb") as f:  # fill the state's disk to the last block
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        for i, pair in enumerate(pairs(3)):
            write_pair(s.corpus, i, pair)
        expected = expected_ids(binary, work, "disk-full", s.corpus)
        logged = wait_until(lambda: "is full (" in s.daemon.log(), 30)
        line = next((l for l in s.daemon.log().splitlines() if "is full (" in l), "")
        check("disk full: one error line names the state and its free space",
              logged and os.path.join(s.state, "state.sqlite") in line and "MiB free" in line, line)
        check("disk full: the daemon keeps running", s.daemon.alive())
        os.remove(filler)
        check("disk full: once space returns, every alert arrives",
              wait_until(lambda: expected <= set(receiver.delivered()), 60), f"missing {expected - set(receiver.delivered())}")
    finally:
        s.close()
        subprocess.run(["umount", "-l", s.state], capture_output=True)


def empty_reload(binary, work, receiver):
    s = Setup(binary, work, "empty-reload")
    try:
        check("empty reload: READY=1", s.start(receiver))
        write_pair(s.corpus, 0, pairs(1)[0])
        before = expected_ids(binary, work, "empty-reload-1", s.corpus)
        check("empty reload: alerts flow before", wait_until(lambda: before <= set(receiver.delivered()), 30))
        write(s.config, "")
        s.daemon.send(signal.SIGHUP)
        refused = wait_until(lambda: "configuration not reloaded" in s.daemon.log(), 15)
        check("empty reload: the empty config is refused and logged", refused, s.daemon.log()[-500:])
        write_pair(s.corpus, 1, pairs(2)[1])
        after = expected_ids(binary, work, "empty-reload-2", s.corpus) - before
        check("empty reload: (fixture) the second pair raises alerts", after, after)
        check("empty reload: alerts keep flowing to the same webhook",
              wait_until(lambda: after <= set(receiver.delivered()), 30), f"missing {after - set(receiver.delivered())}")
    finally:
        s.close()


def latin1_names(binary, work, receiver):
    s = Setup(binary, work, "latin1-names")
    try:
        check("latin-1 names: READY=1", s.start(receiver))
        corpus = os.fsencode(s.corpus)
        folder = corpus + b"/z-d\xe9p\xeaches"  # a folder whose name is not UTF-8, listed after the proposal
        pair = pairs(1)[0]
        for path, text in ((corpus + b"/propos\xe9.txt", base.proposal(pair, 0)),
                           (folder + b"/refus.txt", base.refusal(pair, 0))):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = os.path.join(os.path.dirname(path), b".incoming.part")
            with open(tmp, "w") as f:
                f.write(text)
            os.rename(tmp, path)
            # The proposal is read before the refusal arrives, as in the scan's path order.
            wait_until(lambda: len(base.documents(s.state)) >= 1, 15)
        expected = expected_ids(binary, work, "latin1-names", s.corpus)
        check("latin-1 names: (fixture) scan raises the reversal", len(expected) == 1, expected)
        check("latin-1 names: the daemon raises its alert",
              expected and wait_until(lambda: expected <= set(receiver.delivered()), 30))
        documents = []
        with receiver.lock:
            for _, _, body in receiver.requests:
                documents.append(json.loads(body)["data"]["event"]["document"])
        check("latin-1 names: the alert's document shows the bytes as \\xNN",
              documents and documents[0] == "z-d\\xe9p\\xeaches/refus.txt", documents)
    finally:
        s.close()


def corpus_replaced(binary, work, receiver):
    s = Setup(binary, work, "corpus-replaced")
    holder = None
    try:
        check("corpus replaced: READY=1", s.start(receiver))
        # An operator's shell holds the old folder open, so inotify says nothing of its removal.
        holder = subprocess.Popen(["sleep", "120"], cwd=s.corpus)
        shutil.rmtree(s.corpus)
        os.mkdir(s.corpus)
        for i, pair in enumerate(pairs(3)):
            write_pair(s.corpus, i, pair)
        expected = expected_ids(binary, work, "corpus-replaced", s.corpus)
        check("corpus replaced: (fixture) scan raises alerts", len(expected) >= 3, expected)
        # Re-checked every 10 s: alerts within 30 s, or the daemon gone with a non-zero status.
        wait_until(lambda: expected <= set(receiver.delivered()) or not s.daemon.alive(), 40)
        if s.daemon.alive():
            check("corpus replaced: the new folder is watched and its alerts arrive",
                  expected <= set(receiver.delivered()), f"missing {expected - set(receiver.delivered())}")
            check("corpus replaced: a warning says so", "names another folder now" in s.daemon.log())
        else:
            check("corpus replaced: the daemon exits non-zero", s.daemon.process.returncode not in (0, None))
    finally:
        if holder:
            holder.kill()
            holder.wait(timeout=10)
        s.close()


def zeroed_state(binary, work):
    s = Setup(binary, work, "zeroed-state")
    try:
        os.makedirs(s.state)
        database = os.path.join(s.state, "state.sqlite")
        with open(database, "wb") as f:
            f.write(b"\0" * 65536)
        write(s.config, config_text(s.corpus, s.state, []))
        result = run(binary, "run", "--config", s.config, timeout=60)
        check("zeroed state: `run` exits 2", result.returncode == 2, f"exit {result.returncode}")
        check("zeroed state: one error names the file and what to do",
              f"{database} is not a storywatch state database" in result.stderr and "backup" in result.stderr,
              result.stderr.strip())
        with open(database, "rb") as f:
            check("zeroed state: the file is left as it was", f.read() == b"\0" * 65536)
    finally:
        s.close()


def damaged_state(binary, work):
    """A state with pages overwritten in the middle: `run` refuses it (quick_check), `status` says so."""
    s = Setup(binary, work, "damaged-state")
    try:
        for i, pair in enumerate(pairs(12)):
            write_pair(s.corpus, i, pair)
        base.scan(binary, s.corpus, s.state)
        database = os.path.join(s.state, "state.sqlite")
        with open(database, "r+b") as f:  # the middle third, page headers included
            size = f.seek(0, os.SEEK_END)
            f.seek(size // 3 // 4096 * 4096)
            f.write(b"\x5a" * (size // 3 // 4096 * 4096))
        write(s.config, config_text(s.corpus, s.state, []))
        result = run(binary, "run", "--config", s.config, timeout=60)
        check("damaged state: `run` exits 2 naming the state", result.returncode == 2 and s.state in result.stderr,
              f"exit {result.returncode}: {result.stderr.strip()}")
        status = run(binary, "status", "--state", s.state)
        check("damaged state: `status` exits 2 saying the state is damaged",
              status.returncode == 2 and "is damaged" in status.stderr, status.stdout + status.stderr)
    finally:
        s.close()


def journald_priorities(binary, work):
    base_dir = os.path.join(work, "journald")
    os.makedirs(base_dir)
    config = os.path.join(base_dir, "storywatch.toml")
    write(config, config_text(os.path.join(base_dir, "no-such-corpus"), os.path.join(base_dir, "state"), []))
    log_path = os.path.join(base_dir, "stderr")
    for name, args in (("run", ["run", "--config", config]), ("check-config", ["check-config", "--config", config])):
        with open(log_path, "w") as log:
            info = os.fstat(log.fileno())
            env = dict(os.environ, JOURNAL_STREAM=f"{info.st_dev}:{info.st_ino}")
            code = subprocess.run([binary, *args], stdout=log, stderr=log, env=env, timeout=60,
                                  stdin=subprocess.DEVNULL).returncode
        with open(log_path) as f:
            lines = [line for line in f.read().splitlines() if line.strip()]
        errors = [line for line in lines if "no-such-corpus" in line]
        check(f"journald: `{name}`'s fatal error starts with <3>", code != 0 and errors
              and all(line.startswith("<3>") for line in errors), lines)


def linear_extraction(binary, work):
    base_dir = os.path.join(work, "linear")
    os.makedirs(base_dir)
    clause = ("the harbour committee of the northern district discussed the timetable for the new ferry "
              "with the mayor and the union representatives")
    ordinary = os.path.join(base_dir, "ordinary.txt")
    unbroken = os.path.join(base_dir, "unbroken.txt")
    size = 400_000
    with open(ordinary, "w") as f:
        text = ""
        while len(text) < size:
            text += clause[0].upper() + clause[1:] + ". "
        f.write(text[:size])
    with open(unbroken, "w") as f:
        text = ""
        while len(text) < size:
            text += clause + " and "
        f.write(text[:size])
    timings = {}
    for name, path in (("ordinary", ordinary), ("unbroken", unbroken)):
        started = time.monotonic()
        result = run(binary, "extract", path, timeout=600)
        timings[name] = time.monotonic() - started
        check(f"linear: extract of 400 KB ({name}) succeeds", result.returncode == 0, result.stderr[-300:])
    ratio = timings["unbroken"] / max(timings["ordinary"], 0.001)
    print(f"     (400 KB: ordinary sentences {timings['ordinary']:.2f} s, no sentence break "
          f"{timings['unbroken']:.2f} s, ratio {ratio:.1f})")
    check("linear: no sentence break takes at most 10x ordinary sentences", ratio <= 10, f"ratio {ratio:.1f}")


def results():
    return base.results


def main():
    def sections(binary, work, r):
        zeroed_state(binary, work)
        damaged_state(binary, work)
        journald_priorities(binary, work)
        one_deliverer(binary, work, r[0])
        broken_secret(binary, work, r[1], r[2])
        empty_reload(binary, work, r[3])
        hung_webhook(binary, work, r[6])
        disk_full(binary, work, r[7])
        latin1_names(binary, work, r[4])
        corpus_replaced(binary, work, r[5])
        linear_extraction(binary, work)
    return base.run_checks("daemon_reliability.py", 8, sections, prefix="storywatch-reliability-")


if __name__ == "__main__":
    sys.exit(main())
