#!/usr/bin/env python3
"""End-to-end check of `storywatch run` as an operator would use it (the daemon issue).

A TOML config with corpus, state and one [[webhook]] (name, url, secret); the daemon started under
a NOTIFY_SOCKET; READY=1 awaited; two of our example articles renamed into the corpus (a proposal,
then its refusal); a reversal alert must reach a plain HTTP receiver on 127.0.0.1 within 10 s, with
a Standard Webhooks signature that the public `standardwebhooks` library verifies and a body the
official CloudEvents SDK parses; SIGTERM must end the daemon with status 0. Then the same articles
given to `scan` file by file must give the same alert ids, also when the daemon is killed with
SIGKILL half way through a burst and restarted (a repeat with the same id is allowed; a loss is not).

Everything binds 127.0.0.1, every wait is bounded, and every process started here is stopped.
Prints "N passed, M failed" last. Usage: daemon_e2e.py PATH/TO/storywatch
"""
import base64
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Notify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples", "corpus")
PROPOSAL = "2026-03-02-liveblog-norway-belarus.txt"
REFUSAL = "2026-03-03-wire-belarus-refuses.txt"
SECRET = "whsec_" + base64.b64encode(b"storywatch-e2e-test-secret-key!!").decode()

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail and not ok else ''}", flush=True)


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers 200 and keeps what it got."""

    def __init__(self):
        self.requests = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with outer.lock:
                    outer.requests.append((dict(self.headers.items()), body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def wait_for(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [r for r in self.requests if predicate(r)]
            if found:
                return found
            time.sleep(0.05)
        return []

    def ids(self):
        with self.lock:
            return {h.get("webhook-id") or h.get("Webhook-Id") for h, _ in self.requests}

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def write_config(directory, corpus, state, port):
    path = os.path.join(directory, "storywatch.toml")
    with open(path, "w") as f:
        f.write(f'corpus = "{corpus}"\nstate = "{state}"\n\n[[webhook]]\nname = "ops"\n'
                f'url = "http://127.0.0.1:{port}/hook"\nsecret = "{SECRET}"\n')
    return path


def rename_in(name, corpus):
    """Write under a hidden temporary name, then rename into place, as publishing tools do."""
    tmp = os.path.join(corpus, "." + name + ".part")
    shutil.copyfile(os.path.join(EXAMPLES, name), tmp)
    os.rename(tmp, os.path.join(corpus, name))


def is_reversal(request):
    """A received (headers, body) request carrying a reversal alert."""
    try:
        return json.loads(request[1]).get("type") == "org.storywatch.development.reversal"
    except ValueError:
        return False


def start_daemon(binary, config, notify_path, log):
    env = dict(os.environ, NOTIFY_SOCKET=notify_path)
    return subprocess.Popen([binary, "run", "--config", config], env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL)


def stop(process, sig=signal.SIGTERM, timeout=15):
    if process.poll() is not None:
        return process.returncode
    process.send_signal(sig)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
        return None


def scan_ids(binary, names):
    """Alert ids that `scan` gives when the files arrive one by one."""
    with tempfile.TemporaryDirectory() as work:
        corpus, state = os.path.join(work, "corpus"), os.path.join(work, "state")
        os.mkdir(corpus)
        ids = set()
        for name in names:
            rename_in(name, corpus)
            out = subprocess.run([binary, "scan", "--corpus", corpus, "--state", state, "--format", "jsonl"],
                                 capture_output=True, text=True, timeout=120)
            ids |= {json.loads(line)["id"] for line in out.stdout.splitlines() if line.strip()}
        return ids


def verify(headers, body):
    try:
        from standardwebhooks.webhooks import Webhook
    except ImportError:
        print("skip: the standardwebhooks library is not installed (pip install standardwebhooks)")
        return None
    lower = {k.lower(): v for k, v in headers.items()}
    try:
        Webhook(SECRET).verify(body, {k: lower[k] for k in ("webhook-id", "webhook-timestamp", "webhook-signature")})
        return True
    except Exception as error:  # the library raises its own WebhookVerificationError
        print(f"signature: {error}")
        return False


def parse_cloudevent(headers, body):
    try:
        from cloudevents.http import from_http  # SDK 1.x
    except ImportError:
        try:
            from cloudevents.v1.http import from_http  # SDK 2.x keeps the 1.x API here
        except ImportError:
            print("skip: the cloudevents SDK is not installed (pip install cloudevents)")
            return None
    return from_http(headers, body)


def main():
    if len(sys.argv) != 2:
        print("usage: daemon_e2e.py PATH/TO/storywatch")
        return 2
    binary = os.path.abspath(sys.argv[1])
    receiver = Receiver()
    work = tempfile.mkdtemp(prefix="storywatch-e2e-")
    daemon = None
    log = open(os.path.join(work, "daemon.log"), "w")
    try:
        corpus, state = os.path.join(work, "corpus"), os.path.join(work, "state")
        os.mkdir(corpus)
        config = write_config(work, corpus, state, receiver.port)
        notify = Notify(work)
        daemon = start_daemon(binary, config, notify.path, log)
        check("READY=1 after the catch-up scan", notify.wait_for("READY=1", 60))

        rename_in(PROPOSAL, corpus)
        rename_in(REFUSAL, corpus)

        reversals = receiver.wait_for(is_reversal, 10)
        check("a reversal alert arrives within 10 s", bool(reversals))
        if reversals:
            headers, body = reversals[0]
            verified = verify(headers, body)
            if verified is not None:
                check("its Standard Webhooks signature verifies", verified)
            event = parse_cloudevent(headers, body)
            if event is not None:
                check("the CloudEvents SDK parses it", event["type"] == "org.storywatch.development.reversal"
                      and event["id"] == headers.get("webhook-id", headers.get("Webhook-Id")))
        check("SIGTERM ends the daemon with status 0", stop(daemon) == 0)
        notify.close()

        expected = scan_ids(binary, [PROPOSAL, REFUSAL])
        receiver.wait_for(lambda r: False, 1)  # let late deliveries land
        check("the daemon sent exactly the ids `scan` gives file by file", receiver.ids() == expected,
              f"daemon {sorted(receiver.ids())} scan {sorted(expected)}")

        # SIGKILL half way through a burst, then restart: nothing lost.
        second = Receiver()
        corpus2, state2 = os.path.join(work, "corpus2"), os.path.join(work, "state2")
        os.mkdir(corpus2)
        config2 = write_config(work, corpus2, state2, second.port)
        notify2 = Notify(tempfile.mkdtemp(dir=work))
        daemon = start_daemon(binary, config2, notify2.path, log)
        notify2.wait_for("READY=1", 60)
        names = sorted(n for n in os.listdir(EXAMPLES) if n.endswith(".txt"))
        for i, name in enumerate(names):
            rename_in(name, corpus2)
            if i == len(names) // 2:
                time.sleep(0.05)
                stop(daemon, signal.SIGKILL)
        daemon = start_daemon(binary, config2, notify2.path, log)
        check("the restarted daemon is READY", notify2.wait_for("READY=1", 60))
        expected_all = scan_ids(binary, names)
        got = second.wait_for(lambda r: False, 0) or []
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not expected_all <= second.ids():
            time.sleep(0.1)
        check("after SIGKILL and restart every development is delivered", expected_all <= second.ids(),
              f"missing {sorted(expected_all - second.ids())}")
        check("and nothing the scan would not raise", second.ids() <= expected_all,
              f"extra {sorted(second.ids() - expected_all)}")
        check("SIGTERM after restart exits 0", stop(daemon) == 0)
        daemon = None
        notify2.close()
        second.stop()
        del got
    finally:
        if daemon is not None:
            stop(daemon, signal.SIGKILL)
        receiver.stop()
        log.close()
        if not all(results):
            with open(os.path.join(work, "daemon.log")) as f:
                print("--- daemon log (last 40 lines) ---")
                print("".join(f.readlines()[-40:]))
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(1 for r in results if r)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
