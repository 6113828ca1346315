"""Run Debian's nginx with our template (docker/nginx/default.conf.template) on local ports:
render it with envsubst as the nginx image does, wrap it in a minimal main configuration,
and start or test it."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from .production import BASE_DIR

TEMPLATE = BASE_DIR / "docker" / "nginx" / "default.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
VARIABLES = (
    "SERVER_NAME HTTP_PORT HTTPS_PORT HTTPS_REDIRECT_PORT TLS_CERTIFICATE TLS_CERTIFICATE_KEY "
    "BACKEND_ADDR FRONTEND_ADDR MEDIA_ROOT NGINX_CACHE_DIR MICROCACHE_SECONDS"
).split()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def render(folder: Path, values: dict[str, str]) -> Path:
    """The template through envsubst (only our variables, as the image's filter does) inside a
    main configuration that keeps every file nginx writes in `folder`."""
    assert set(values) == set(VARIABLES)
    rendered = subprocess.run(
        ["envsubst", " ".join(f"${{{name}}}" for name in VARIABLES)],
        input=TEMPLATE.read_text(), env={**os.environ, **values},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    (folder / "default.conf").write_text(rendered)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / sub).mkdir(exist_ok=True)
    main = folder / "nginx.conf"
    main.write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  include {folder}/default.conf;
}}
""")
    return main


def test_config(main: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NGINX, "-t", "-p", str(main.parent), "-c", str(main)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def start(main: Path, port: int) -> subprocess.Popen:
    log = open(main.parent / "access.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [NGINX, "-p", str(main.parent), "-c", str(main), "-g", "daemon off;"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    wait_for_port(port)
    return process


def wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
