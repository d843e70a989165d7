"""Child processes of the chaos run: started in their own process groups, all ended when the run ends."""
import os
import signal
import socket
import subprocess
import threading
import time


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, timeout: float, what: str, interval: float = 0.1):
    """Polls `condition` until it returns a truthy value (returned) or `timeout` seconds pass (TimeoutError)."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # the thing waited for may not be up yet
            last_error = error
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what} (last error: {last_error})")
        time.sleep(interval)


class Child:
    """One child process with its log file; `expected_exit` tells the watchdog that an exit is the harness's doing."""

    def __init__(self, name: str, args: list[str], log_path: str, env: dict | None = None):
        self.name = name
        self.args = args
        self.log_path = log_path
        self.env = env
        self.process: subprocess.Popen | None = None
        self.expected_exit = False

    def start(self) -> "Child":
        self.expected_exit = False
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(self.args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            env=self.env, start_new_session=True)
        return self

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def signal(self, sig: int) -> None:
        """Sends `sig` to the child's whole process group (it was started in a session of its own)."""
        self.expected_exit = True
        if self.running():
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass

    def stop(self, grace: float = 10.0) -> int | None:
        """SIGTERM, then SIGKILL after `grace` seconds; returns the exit code."""
        if self.process is None:
            return None
        self.signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            return self.process.wait(timeout=10)

    def log_tail(self, lines: int = 20) -> str:
        try:
            with open(self.log_path, "rb") as log:
                log.seek(0, os.SEEK_END)
                log.seek(max(0, log.tell() - 64 * 1024))
                return "\n".join(log.read().decode("utf-8", "replace").splitlines()[-lines:])
        except OSError as error:
            return f"(no log: {error})"


class ChildRegistry:
    """Every child started during the run, so that all of them are ended on success, failure or Ctrl-C."""

    def __init__(self):
        self._children: list[Child] = []
        self._lock = threading.Lock()

    def add(self, child: Child) -> Child:
        with self._lock:
            self._children.append(child)
        return child

    def stop_all(self) -> None:
        with self._lock:
            children = list(reversed(self._children))
        for child in children:
            try:
                child.stop(grace=5)
            except Exception as error:  # keep ending the others
                print(f"chaos: could not stop {child.name}: {error}", flush=True)
