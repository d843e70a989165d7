"""Readiness and shutdown when the database goes away (PostgreSQL, stopped and started by the test)."""
import os
import subprocess
import time

import pytest
import requests

from conftest import Daemon, wait_for


def readiness(daemon):
    answer = requests.get(f"http://127.0.0.1:{daemon.health_port}/readiness", timeout=10)
    return answer.status_code, answer.json()


def test_readiness_is_ready_on_a_healthy_daemon(daemon):
    status, body = wait_for(lambda: (lambda r: r if r[0] == 200 else None)(readiness(daemon)), what="readiness 200")
    assert status == 200
    assert body == {"status": "ready"}


def run(command):
    subprocess.run(["/bin/sh", "-c", command], check=True, stdout=subprocess.DEVNULL, timeout=120)


@pytest.mark.skipif(not (os.environ.get("KAFKAFLEET_E2E_DATABASE_URL") and os.environ.get("KAFKAFLEET_TEST_PG_STOP")
                         and os.environ.get("KAFKAFLEET_TEST_PG_START")),
                    reason="needs KAFKAFLEET_E2E_DATABASE_URL, KAFKAFLEET_TEST_PG_STOP and KAFKAFLEET_TEST_PG_START")
def test_sigterm_stops_the_daemon_within_its_bound_while_the_database_is_down(data_dir):
    shutdown_bound = 5
    daemon = Daemon(data_dir, ["--database-url", os.environ["KAFKAFLEET_E2E_DATABASE_URL"],
                               "--shutdown-timeout", str(shutdown_bound), "--store-timeout", "2"]).start()
    stopped = False
    try:
        wait_for(lambda: readiness(daemon)[0] == 200, what="the daemon to be ready")
        run(os.environ["KAFKAFLEET_TEST_PG_STOP"])
        stopped = True
        status, body = wait_for(lambda: (lambda r: r if r[0] == 503 else None)(readiness(daemon)), timeout=30,
                                what="readiness to answer 503 while the database is down")
        assert body["status"] == "not_ready"
        assert any("database unreachable" in reason for reason in body["reasons"]), body
        assert requests.get(f"http://127.0.0.1:{daemon.health_port}/healthcheck", timeout=5).status_code == 200, \
            "liveness stays ok: restarting the process would not bring the database back"

        started = time.monotonic()
        daemon.process.terminate()
        # The shutdown bound, then at most the 5 s cancellation bound, plus slack for a loaded machine.
        daemon.process.wait(timeout=shutdown_bound + 5 + 10)
        elapsed = time.monotonic() - started
        daemon.log.close()
        assert elapsed < shutdown_bound + 5 + 10
    finally:
        if daemon.process.poll() is None:
            daemon.process.kill()
            daemon.process.wait()
        if stopped:
            run(os.environ["KAFKAFLEET_TEST_PG_START"])
