"""A local fake of Jikan v4 that enforces Jikan's published limits (3 requests/s and 60/min,
sliding windows on arrival) and answers 429 with Retry-After when they are exceeded.

It serves ``/v4/seasons/<year>/<season>?page=N`` (25 titles a page, ``--titles`` in all) and
``/v4/anime/<id>/full``; ``/stats`` reports the request and 429 counts. The limits can be scaled
(``--scale 10`` = 30/s and 600/min) for quick runs.

    python bench/importer/fake_jikan.py --port 8765 --titles 5000
"""

from __future__ import annotations

import argparse
import json
import math
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PER_PAGE = 25
GENRES = ["Action", "Adventure", "Comedy", "Drama", "Fantasy", "Romance", "Sci-Fi", "Slice of Life"]
STUDIOS = ["Madhouse", "MAPPA", "Bones", "Kyoto Animation", "Wit Studio", "Production I.G"]


class Limits:
    def __init__(self, scale: float):
        self.rules = [(3 * scale, 1.0), (60 * scale, 60.0)]
        self.log: deque[float] = deque()
        self.lock = threading.Lock()
        self.requests = 0
        self.rejected = 0

    def admit(self) -> float:
        """0 when the request is allowed, else the seconds to wait (Retry-After)."""
        now = time.monotonic()
        with self.lock:
            self.requests += 1
            while self.log and self.log[0] <= now - 60.0:
                self.log.popleft()
            wait = 0.0
            for limit, period in self.rules:
                recent = [t for t in self.log if t > now - period]
                if len(recent) >= limit:
                    wait = max(wait, recent[len(recent) - int(limit)] + period - now)
            if wait > 0:
                self.rejected += 1
                return wait
            self.log.append(now)
            return 0.0


def anime(mal_id: int, season: str, year: int) -> dict:
    """A season item with Jikan's field names (deterministic per id)."""
    return {
        "mal_id": mal_id,
        "url": f"https://myanimelist.net/anime/{mal_id}",
        "images": {
            "jpg": {
                "image_url": f"https://cdn.test/{mal_id}.jpg",
                "large_image_url": f"https://cdn.test/{mal_id}l.jpg",
            }
        },
        "titles": [{"type": "Default", "title": f"Bench Title {mal_id}"}],
        "title": f"Bench Title {mal_id}",
        "title_english": f"Bench Title {mal_id} (EN)" if mal_id % 3 else None,
        "title_japanese": f"ベンチ {mal_id}",
        "title_synonyms": [f"BT{mal_id}"],
        "type": ["TV", "ONA", "Movie", "OVA"][mal_id % 4],
        "episodes": None if mal_id % 5 == 0 else 12,
        "status": "Currently Airing" if mal_id % 2 else "Finished Airing",
        "aired": {"from": f"{year}-04-0{1 + mal_id % 9}T00:00:00+00:00", "to": None},
        "duration": "24 min per ep",
        "rating": "PG-13 - Teens 13 or older",
        "score": round(5 + (mal_id % 50) / 10, 2),
        "synopsis": "A long synopsis. " * 40,
        "season": season,
        "year": year,
        "broadcast": {"day": "Saturdays", "time": "01:30", "timezone": "Asia/Tokyo"},
        "studios": [{"mal_id": 1, "name": STUDIOS[mal_id % len(STUDIOS)]}],
        "genres": [
            {"mal_id": 1, "name": GENRES[mal_id % len(GENRES)]},
            {"mal_id": 2, "name": GENRES[(mal_id + 3) % len(GENRES)]},
        ],
        "themes": [],
        "demographics": [],
    }


def make_handler(limits: Limits, titles: int):
    pages = math.ceil(titles / PER_PAGE)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def send_json(self, status, body, headers=()):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 - http.server's name
            url = urlsplit(self.path)
            if url.path == "/stats":
                return self.send_json(
                    200, {"requests": limits.requests, "rejected_429": limits.rejected}
                )
            wait = limits.admit()
            if wait > 0:
                return self.send_json(
                    429,
                    {"status": 429, "type": "RateLimitException"},
                    [("Retry-After", str(max(1, math.ceil(wait))))],
                )
            parts = url.path.strip("/").split("/")
            if parts[:2] == ["v4", "seasons"] and len(parts) == 4:
                page = int(parse_qs(url.query).get("page", ["1"])[0])
                year, season = int(parts[2]), parts[3]
                first = (page - 1) * PER_PAGE
                ids = range(first + 1, min(first + PER_PAGE, titles) + 1)
                return self.send_json(
                    200,
                    {
                        "pagination": {
                            "last_visible_page": pages,
                            "has_next_page": page < pages,
                            "current_page": page,
                        },
                        "data": [anime(i, season, year) for i in ids],
                    },
                )
            if parts[:2] == ["v4", "anime"] and len(parts) == 4 and parts[3] == "full":
                return self.send_json(200, {"data": anime(int(parts[2]), "spring", 2024)})
            return self.send_json(404, {"status": 404})

    return Handler


def serve(port: int, titles: int, scale: float) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(Limits(scale), titles))
    return server


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--titles", type=int, default=5000)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    serve(args.port, args.titles, args.scale).serve_forever()
