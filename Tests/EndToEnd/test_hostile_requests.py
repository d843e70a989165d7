"""Requests that fuzzing found to crash the daemon, answer 5xx or get past a check, kept as fixed probes so that they
fail every run until fixed and guard the fixes afterwards. Each runs against a daemon of its own. A client mistake is
a 4xx (a body over the limit 413), a page far past the end an empty page; a token from a foreign issuer is refused (401, or 404 where the route hides)."""
import pytest
import requests

from conftest import token_for

BASE = "/api/kafkas_mgmt/v1"
FOREIGN_ISSUER = "https://issuer.example.com/auth/realms/elsewhere"
CLIENT_ERRORS = set(range(400, 500))


def user(data_dir):
    return token_for(data_dir, "org-1", "alice")


def admin(data_dir, *extra):
    return token_for(data_dir, "org-1", "operator", "--admin-role", "kas-fleet-manager-admin-full", *extra)


def agent(data_dir, *extra):
    return token_for(data_dir, "", "", "--agent-cluster-id", "kafkafleet-local", *extra)


def huge_body():
    return '{"name":"big","padding":"' + "a" * 3_000_000 + '"}'


@pytest.mark.parametrize("method,path,token,body,expected", [
    ("GET", "/kafkas?page=9223372036854775807", user, None, {200}),
    ("GET", "/admin/kafkas?page=9223372036854775807&size=65500", admin, None, {200}),
    ("POST", "/kafkas?async=true", user, '{"name":"bogus-billing","billing_model":"bogus"}', CLIENT_ERRORS),
    ("POST", "/kafkas?async=true", user, huge_body, {413}),
    ("GET", "/agent-clusters/kafkafleet-local", lambda d: agent(d, "--issuer", FOREIGN_ISSUER), None, {401, 404}),
    ("GET", "/admin/kafkas", lambda d: admin(d, "--issuer", FOREIGN_ISSUER), None, {401, 404}),
], ids=["page-overflow", "admin-page-overflow", "unknown-billing-model", "3-MB-body", "agent-foreign-issuer",
        "admin-foreign-issuer"])
def test_hostile_request_is_refused_with_a_4xx_and_the_daemon_stays_up(daemon, method, path, token, body, expected):
    payload = body() if callable(body) else body
    headers = {"Authorization": f"Bearer {token(daemon.data_dir)}", "Content-Type": "application/json"}
    try:
        answer = requests.request(method, f"{daemon.url}{BASE}{path}", data=payload, headers=headers, timeout=30)
        status, text = answer.status_code, answer.text[:300]
    except requests.ConnectionError as error:
        status, text = None, str(error)
    assert daemon.process.poll() is None, f"kafkafleetd died on {method} {path}"
    assert status in expected, f"{method} {path}: {status} {text}"
