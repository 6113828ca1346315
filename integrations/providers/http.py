"""The HTTP plumbing every provider client shares.

``ProviderClient.get_json`` waits for the shared rate limiter, sends a real User-Agent, honours
``Retry-After`` on 429, retries 5xx, timeouts and unreadable bodies with exponential backoff and
treats any other 4xx as final. Errors are typed so Celery retries only what may succeed later.
"""

from __future__ import annotations

import email.utils
import logging

import httpx
from django.conf import settings

from integrations.ratelimit import Clock, RateLimiter, SystemClock, get_limiter

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "AniHata/1.0 (+https://anihata.com.ua; catalog importer)"


class ProviderError(Exception):
    """Something went wrong talking to a source."""

    def __init__(self, message: str, *, status: int | None = None, url: str = ""):
        super().__init__(message)
        self.status = status
        self.url = url


class RetryableError(ProviderError):
    """Worth trying again later: rate limited, 5xx, timeout, connection error, garbled body."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class Unreachable(RetryableError):
    """No connection to the source at all (refused, DNS, reset): the source is down."""


class MalformedBody(RetryableError):
    """A body that is not the JSON promised (truncated, a proxy's HTML page)."""


class FinalError(ProviderError):
    """A 4xx other than 429 or a response we cannot use: retrying will not help."""


class NotFound(FinalError):
    """The source has no such id."""


class Refused(FinalError):
    """401 or 403: the source refuses us (credentials, a ban), whatever we ask."""


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(moment.timestamp() - now, 0.0)


class ProviderClient:
    """Base of the per-source clients: subclasses set ``source`` and ``base_url_setting``."""

    source = ""
    base_url_setting = ""
    default_base_url = ""
    max_attempts = 4
    backoff = 1.0  # seconds before the first retry; doubles each time
    max_retry_after = 120.0  # never let a source park a worker longer than this per attempt
    timeout = 15.0

    def __init__(
        self,
        *,
        base_url: str | None = None,
        limiter: RateLimiter | None = None,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
    ):
        self.limiter = limiter or get_limiter()
        self.clock = clock or getattr(self.limiter, "clock", None) or SystemClock()
        self.base_url = (
            base_url or getattr(settings, self.base_url_setting, None) or self.default_base_url
        ).rstrip("/")
        user_agent = getattr(settings, "IMPORTER_USER_AGENT", DEFAULT_USER_AGENT)
        self.http = httpx.Client(
            timeout=self.timeout,
            transport=transport,
            headers={"User-Agent": user_agent, "Accept": "application/json"},
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def on_response(self, response: httpx.Response) -> None:
        """Hook for sources that announce their limits in headers (AniList)."""

    def request_json(self, method: str, path: str, **kwargs):
        """Send one logical request (with retries) and return the decoded JSON body."""
        url = f"{self.base_url}/{path.lstrip('/')}"
        last_error: RetryableError | None = None
        for attempt in range(self.max_attempts):
            if attempt and last_error.status != 429:
                # A 429 already blocked the limiter for Retry-After; the rest back off.
                self.clock.sleep(self.backoff * 2 ** (attempt - 1))
            self.limiter.acquire(self.source)
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.TimeoutException as exc:
                last_error = RetryableError(f"timeout: {exc}", url=url)
            except httpx.TransportError as exc:
                last_error = Unreachable(f"connection error: {exc}", url=url)
            else:
                self.on_response(response)
                try:
                    return self._decode(response, url)
                except RetryableError as exc:
                    last_error = exc
            logger.warning(
                "%s: attempt %d/%d failed: %s",
                self.source,
                attempt + 1,
                self.max_attempts,
                last_error,
            )
        raise last_error

    def get_json(self, path: str, params=None):
        return self.request_json("GET", path, params=params)

    def _decode(self, response: httpx.Response, url: str):
        status = response.status_code
        if status == 429:
            wait = parse_retry_after(response.headers.get("Retry-After"), self.clock.now())
            wait = min(wait if wait is not None else self.backoff * 4, self.max_retry_after)
            # Everyone sharing the limiter pauses, not only this request.
            self.limiter.block(self.source, wait)
            raise RetryableError("rate limited (429)", status=429, retry_after=wait, url=url)
        if status >= 500:
            raise RetryableError(f"server error {status}", status=status, url=url)
        if status == 404:
            raise NotFound("not found", status=404, url=url)
        if status in (401, 403):
            raise Refused(f"refused ({status}): {response.text[:200]}", status=status, url=url)
        if status >= 400:
            raise FinalError(
                f"client error {status}: {response.text[:200]}", status=status, url=url
            )
        try:
            return response.json()
        except ValueError as exc:
            # A proxy's HTML error page or a truncated body: usually transient.
            raise MalformedBody(f"malformed body: {exc}", status=status, url=url) from exc
