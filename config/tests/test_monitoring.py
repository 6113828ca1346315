"""Monitoring (docker/prometheus/, docker/grafana/): Debian's promtool accepts the scrape
configuration and the alert rules and the rules' unit tests pass; the Grafana dashboards are
valid JSON whose queries name only metrics our /metrics exports."""

import json
import re
import shutil
import subprocess

import pytest
import yaml

from .production import BASE_DIR

PROMETHEUS = BASE_DIR / "docker" / "prometheus"
GRAFANA = BASE_DIR / "docker" / "grafana"
PROMTOOL = shutil.which("promtool")
METRIC = re.compile(r"\b((?:django|anihata)_[a-z0-9_]+)\b")


@pytest.mark.skipif(not PROMTOOL, reason="needs Debian's prometheus package (promtool)")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "config", "prometheus.yml"],
        ["check", "rules", "alerts.yml"],
        ["test", "rules", "alerts_test.yml"],
    ],  # fmt: skip
)
def test_promtool(args):
    done = subprocess.run([PROMTOOL, *args], cwd=PROMETHEUS, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SUCCESS" in done.stdout


@pytest.fixture
def exported(client, db) -> set[str]:
    client.get("/api/v2/titles/")  # so the request histograms have samples
    text = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
    names = set()
    for name, kind in re.findall(r"^# TYPE (\S+) (\S+)", text, re.M):
        names.add(name)
        if kind == "counter":
            names.add(f"{name}_total")
        elif kind == "histogram":
            names.update({f"{name}_bucket", f"{name}_sum", f"{name}_count"})
    return names


def dashboard_queries() -> list[str]:
    queries = []
    for path in sorted((GRAFANA / "dashboards").glob("*.json")):
        board = json.loads(path.read_text())
        assert board["uid"] and board["panels"], path
        queries += [target["expr"] for panel in board["panels"] for target in panel["targets"]]
    return queries


def test_dashboards_and_alerts_use_exported_metrics(exported):
    titles = {json.loads(p.read_text())["title"] for p in (GRAFANA / "dashboards").glob("*.json")}
    assert len(titles) == 5  # requests, latency, errors, Celery, business figures
    rules = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())
    alert_queries = [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    for query in dashboard_queries() + alert_queries:
        used = set(METRIC.findall(query))
        assert used - exported == set(), query
    referenced = {name for q in dashboard_queries() for name in METRIC.findall(q)}
    assert {"anihata_celery_queue_length", "anihata_video_sources"} <= referenced


def test_grafana_provisioning_points_at_the_dashboards():
    provider = yaml.safe_load((GRAFANA / "provisioning/dashboards/anihata.yml").read_text())
    assert provider["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"
    source = yaml.safe_load((GRAFANA / "provisioning/datasources/prometheus.yml").read_text())
    boards = [json.loads(p.read_text()) for p in (GRAFANA / "dashboards").glob("*.json")]
    uids = {
        t["datasource"]["uid"] for b in boards for panel in b["panels"] for t in panel["targets"]
    }
    assert uids == {source["datasources"][0]["uid"]}
