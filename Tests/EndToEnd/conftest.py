"""Fixtures that run the built kafkafleetd and kafkafleetctl as a user would."""
import os
import signal
import socket
import subprocess
import tempfile
import time

import pytest
import requests

BIN_DIR = os.environ.get("KAFKAFLEET_BIN_DIR", "")


def free_port():
    return free_ports(1)[0]


def free_ports(count):
    """Ports free now, distinct from each other (all are held until all are chosen)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def wait_for(condition, timeout=60.0, what="condition"):
    """Polls `condition` until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # the server may not be up yet
            last_error = error
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what} (last error: {last_error})")


class Daemon:
    """One kafkafleetd process with its own ports."""

    def __init__(self, data_dir, extra_args=(), env=None):
        self.data_dir = data_dir
        self.port, self.metrics_port, self.health_port = free_ports(3)
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = [
            os.path.join(BIN_DIR, "kafkafleetd"), "serve", "--data-dir", data_dir,
            "--bind", f"127.0.0.1:{self.port}", "--metrics-bind", f"127.0.0.1:{self.metrics_port}",
            "--health-bind", f"127.0.0.1:{self.health_port}", "--simulated-ready-after", "0.2",
            # The organisation rate limit is off in tests unless a test asks for it (a later flag wins).
            "--org-rate-limit", "0", *extra_args,
        ]
        self.env = dict(os.environ, **(env or {}))
        self.log_path = os.path.join(data_dir, f"daemon-{self.port}.log")
        self.process = None

    def start(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(self.args, stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        wait_for(self.healthy, what=f"kafkafleetd on {self.url} to be healthy (log: {self.log_path})")
        return self

    def healthy(self):
        if self.process.poll() is not None:
            raise AssertionError(f"kafkafleetd exited with {self.process.returncode}: {open(self.log_path).read()[-4000:]}")
        return requests.get(f"http://127.0.0.1:{self.health_port}/healthcheck", timeout=2).status_code == 200

    def metrics(self):
        return requests.get(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=5).text

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=timeout)
        if self.process:
            self.log.close()
        return self.process.returncode if self.process else None


def ctl(*args, env=None, check=True, input=None):
    """Runs kafkafleetctl and returns the completed process."""
    result = subprocess.run([os.path.join(BIN_DIR, "kafkafleetctl"), *args], capture_output=True, text=True,
                            env=dict(os.environ, **(env or {})), input=input, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"kafkafleetctl {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


@pytest.fixture
def data_dir():
    with tempfile.TemporaryDirectory(prefix="kafkafleet-e2e-") as directory:
        yield directory


@pytest.fixture
def daemon(data_dir):
    process = Daemon(data_dir).start()
    yield process
    process.stop()


def token_for(data_dir, org="org-1", user="alice", *extra):
    return ctl("token", "--data-dir", data_dir, "--org-id", org, "--username", user, *extra).stdout.strip()


@pytest.fixture
def token(daemon):
    return token_for(daemon.data_dir)
