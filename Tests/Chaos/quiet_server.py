"""The stand-ins' HTTP server: threaded, and silent about clients that hang up mid-request (a killed replica does)."""
import sys
from http.server import ThreadingHTTPServer


class QuietHTTPServer(ThreadingHTTPServer):
    """A `ThreadingHTTPServer` whose handler threads die with the harness and that ignores dropped connections."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)
