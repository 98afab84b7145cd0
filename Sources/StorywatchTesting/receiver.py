# The scripted HTTP receiver of the delivery tests (Receiver.swift): answers POSTs per
# DIR/plan.json, logs each request to DIR/requests.jsonl, writes its port to DIR/port.
import http.server, json, os, signal, socket, sys, threading, time

signal.signal(signal.SIGTERM, signal.SIG_DFL)

directory = sys.argv[1]
plan = json.load(open(os.path.join(directory, "plan.json")))
lock = threading.Lock()
counter = [0]
log = open(os.path.join(directory, "requests.jsonl"), "a")

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        with lock:
            n = counter[0]
            counter[0] += 1
            record = {"n": n, "path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                      "body": body.decode("utf-8", "replace"), "client_port": self.client_address[1],
                      "time": time.time()}
            log.write(json.dumps(record) + "\n")
            log.flush()
        replies = plan["replies"]
        reply = replies[n] if n < len(replies) else plan["fallback"]
        hold = reply.get("holdUntilFile")
        if hold:
            for _ in range(600):
                if os.path.exists(hold):
                    break
                time.sleep(0.05)
        if reply.get("delay"):
            time.sleep(reply["delay"])
        payload = reply.get("body", "").encode()
        if reply.get("closeMidResponse"):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % (len(payload) + 100))
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(reply.get("status", 200))
        for k, v in reply.get("headers", {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
tmp = os.path.join(directory, "port.tmp")
with open(tmp, "w") as f:
    f.write(str(server.server_address[1]))
os.rename(tmp, os.path.join(directory, "port"))
threading.Timer(plan.get("lifetime", 60), server.shutdown).start()
server.serve_forever()
