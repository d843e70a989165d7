"""The API server as a hostile client meets it over a socket: oversized heads and bodies get the catalogue's error body,
a slow head and a flood of connections are cut off, and the server keeps serving."""
import json
import socket
import time

import pytest
import requests

from conftest import Daemon, token_for, wait_for

BASE = "/api/kafkas_mgmt/v1"


@pytest.fixture
def limited(data_dir):
    daemon = Daemon(data_dir, extra_args=["--header-read-timeout", "1", "--max-connections", "8", "--max-body-size", "65536",
                                          "--idle-timeout", "30"]).start()
    yield daemon
    daemon.stop()


def exchange(daemon, raw, timeout=10):
    """Sends raw bytes and reads until the server closes the connection (or the timeout); returns what it sent back."""
    with socket.create_connection(("127.0.0.1", daemon.port), timeout=timeout) as sock:
        try:
            sock.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except ConnectionResetError:
            pass
        return received


def error_of(answer):
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body)


def test_a_100kb_uri_is_414_with_the_error_body(limited):
    status, body = error_of(exchange(limited, b"GET /api/kafkas_mgmt/v1/kafkas?search=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert status == 414 and body["code"] == "KAFKAS-MGMT-414"


def test_a_1mb_header_is_431_with_the_error_body(limited):
    status, body = error_of(exchange(limited, b"GET /api/kafkas_mgmt HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 1_000_000 + b"\r\n\r\n"))
    assert status == 431 and body["code"] == "KAFKAS-MGMT-431"


def test_a_20kb_header_is_431_and_the_connection_stays_usable(limited):
    answer = requests.get(f"{limited.url}/api/kafkas_mgmt", headers={"X-Big": "b" * 20_000}, timeout=10)
    assert answer.status_code == 431 and answer.json()["code"] == "KAFKAS-MGMT-431"


def test_a_garbled_request_is_400_with_the_error_body(limited):
    status, body = error_of(exchange(limited, b"\x16\x03\x01 hello\r\n\r\n"))
    assert status == 400 and body["code"] == "KAFKAS-MGMT-17"


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_limit_is_413(limited, chunked):
    headers = {"Authorization": f"Bearer {token_for(limited.data_dir)}", "Content-Type": "application/json"}
    body = json.dumps({"name": "big", "marketplace": "m" * 100_000}).encode()
    data = iter([body[i:i + 8192] for i in range(0, len(body), 8192)]) if chunked else body
    answer = requests.post(f"{limited.url}{BASE}/kafkas?async=true", data=data, headers=headers, timeout=10)
    assert answer.status_code == 413 and answer.json()["code"] == "KAFKAS-MGMT-413"


def test_a_text_plain_body_is_415(limited):
    headers = {"Authorization": f"Bearer {token_for(limited.data_dir)}", "Content-Type": "text/plain"}
    answer = requests.post(f"{limited.url}{BASE}/kafkas?async=true", data='{"name":"plain"}', headers=headers, timeout=10)
    assert answer.status_code == 415 and answer.json()["code"] == "KAFKAS-MGMT-415"


def test_a_head_sent_a_byte_at_a_time_is_cut_off_after_the_header_timeout(limited):
    with socket.create_connection(("127.0.0.1", limited.port), timeout=10) as sock:
        start = time.monotonic()
        closed = False
        for byte in b"GET /api/kafkas_mgmt HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"s" * 200:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.05)
            if time.monotonic() - start > 8:
                break
        if not closed:
            sock.settimeout(5)
            try:
                closed = sock.recv(1) == b""
            except ConnectionResetError:
                closed = True
        assert closed, "the server kept a slow head open past its header read timeout"
        assert time.monotonic() - start < 6
    assert requests.get(f"{limited.url}/api/kafkas_mgmt", timeout=10).status_code == 200


def test_connections_beyond_the_maximum_are_closed_and_service_resumes(limited):
    # Each held connection is proven admitted by a request answered on it (kept alive); the daemon's own agents may
    # hold some of the 8 places too, so connections are opened until one is refused.
    held, refused = [], False
    try:
        for _ in range(16):
            sock = socket.create_connection(("127.0.0.1", limited.port), timeout=5)
            held.append(sock)
            try:
                sock.sendall(b"GET /api/kafkas_mgmt HTTP/1.1\r\nHost: x\r\n\r\n")
                answered = sock.recv(65536).startswith(b"HTTP/1.1 200")
            except (ConnectionResetError, BrokenPipeError):
                answered = False
            if not answered:
                refused = True
                break
        assert refused, "16 connections were all served with a maximum of 8"
        assert len(held) - 1 <= 8
    finally:
        for sock in held:
            sock.close()
    wait_for(lambda: requests.get(f"{limited.url}/api/kafkas_mgmt", timeout=2).status_code == 200, timeout=10,
             what="service after the held connections closed")


def test_creates_beyond_the_organisation_rate_limit_are_429_with_retry_after(data_dir):
    daemon = Daemon(data_dir, extra_args=["--org-rate-limit", "2"]).start()
    try:
        headers = {"Authorization": f"Bearer {token_for(data_dir)}"}
        answers = [requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": f"rated-{i}"}, headers=headers, timeout=10)
                   for i in range(3)]
        assert [answer.status_code for answer in answers] == [202, 202, 429]
        assert answers[2].json()["code"] == "KAFKAS-MGMT-429" and int(answers[2].headers["Retry-After"]) >= 1
        other = {"Authorization": f"Bearer {token_for(data_dir, 'org-2', 'bob')}"}
        assert requests.post(f"{daemon.url}{BASE}/kafkas?async=true", json={"name": "other"}, headers=other, timeout=10).status_code == 202
    finally:
        daemon.stop()
