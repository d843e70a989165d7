"""A counting proxy in front of moto_server's Route53: every request is passed through; each applied
ChangeResourceRecordSets batch is parsed and recorded per record name.

A name's *creation* is a change that makes it exist (CREATE or UPSERT of a name absent from the zone); an UPSERT of
a name that exists is a *rewrite* (the control plane's writes are idempotent upserts, so a repeated pass rewrites);
a *deletion* is an applied DELETE of a name that exists (moto also accepts a DELETE of a missing name, which is
counted apart). Change batches are forwarded one at a time, so the ledger's view of which names
exist is exact; at the end `zone_names()` reads moto's zone to confirm it.
"""
import collections
import http.client
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler

from quiet_server import QuietHTTPServer

NAMESPACE = "{https://route53.amazonaws.com/doc/2013-04-01/}"
# moto_server picks the service by the credential scope of the Authorization header; it does not check signatures.
MOTO_ROUTE53 = {"Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/route53/aws4_request,"
                                 " SignedHeaders=host, Signature=0"}


def plain_name(name: str) -> str:
    """A record name in lower case without the trailing dot."""
    return name.strip().lower().rstrip(".")


class RecordLedger:
    """Which names exist, and how often each was created, rewritten and deleted."""

    def __init__(self):
        self.lock = threading.Lock()
        self.present: dict[str, str] = {}
        self.created = collections.Counter()
        self.rewritten = collections.Counter()
        self.deleted = collections.Counter()
        self.absent_deletes = collections.Counter()  # DELETEs of a name that did not exist (moto applies them)
        self.refused_batches = 0
        self.batches = 0
        self.history: dict[str, list[tuple[float, str]]] = {}  # name -> [(wall-clock time, "created" | ...)]

    def _record(self, name: str, what: str) -> None:
        self.history.setdefault(name, []).append((time.time(), what))

    def apply(self, batch: bytes) -> None:
        """Records an applied batch (call with `lock` held)."""
        self.batches += 1
        root = ET.fromstring(batch)
        for change in root.iter(f"{NAMESPACE}Change"):
            action = change.findtext(f"{NAMESPACE}Action", "")
            record = change.find(f"{NAMESPACE}ResourceRecordSet")
            if record is None or record.findtext(f"{NAMESPACE}Type") != "CNAME":
                continue
            name = plain_name(record.findtext(f"{NAMESPACE}Name", ""))
            value = record.findtext(f"{NAMESPACE}ResourceRecords/{NAMESPACE}ResourceRecord/{NAMESPACE}Value", "")
            if action in ("CREATE", "UPSERT"):
                if name in self.present:
                    self.rewritten[name] += 1
                else:
                    self.created[name] += 1
                    self._record(name, "created")
                self.present[name] = value
            elif action == "DELETE" and name in self.present:
                self.deleted[name] += 1
                self._record(name, "deleted")
                del self.present[name]
            elif action == "DELETE":
                self.absent_deletes[name] += 1


class Route53Ledger:
    """The proxy on 127.0.0.1:`port`, forwarding to moto at `upstream_port`."""

    def __init__(self, port: int, upstream_port: int):
        self.ledger = RecordLedger()
        self.url = f"http://127.0.0.1:{port}"
        self.upstream_port = upstream_port
        self.server = QuietHTTPServer(("127.0.0.1", port), _handler(self.ledger, upstream_port))
        self.thread = threading.Thread(target=self.server.serve_forever, name="route53-ledger", daemon=True)

    def start(self) -> "Route53Ledger":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def create_zone(self, name: str) -> str:
        """Creates a hosted zone directly on moto and returns its bare id."""
        body = (f'<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest xmlns="{NAMESPACE[1:-1]}">'
                f"<Name>{name}</Name><CallerReference>chaos</CallerReference></CreateHostedZoneRequest>").encode()
        status, answer, _ = _forward("POST", "/2013-04-01/hostedzone", {"Content-Type": "text/xml", **MOTO_ROUTE53}, body, self.upstream_port)
        if status not in (200, 201):
            raise RuntimeError(f"moto refused the hosted zone: {status} {answer[:300]!r}")
        zone_id = ET.fromstring(answer).findtext(f"{NAMESPACE}HostedZone/{NAMESPACE}Id", "")
        return zone_id.removeprefix("/hostedzone/")

    def zone_names(self, zone_id: str) -> set[str]:
        """The CNAME names moto holds in the zone, read page by page."""
        names: set[str] = set()
        query = {"maxitems": "300"}
        for _ in range(10_000):
            path = f"/2013-04-01/hostedzone/{zone_id}/rrset?{urllib.parse.urlencode(query)}"
            status, answer, _ = _forward("GET", path, MOTO_ROUTE53, b"", self.upstream_port)
            if status != 200:
                raise RuntimeError(f"moto could not list the zone: {status} {answer[:300]!r}")
            page = ET.fromstring(answer)
            for record in page.iter(f"{NAMESPACE}ResourceRecordSet"):
                if record.findtext(f"{NAMESPACE}Type") == "CNAME":
                    names.add(plain_name(record.findtext(f"{NAMESPACE}Name", "")))
            if page.findtext(f"{NAMESPACE}IsTruncated") != "true":
                return names
            query = {"maxitems": "300", "name": page.findtext(f"{NAMESPACE}NextRecordName", ""),
                     "type": page.findtext(f"{NAMESPACE}NextRecordType", "")}
        raise RuntimeError("the zone listing did not end")


def _forward(method: str, path: str, headers: dict, body: bytes, port: int) -> tuple[int, bytes, list]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, response.getheaders()
    finally:
        connection.close()


def _handler(ledger: RecordLedger, upstream_port: int):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def _proxy(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            headers = {name: value for name, value in self.headers.items()
                       if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length")}
            is_change = self.command == "POST" and urllib.parse.urlsplit(self.path).path.rstrip("/").endswith("/rrset")
            try:
                if is_change:
                    with ledger.lock:
                        status, data, answer_headers = _forward(self.command, self.path, headers, body, upstream_port)
                        if 200 <= status < 300:
                            ledger.apply(body)
                        else:
                            ledger.refused_batches += 1
                else:
                    status, data, answer_headers = _forward(self.command, self.path, headers, body, upstream_port)
            except OSError as error:
                status, data, answer_headers = 502, f"proxy: {error}".encode(), []
            self.send_response(status)
            for name, value in answer_headers:
                if name.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_DELETE = do_PUT = _proxy

    return Handler
