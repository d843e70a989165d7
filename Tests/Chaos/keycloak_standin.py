"""A Keycloak stand-in: only the admin REST calls of Sources/KafkaFleetProviders/Keycloak*.swift, with counters.

Served under the `/auth` context path (the daemon's default):

- POST /auth/realms/{realm}/protocol/openid-connect/token   client-credentials grant (form)
- POST /auth/admin/realms/{realm}/clients                    create: 201 with Location, 409 when the clientId exists
- GET  /auth/admin/realms/{realm}/clients?clientId=X         find by client id; ?q=attr:value&first=&max= search
- GET  /auth/admin/realms/{realm}/clients/{id}               one client, 404 when missing
- GET  /auth/admin/realms/{realm}/clients/{id}/client-secret the secret
- POST /auth/admin/realms/{realm}/clients/{id}/client-secret a new secret
- DELETE /auth/admin/realms/{realm}/clients/{id}             204, 404 when missing

Per client id it counts creations (201), refused duplicates (409), deletions of an existing client (204) and
deletions of a missing one (404), so that the chaos checks can tell "created exactly once" from "asked twice".
"""
import collections
import json
import secrets
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler

from quiet_server import QuietHTTPServer


class ClientLedger:
    """The clients that exist and what happened to each client id."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clients: dict[str, dict] = {}  # internal id -> representation (with "secret")
        self.created = collections.Counter()
        self.duplicates = collections.Counter()
        self.deleted = collections.Counter()
        self.missing_deletes = collections.Counter()
        self.history: dict[str, list[tuple[float, str]]] = {}  # client id -> [(wall-clock time, "created" | "deleted")]

    def record(self, client_id: str, what: str) -> None:
        """Notes a creation or deletion (call with `lock` held)."""
        self.history.setdefault(client_id, []).append((time.time(), what))

    def present_client_ids(self) -> set[str]:
        with self.lock:
            return {client["clientId"] for client in self.clients.values()}


class KeycloakStandIn:
    """The stand-in's HTTP server on 127.0.0.1:`port`, in a background thread."""

    def __init__(self, port: int, realm: str, admin_client_id: str, admin_secret: str):
        self.ledger = ClientLedger()
        self.url = f"http://127.0.0.1:{port}"
        handler = _handler(self.ledger, self.url, realm, admin_client_id, admin_secret)
        self.server = QuietHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="keycloak-standin", daemon=True)

    def start(self) -> "KeycloakStandIn":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(ledger: ClientLedger, base_url: str, realm: str, admin_client_id: str, admin_secret: str):
    tokens: set[str] = set()
    admin_prefix = f"/auth/admin/realms/{realm}/clients"
    token_path = f"/auth/realms/{realm}/protocol/openid-connect/token"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body=None, headers: dict | None = None):
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            if body is not None:
                self.send_header("Content-Type", "application/json")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            return header.startswith("Bearer ") and header[7:] in tokens

        def _route(self):
            """(internal id or None, tail or None, query) of an admin clients path, or None for another path."""
            parsed = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(parsed.query)
            if parsed.path == admin_prefix:
                return None, None, query
            if parsed.path.startswith(admin_prefix + "/"):
                parts = parsed.path[len(admin_prefix) + 1:].split("/")
                return urllib.parse.unquote(parts[0]), "/".join(parts[1:]) or None, query
            return "not-admin"

        def _admitted_route(self):
            """The admin route of an authorised request; otherwise answers 404 or 401 itself and returns None."""
            route = self._route()
            if route == "not-admin":
                self._send(404, {"error": "not found"})
                return None
            if not self._authorised():
                self._send(401, {"error": "HTTP 401 Unauthorized"})
                return None
            return route

        def do_POST(self):
            body = self._body()
            if urllib.parse.urlsplit(self.path).path == token_path:
                form = urllib.parse.parse_qs(body.decode())
                if form.get("client_id") == [admin_client_id] and form.get("client_secret") == [admin_secret]:
                    token = secrets.token_hex(16)
                    with ledger.lock:
                        tokens.add(token)
                    return self._send(200, {"access_token": token, "expires_in": 300, "token_type": "Bearer"})
                return self._send(401, {"error": "unauthorized_client"})
            route = self._admitted_route()
            if route is None:
                return
            internal_id, tail, _ = route
            if internal_id is None:
                try:
                    representation = json.loads(body)
                    client_id = representation["clientId"]
                except (ValueError, KeyError, TypeError):
                    return self._send(400, {"errorMessage": "invalid client representation"})
                with ledger.lock:
                    if any(c["clientId"] == client_id for c in ledger.clients.values()):
                        ledger.duplicates[client_id] += 1
                        return self._send(409, {"errorMessage": f"Client {client_id} already exists"})
                    new_id = str(uuid.uuid4())
                    representation.update(id=new_id, secret=secrets.token_hex(12))
                    ledger.clients[new_id] = representation
                    ledger.created[client_id] += 1
                    ledger.record(client_id, "created")
                return self._send(201, None, {"Location": f"{base_url}{admin_prefix}/{new_id}"})
            if tail == "client-secret":
                with ledger.lock:
                    client = ledger.clients.get(internal_id)
                    if client is None:
                        return self._send(404, {"error": "Could not find client"})
                    client["secret"] = secrets.token_hex(12)
                    return self._send(200, {"type": "secret", "value": client["secret"]})
            return self._send(404, {"error": "not found"})

        def do_GET(self):
            route = self._admitted_route()
            if route is None:
                return
            internal_id, tail, query = route
            with ledger.lock:
                if internal_id is None:
                    clients = list(ledger.clients.values())
                    if "clientId" in query:
                        clients = [c for c in clients if c["clientId"] == query["clientId"][0]]
                    if "q" in query:
                        key, _, value = query["q"][0].partition(":")
                        clients = [c for c in clients if (c.get("attributes") or {}).get(key) == value]
                    first = int(query.get("first", ["0"])[0])
                    maximum = int(query.get("max", ["100"])[0])
                    page = [_public(c) for c in clients[first:first + maximum]]
                    return self._send(200, page)
                client = ledger.clients.get(internal_id)
                if client is None:
                    return self._send(404, {"error": "Could not find client"})
                if tail == "client-secret":
                    return self._send(200, {"type": "secret", "value": client["secret"]})
                if tail is None:
                    return self._send(200, _public(client))
            return self._send(404, {"error": "not found"})

        def do_DELETE(self):
            route = self._admitted_route()
            if route is None:
                return
            internal_id, tail, _ = route
            if internal_id is None or tail is not None:
                return self._send(405, {"error": "method not allowed"})
            with ledger.lock:
                client = ledger.clients.pop(internal_id, None)
                if client is None:
                    ledger.missing_deletes[internal_id] += 1
                    return self._send(404, {"error": "Could not find client"})
                ledger.deleted[client["clientId"]] += 1
                ledger.record(client["clientId"], "deleted")
            return self._send(204)

    return Handler


def _public(client: dict) -> dict:
    return {key: value for key, value in client.items() if key != "secret"}
