"""The Kubernetes manifests (deploy/k8s/), checked offline: every resource validates strictly
against the Kubernetes schemas (kubernetes-validate), the kustomizations name files that exist,
the autoscalers and patches point at real objects, and the probes use /health/."""

import subprocess
import sys
from pathlib import Path

import yaml

from .production import BASE_DIR

K8S = BASE_DIR / "deploy" / "k8s"
BASE = K8S / "base"
PRODUCTION = K8S / "overlays" / "production"


def documents(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def base_objects() -> dict[tuple[str, str], dict]:
    kustomization = documents(BASE / "kustomization.yaml")[0]
    objects = {}
    for name in kustomization["resources"]:
        for doc in documents(BASE / name):
            objects[(doc["kind"], doc["metadata"]["name"])] = doc
    return objects


def test_manifests_validate_strictly():
    kustomization = documents(BASE / "kustomization.yaml")[0]
    files = [BASE / name for name in kustomization["resources"]]
    overlay = documents(PRODUCTION / "kustomization.yaml")[0]
    files += [PRODUCTION / name for name in overlay["resources"] if not name.startswith("..")]
    done = subprocess.run(
        [Path(sys.executable).parent / "kubernetes-validate", "--strict", "--quiet", *files],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_wrong_manifest_is_caught(tmp_path):
    deployment = base_objects()[("Deployment", "anihata-backend")]
    deployment["spec"]["replica"] = 2  # a typo
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(deployment))
    done = subprocess.run(
        [Path(sys.executable).parent / "kubernetes-validate", "--strict", tmp_path / "bad.yaml"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0


def test_the_pieces_fit():
    objects = base_objects()
    deployments = {name for kind, name in objects if kind == "Deployment"}
    assert {"anihata-backend", "anihata-worker", "anihata-beat", "anihata-frontend",
            "anihata-nginx"} <= deployments  # fmt: skip
    assert objects[("Deployment", "anihata-beat")]["spec"]["replicas"] == 1
    autoscaled = {
        doc["spec"]["scaleTargetRef"]["name"]
        for (kind, _), doc in objects.items()
        if kind == "HorizontalPodAutoscaler"
    }
    assert autoscaled == {"anihata-backend", "anihata-frontend", "anihata-worker"}
    backend = objects[("Deployment", "anihata-backend")]["spec"]["template"]["spec"]
    probes = backend["containers"][0]
    assert probes["readinessProbe"]["httpGet"]["path"] == "/health/"
    assert probes["startupProbe"]["httpGet"]["path"] == "/health/"
    assert ("CronJob", "anihata-backup") in objects
    # The overlay's patches change objects the base has.
    overlay = documents(PRODUCTION / "kustomization.yaml")[0]
    for patch in overlay["patches"]:
        for doc in documents(PRODUCTION / patch["path"]):
            assert (doc["kind"], doc["metadata"]["name"]) in objects


def test_nginx_template_matches_compose():
    copy = BASE / "nginx" / "default.conf.template"
    assert copy.read_text() == (BASE_DIR / "docker/nginx/default.conf.template").read_text()
