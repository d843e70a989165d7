"""The daemon with its real Route53 adapter against a Route53 emulator (moto_server): records appear and disappear."""
import json
import os
import shutil
import subprocess

import boto3
import pytest
import requests

from conftest import Daemon, ctl, free_port, token_for, wait_for

MOTO = os.environ.get("KAFKAFLEET_MOTO_SERVER") or shutil.which("moto_server")
ZONE = "kafka.kafkafleet.test"


@pytest.fixture
def route53():
    if not MOTO:
        pytest.skip("moto_server not found (set KAFKAFLEET_MOTO_SERVER)")
    port = free_port()
    process = subprocess.Popen([MOTO, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: requests.get(f"{endpoint}/moto-api/data.json", timeout=2).status_code == 200, what="moto_server")
        client = boto3.client("route53", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="testing", aws_secret_access_key="testing")
        zone = client.create_hosted_zone(Name=ZONE, CallerReference="e2e")["HostedZone"]["Id"]
        yield endpoint, client, zone
    finally:
        process.kill()
        process.wait()


def cnames(client, zone):
    records = client.list_resource_record_sets(HostedZoneId=zone)["ResourceRecordSets"]
    return {r["Name"].rstrip("."): r["ResourceRecords"][0]["Value"] for r in records if r["Type"] == "CNAME"}


def test_a_kafka_gets_and_loses_its_route53_records(data_dir, route53):
    endpoint, client, zone = route53
    daemon = Daemon(data_dir, ["--route53-hosted-zone-name", ZONE, "--route53-endpoint", endpoint, "--kafka-domain", ZONE,
                               "--aws-access-key-id", "testing", "--aws-secret-access-key", "testing"]).start()
    try:
        env = {"KAFKAFLEET_TOKEN": token_for(data_dir), "KAFKAFLEET_URL": daemon.url}
        kafka = json.loads(ctl("kafkas", "create", "--name", "dns-demo", "--wait", "--output", "json", env=env).stdout)
        host = kafka["bootstrap_server_host"].removesuffix(":443")

        records = cnames(client, zone)
        assert host in records
        assert f"admin-server-{host}" in records
        assert records[host].startswith("router-default.")

        ctl("kafkas", "delete", kafka["id"], "--wait", env=env)
        assert not any(name.endswith(host) for name in cnames(client, zone))
    finally:
        daemon.stop()
