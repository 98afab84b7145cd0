"""Pieces shared by the end-to-end checks and the daemon benchmark."""
import os
import socket
import time


class Notify:
    """A NOTIFY_SOCKET (a path in `directory`) that collects the daemon's sd_notify datagrams."""

    def __init__(self, directory, name="notify.sock"):
        self.path = os.path.join(directory, name)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.1)
        self.messages = []

    def wait_for(self, line, timeout):
        """The first datagram, received from now on, with a line equal to `line`; None on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                data = self.sock.recv(4096).decode(errors="replace")
            except socket.timeout:
                continue
            self.messages.append(data)
            if line in data.split("\n"):
                return data
        return None

    def drain(self):
        """Keeps what has arrived without waiting."""
        while True:
            try:
                self.messages.append(self.sock.recv(4096).decode(errors="replace"))
            except (socket.timeout, BlockingIOError):
                return

    def close(self):
        self.sock.close()
