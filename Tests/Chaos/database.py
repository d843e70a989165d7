"""Reads of the fleet's PostgreSQL database through psql (COPY … TO STDOUT as CSV), for the end-of-run checks."""
import csv
import io
import subprocess


class Database:
    """The database at `url`, queried with the `psql` client."""

    def __init__(self, url: str):
        self.url = url

    def rows(self, query: str, timeout: float = 60) -> list[dict]:
        """The rows of `query` as dictionaries keyed by column name."""
        result = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.url, "-c", f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)"],
            capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed ({result.returncode}): {result.stderr.strip()}")
        return list(csv.DictReader(io.StringIO(result.stdout)))

    def kafkas(self, organisation_prefix: str) -> dict[str, dict]:
        """Every kafka row of the run's organisations, soft-deleted ones included, by id."""
        rows = self.rows(
            "SELECT id, name, organisation_id, status, deleted_at IS NOT NULL AS deleted, bootstrap_server_host,"
            " bootstrap_dns_created, routes, routes_created, agent_reported_ready, canary_service_account_client_id,"
            " cluster_id, failed_reason,"
            " extract(epoch FROM status_changed_at) AS status_changed_at"
            f" FROM kafka_requests WHERE organisation_id LIKE '{organisation_prefix}%'")
        return {row["id"]: row for row in rows}

    def kafka_events(self) -> dict[str, list[dict]]:
        """Every kafka status event, per kafka in insertion order."""
        events: dict[str, list[dict]] = {}
        for row in self.rows("SELECT resource_id, seq, from_status, to_status, extract(epoch FROM occurred_at) AS at"
                             " FROM status_events WHERE resource_kind = 'kafka' ORDER BY resource_id, seq"):
            events.setdefault(row["resource_id"], []).append(row)
        return events

    def clusters(self) -> list[dict]:
        return self.rows("SELECT cluster_id, status, client_id FROM clusters WHERE deleted_at IS NULL")

    def statuses(self, organisation_prefix: str) -> dict[str, int]:
        """How many live kafkas of the run's organisations are in each status."""
        rows = self.rows("SELECT status, count(*) AS n FROM kafka_requests"
                         f" WHERE organisation_id LIKE '{organisation_prefix}%' AND deleted_at IS NULL GROUP BY status")
        return {row["status"]: int(row["n"]) for row in rows}
