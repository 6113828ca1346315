"""Requests per second of an anonymous catalog API page through nginx with the micro-cache,
side by side with the same nginx serving the same bytes as a static file (target: the cached API
at least 50 % of the static figure). Real pieces: PostgreSQL with the demo catalog, gunicorn with
the production settings, Debian's nginx with our template over TLS, wrk as the client.

    python bench/throughput/run.py [--seconds 8] [--rounds 2] [--connections 32]

Needs Debian's nginx and wrk; BENCH_DATABASE_URL (default a scratch database on the local
PostgreSQL) is dropped and recreated.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.common import recreate_database  # noqa: E402
from config.tests import nginx  # noqa: E402

API_PATH = "/api/v2/titles/?limit=24&order=-rating"


def prepare_database(url: str) -> None:
    recreate_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip


def start_gunicorn(url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-" + "k" * 50,
           "ALLOWED_HOSTS": "*", "LOG_LEVEL": "WARNING"}  # fmt: skip
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.wsgi_bench", "--bind", f"127.0.0.1:{port}",
         "--worker-class", "gthread", "--workers", "1", "--threads", "8"],
        cwd=REPO, env=env,
    )  # fmt: skip
    nginx.wait_for_port(port)
    return process


def wrk(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Host: localhost", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error answers\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/anihata_bench_throughput"
    )
    print("preparing the demo catalog…", flush=True)
    prepare_database(url)
    folder = Path(tempfile.mkdtemp(prefix="anihata-throughput-"))
    backend_port, static_port = nginx.free_port(), nginx.free_port()
    gunicorn = start_gunicorn(url, backend_port)
    server = None
    try:
        body = httpx.get(f"http://127.0.0.1:{backend_port}{API_PATH}", timeout=120).content
        (folder / "titles.json").write_bytes(body)
        cert, key = nginx.self_signed_certificate(folder)
        https_port = nginx.free_port()
        main_conf = nginx.render(folder, {
            "SERVER_NAME": "localhost", "HTTP_PORT": str(nginx.free_port()),
            "HTTPS_PORT": str(https_port), "HTTPS_REDIRECT_PORT": f":{https_port}",
            "TLS_CERTIFICATE": str(cert), "TLS_CERTIFICATE_KEY": str(key),
            "BACKEND_ADDR": f"127.0.0.1:{backend_port}", "FRONTEND_ADDR": "127.0.0.1:9",
            "MEDIA_ROOT": str(folder), "NGINX_CACHE_DIR": str(folder / "cache"),
            "MICROCACHE_SECONDS": "5",
        })  # fmt: skip
        with open(folder / "default.conf", "a") as conf:  # the same bytes as a plain file
            conf.write(f"""
server {{
  listen 127.0.0.1:{static_port} ssl http2;
  ssl_certificate {cert};
  ssl_certificate_key {key};
  access_log off;
  location = /titles.json {{ alias {folder}/titles.json; default_type application/json; }}
}}
""")
        server = nginx.start(main_conf, https_port)
        targets = {
            "static file": f"https://127.0.0.1:{static_port}/titles.json",
            "API, micro-cache": f"https://127.0.0.1:{https_port}{API_PATH}",
        }
        warm = httpx.get(targets["API, micro-cache"], verify=False, headers={"Host": "localhost"})
        assert warm.content == body, "nginx answered other bytes than Django"
        figures = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, target in targets.items():
                figures[name].append(wrk(target, args.seconds, args.connections))
                time.sleep(1)
        static = statistics.median(figures["static file"])
        cached = statistics.median(figures["API, micro-cache"])
        print(f"body: {len(body)} bytes; {args.rounds} rounds × {args.seconds} s, "
              f"{args.connections} connections, HTTPS keep-alive")  # fmt: skip
        for name, values in figures.items():
            print(f"  {name:18} {statistics.median(values):9.0f} req/s  "
                  f"(rounds: {', '.join(f'{v:.0f}' for v in values)})")  # fmt: skip
        verdict = "meets" if cached >= 0.5 * static else "misses"
        print(f"  cached API / static = {cached / static:.0%} ({verdict} the 50 % target)")
    finally:
        if server:
            nginx.stop(server)
        gunicorn.terminate()
        gunicorn.wait(timeout=20)


if __name__ == "__main__":
    main()
