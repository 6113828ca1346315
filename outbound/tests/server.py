"""A real HTTP server on a loopback port for tests of the guarded client (and its users).

``serve({"/path": handler})`` runs it in a thread; a handler gets the request handler and
writes the answer. ``hits`` lists the paths requested, so a test can prove a request never
reached a server.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalServer:
    def __init__(self, routes: dict):
        self.routes = routes
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                server.hits.append(self.path)
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what several tests expect

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@contextmanager
def serve(routes: dict):
    server = LocalServer(routes)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def text(body: str, status: int = 200, content_type: str = "text/html; charset=utf-8"):
    def handle(request):
        data = body.encode()
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    return handle


def redirect(location: str, status: int = 302):
    def handle(request):
        request.send_response(status)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handle


def drip(total_seconds: float, interval: float = 0.2):
    """Headers at once, then one byte every ``interval`` seconds for ``total_seconds``."""

    def handle(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        stop = time.monotonic() + total_seconds
        while time.monotonic() < stop:
            request.wfile.write(b"x")
            request.wfile.flush()
            time.sleep(interval)

    return handle


def sized(size: int, chunk: int = 64 * 1024):
    """A page of ``size`` bytes, sent without Content-Length (the reader cannot trust one)."""

    def handle(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        sent = 0
        while sent < size:
            part = min(chunk, size - sent)
            request.wfile.write(b"a" * part)
            sent += part

    return handle
