"""A TCP round-robin balancer in front of the replicas, for the simulated agents (as a load balancer would be in
production): each new connection goes to the next replica that accepts it, so an agent keeps reporting while the
replica it last used is down."""
import socket
import threading


class Balancer:
    """Listens on 127.0.0.1:`port` and pipes each connection to one of `backends` (ports on 127.0.0.1)."""

    def __init__(self, port: int, backends: list[int]):
        self.url = f"http://127.0.0.1:{port}"
        self.backends = backends
        self._next = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", port), backlog=128)
        self._closed = False
        self._thread = threading.Thread(target=self._accept, name="balancer", daemon=True)

    def start(self) -> "Balancer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with self._lock:
            start = self._next
            self._next = (self._next + 1) % len(self.backends)
        upstream = None
        for offset in range(len(self.backends)):
            port = self.backends[(start + offset) % len(self.backends)]
            try:
                upstream = socket.create_connection(("127.0.0.1", port), timeout=2)
                upstream.settimeout(None)
                break
            except OSError:
                continue
        if upstream is None:
            client.close()
            return
        threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()
        _pipe(client, upstream)


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copies bytes until either side closes, then closes both."""
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        for s in (source, target):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
