"""The docker compose stack, checked without a Docker engine: the file validates against the
compose specification, every image it builds has its Dockerfile (multi-stage where it builds,
pinned bases, non-root), and every variable it reads — and every setting of docs/DESIGN.md — is
in .env.example."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from .production import BASE_DIR

COMPOSE = BASE_DIR / "docker-compose.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.compose-spec", path],
        capture_output=True,
        text=True,
        check=False,
    )


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_follows_the_compose_specification(tmp_path):
    done = validate(COMPOSE)
    assert done.returncode == 0, done.stdout + done.stderr
    broken = compose()
    broken["services"]["backend"]["restart_policy"] = "always"  # not a service key
    (tmp_path / "compose.yml").write_text(yaml.safe_dump(broken))
    assert validate(tmp_path / "compose.yml").returncode != 0


def test_every_built_image_has_its_dockerfile():
    services = compose()["services"]
    built = {name: s["build"] for name, s in services.items() if "build" in s}
    assert {"backend", "worker", "beat", "frontend", "postgres", "elasticsearch"} <= set(built)
    for name, build in built.items():
        context = BASE_DIR / build["context"]
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        assert dockerfile.is_file(), f"{name}: {dockerfile} is missing"
    # The worker and beat run the backend's image.
    assert services["worker"]["image"] == services["beat"]["image"] == services["backend"]["image"]


def test_dockerfiles_pin_their_bases_and_drop_root():
    for dockerfile in (BASE_DIR / "docker").glob("*/Dockerfile"):
        text = dockerfile.read_text()
        for base in re.findall(r"^FROM (\S+)", text, re.M):
            if base in re.findall(r"\bAS (\S+)", text):
                continue  # an earlier stage
            assert re.search(r":\d+\.\d+(\.\d+)?", base), f"{dockerfile}: {base} is not pinned"
        if dockerfile.parent.name in ("backend", "frontend"):
            assert text.count("FROM ") >= 2, f"{dockerfile} is not multi-stage"
            assert re.findall(r"^USER (\S+)", text, re.M)[-1] not in ("root", "0")


def env_example_names() -> set[str]:
    text = (BASE_DIR / ".env.example").read_text()
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", text, re.M))


def test_every_variable_compose_reads_is_in_env_example():
    text = COMPOSE.read_text().replace("$$", "")
    used = {
        name for name, default in re.findall(r"\$\{([A-Z0-9_]+)(:?-[^}]*)?\}", text) if not default
    }
    assert used, "no variables found"
    assert used - env_example_names() == set()


def test_every_design_setting_is_in_env_example():
    design = (BASE_DIR / "docs" / "DESIGN.md").read_text()
    section = design.split("## Settings", 1)[1].split("\n## ", 1)[0]
    settings = set(re.findall(r"`([A-Z][A-Z0-9_]{2,})`", section))
    assert {"SECRET_KEY", "METRICS_ALLOWED_NETWORKS", "STREAM_PROVIDER_HOSTS"} <= settings
    assert settings - env_example_names() == set()
