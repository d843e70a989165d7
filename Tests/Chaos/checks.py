"""The end-of-run checks. Each returns a list of violations (sentences with the evidence) and adds what it counted
to `counts`."""
import json

from load import Outcome

# Mirrors KafkaLifecycle.transitions (Sources/KafkaFleetCore/Domain/KafkaLifecycle.swift); the store records a
# soft delete as a move to "deleted", which the deleting worker makes from deleting or deprovision.
LEGAL_MOVES = {
    "": {"accepted"},
    "accepted": {"preparing", "failed", "deprovision"},
    "preparing": {"provisioning", "failed", "deprovision"},
    "provisioning": {"ready", "failed", "deprovision"},
    "ready": {"failed", "deprovision", "suspending"},
    "failed": {"deprovision"},
    "deprovision": {"deleting", "deleted"},
    "deleting": {"deleted"},
    "suspending": {"suspended", "deprovision"},
    "suspended": {"resuming", "deprovision"},
    "resuming": {"ready", "failed", "deprovision"},
    "deleted": set(),
}


def accepted_rows(outcome: Outcome, kafkas: dict, counts: dict) -> list[str]:
    """Every 202 has its row; every row of the run was answered 202, or is a create whose answer was lost."""
    violations = []
    answered = {**outcome.created, **outcome.recovered}
    for kafka_id, record in sorted(outcome.created.items()):
        if kafka_id not in kafkas:
            violations.append(f"kafka {kafka_id} ({record['name']}) was answered 202 but has no row")
    for kafka_id, row in sorted(kafkas.items()):
        if kafka_id not in answered and (row["organisation_id"], row["name"]) not in outcome.unknown_names:
            violations.append(f"kafka {kafka_id} ({row['name']}) has a row but was never accepted")
    counts["202 answers to creates"] = len(outcome.created)
    counts["creates whose 202 was lost, found by name"] = len(outcome.recovered)
    counts["rows checked"] = len(kafkas)
    return violations


def final_states(outcome: Outcome, kafkas: dict, events: dict, when, counts: dict) -> list[str]:
    """A kafka whose deletion was accepted is deleted; every other kafka is ready and not deleted. A DELETE answered
    404 after an attempt of unknown outcome is right only if the kafka is deleted."""
    violations = []
    ready = deleted = 0
    for kafka_id, row in sorted(kafkas.items()):
        is_deleted = row["deleted"] == "t"
        if kafka_id in outcome.deletes_answered_404 and not is_deleted:
            violations.append(f"DELETE /kafkas/{kafka_id} was answered 404 although the kafka exists (status"
                              f" {row['status']}); attempts (time, replica, answer): {outcome.deletes_answered_404[kafka_id]};"
                              f" events: {history(events, kafka_id, when)}")
        if kafka_id in outcome.deletes:
            if is_deleted:
                deleted += 1
            else:
                violations.append(f"kafka {kafka_id} ({row['name']}) is stuck in {row['status']}: its deletion was"
                                  f" accepted at {when(outcome.deletes[kafka_id]['wall'])} but it was never deleted"
                                  f"{_reason(row)}; events: {history(events, kafka_id, when)}")
        elif is_deleted:
            if kafka_id in outcome.deletes_answered_404:
                deleted += 1
            else:
                violations.append(f"kafka {kafka_id} ({row['name']}) was deleted although nobody deleted it;"
                                  f" events: {history(events, kafka_id, when)}")
        elif row["status"] == "ready":
            ready += 1
        else:
            violations.append(f"kafka {kafka_id} ({row['name']}) is stuck in {row['status']}{_reason(row)}"
                              f" (cluster {row['cluster_id'] or '-'}, agent_reported_ready {row['agent_reported_ready']},"
                              f" routes_created {row['routes_created']}, bootstrap host {row['bootstrap_server_host'] or '-'});"
                              f" events: {history(events, kafka_id, when)}")
    counts["kafkas ready at the end"] = ready
    counts["kafkas deleted at the end"] = deleted
    return violations


def status_history(kafkas: dict, events: dict, counts: dict) -> list[str]:
    """Each kafka's events form one chain: created as accepted, every move legal, each starting where the previous
    ended, the last ending in the kafka's status (or "deleted"); a kafka that went through failed is reported too."""
    violations = []
    checked = 0
    for kafka_id, row in sorted(kafkas.items()):
        chain = events.get(kafka_id, [])
        checked += len(chain)
        moves = [f"{e['from_status'] or '∅'}→{e['to_status']}" for e in chain]
        previous = ""
        for event in chain:
            if event["from_status"] != previous:
                violations.append(f"kafka {kafka_id}: status events have a gap ({previous or '∅'} then"
                                  f" {event['from_status']}→{event['to_status']}): {' '.join(moves)}")
                break
            if event["to_status"] not in LEGAL_MOVES.get(previous, set()):
                violations.append(f"kafka {kafka_id}: illegal move {previous or '∅'}→{event['to_status']}: {' '.join(moves)}")
                break
            previous = event["to_status"]
        else:
            final = "deleted" if row["deleted"] == "t" else row["status"]
            if previous != final:
                violations.append(f"kafka {kafka_id}: last event ends in {previous or 'nothing'} but the kafka is {final}:"
                                  f" {' '.join(moves)}")
        if any(e["to_status"] == "failed" for e in chain):
            violations.append(f"kafka {kafka_id} went through failed{_reason(row)}: {' '.join(moves)}")
    counts["status events checked"] = checked
    return violations


def dns_records(kafkas: dict, events: dict, ledger, zone_names: set[str], when, counts: dict) -> list[str]:
    """Each record of a kafka was created exactly once; a ready kafka has all its records (its bootstrap host and
    every reported route) and none was deleted; a deleted kafka's records were each deleted exactly once."""
    violations = []
    with ledger.lock:
        created, rewritten, deleted = dict(ledger.created), dict(ledger.rewritten), dict(ledger.deleted)
        present = set(ledger.present)
        record_history = {name: list(entries) for name, entries in ledger.history.items()}

    def flag(name: str, kafka_id: str | None, text: str) -> None:
        evidence = f"; record history: {[(when(t), what) for t, what in record_history.get(name, [])]}"
        if kafka_id:
            evidence += f"; events: {history(events, kafka_id, when)}"
        violations.append(f"DNS record {name} {text}{evidence}")

    if present != zone_names:
        violations.append(f"the Route53 ledger and moto disagree: only in the ledger {sorted(present - zone_names)[:5]},"
                          f" only in moto {sorted(zone_names - present)[:5]}")
    by_kafka: dict[str, set[str]] = {}
    ids = {kafka_id.lower(): kafka_id for kafka_id in kafkas}
    for name in set(created) | set(deleted):
        owner = next((ids[part] for part in _labels(name) if part in ids), None)
        if owner is None:
            flag(name, None, "belongs to no kafka of the run")
            continue
        by_kafka.setdefault(owner, set()).add(name)
    for kafka_id, row in sorted(kafkas.items()):
        names = by_kafka.get(kafka_id, set())
        for name in sorted(names):
            if created.get(name, 0) != 1:
                flag(name, kafka_id, f"of kafka {kafka_id} was created {created.get(name, 0)} times")
        if row["deleted"] == "t":
            for name in sorted(names):
                if deleted.get(name, 0) != 1 or name in present:
                    flag(name, kafka_id, f"of deleted kafka {kafka_id} was deleted {deleted.get(name, 0)} times and"
                                         f" {'still exists' if name in present else 'is gone'}")
        elif row["status"] == "ready":
            expected = {row["bootstrap_server_host"].lower()} | {r["domain"].lower() for r in json.loads(row["routes"] or "[]")}
            for name in sorted(expected - names):
                flag(name, kafka_id, f"of ready kafka {kafka_id} was never created")
            for name in sorted(names):
                if deleted.get(name, 0) or name not in present:
                    flag(name, kafka_id, f"of ready kafka {kafka_id} was deleted {deleted.get(name, 0)} times and"
                                         f" {'exists' if name in present else 'is gone'}")
            for name in sorted(names - expected):
                flag(name, kafka_id, f"was created for ready kafka {kafka_id} but is not one of its records")
    counts["DNS records created"] = sum(created.values())
    counts["DNS records deleted"] = sum(deleted.values())
    counts["DNS records rewritten in place (idempotent upserts)"] = sum(rewritten.values())
    counts["DNS deletes of a record that did not exist"] = sum(ledger.absent_deletes.values())
    counts["DNS change batches (refused by Route53)"] = f"{ledger.batches} ({ledger.refused_batches})"
    return violations


def identity_clients(kafkas: dict, events: dict, clusters: list[dict], ledger, when, counts: dict) -> list[str]:
    """Each kafka's canary client and each cluster's agent client was created exactly once; a ready kafka's exists,
    a deleted kafka's was deleted exactly once; agent clients stay."""
    violations = []
    with ledger.lock:
        created, deleted = dict(ledger.created), dict(ledger.deleted)
        duplicates = sum(ledger.duplicates.values())
        missing = sum(ledger.missing_deletes.values())
    present = ledger.present_client_ids()
    known = set()
    for kafka_id, row in sorted(kafkas.items()):
        client = f"canary-{kafka_id.lower()}"
        known.add(client)
        made, gone = created.get(client, 0), deleted.get(client, 0)
        evidence = (f"; client history: {[(when(t), what) for t, what in ledger.history.get(client, [])]};"
                    f" kafka canary column: {row['canary_service_account_client_id'] or '(empty)'};"
                    f" events: {history(events, kafka_id, when)}")
        if row["deleted"] == "t":
            if made > 1 or gone != made or client in present:
                violations.append(f"canary client {client} of deleted kafka {kafka_id} was created {made} times,"
                                  f" deleted {gone} times{' and still exists' if client in present else ''}{evidence}")
        elif row["status"] == "ready":
            if made != 1 or gone != 0 or client not in present:
                violations.append(f"canary client {client} of ready kafka {kafka_id} was created {made} times,"
                                  f" deleted {gone} times{'' if client in present else ' and is missing'}{evidence}")
    for cluster in clusters:
        client = cluster["client_id"] or f"kas-fleetshard-agent-{cluster['cluster_id']}"
        known.add(client)
        if created.get(client, 0) != 1 or deleted.get(client, 0) != 0 or client not in present:
            violations.append(f"agent client {client} of cluster {cluster['cluster_id']} was created"
                              f" {created.get(client, 0)} times, deleted {deleted.get(client, 0)} times")
    for client in sorted(set(created) - known):
        violations.append(f"identity client {client} belongs to no kafka or cluster of the run")
    counts["identity clients created"] = sum(created.values())
    counts["identity clients deleted"] = sum(deleted.values())
    counts["identity client creates refused as existing (409)"] = duplicates
    counts["identity client deletes of a missing client (404)"] = missing
    return violations


def leadership(replicas, counts: dict) -> list[str]:
    """At the end every kafka worker is led by exactly one replica."""
    violations = []
    led: dict[str, list[int]] = {}
    for replica in replicas:
        for worker in replica.led_workers():
            led.setdefault(worker, []).append(replica.index)
    for worker in ("accepted_kafka", "preparing_kafka", "provisioning_kafka", "deleting_kafka", "cluster"):
        if len(led.get(worker, [])) != 1:
            violations.append(f"worker {worker} is led by replicas {led.get(worker, [])} at the end (expected exactly one)")
    counts["workers led at the end"] = ", ".join(f"{w}@{r}" for w, r in sorted(led.items()))
    return violations


def history(events: dict, kafka_id: str, when) -> str:
    """A kafka's status events as `from→to@time`."""
    return " ".join(f"{e['from_status'] or '∅'}→{e['to_status']}@{when(float(e['at']))}" for e in events.get(kafka_id, []))


def _labels(name: str) -> list[str]:
    """The pieces of a record name that may be a kafka id: every dash- or dot-separated part."""
    return name.replace(".", "-").split("-")


def _reason(row: dict) -> str:
    return f" (failed_reason: {row['failed_reason']})" if row.get("failed_reason") else ""
