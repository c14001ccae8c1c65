"""Serve a built site on 127.0.0.1 and look at one page the way a phone does.

A `Visit` holds everything the page-kind tests assert on, gathered in one
load: console errors, requests to other hosts, what sticks out to the right,
axe's serious and critical violations, and the screenshot saved as an artifact.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

LOCAL_HOST = "127.0.0.1"
PHONE = {"viewport": {"width": 360, "height": 780}, "device_scale_factor": 1, "is_mobile": True,
         "has_touch": True, "locale": "zh-CN"}
BLOCKING_IMPACTS = ("serious", "critical")

# Elements wider than the page, outermost first: an element whose right edge
# passes the viewport while its parent's does not is where the overflow starts.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + [...el.classList].map(c => '.' + c).join('');
  const culprits = [];
  if (document.documentElement.scrollWidth > width) for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    const parent = el.parentElement.getBoundingClientRect().right;
    if (right > width + 0.5 && parent <= width + 0.5) {
      culprits.push(describe(el) + ' reaches ' + Math.round(right) + ' px: '
          + (el.textContent || '').trim().slice(0, 40));
    }
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5)};
}"""

AXE_SCRIPT = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n')[1]),
  }));
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Traffic:
    """What a page did besides drawing itself: console errors and requests to other hosts."""
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._request)

    def watch_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def _request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != LOCAL_HOST:
            self.foreign_requests.append(request.url)


@dataclass(frozen=True)
class Visit:
    kind: str
    path: str
    console_errors: list[str]
    foreign_requests: list[str]
    overflow: dict
    axe_violations: list[dict]
    screenshot: Path
    text: str                   # the article's visible text

    def where(self) -> str:
        return f"page kind {self.kind!r} (/{self.path})"


def phone(browser: Browser, traffic: Traffic) -> BrowserContext:
    """A fresh phone-sized context (no stored settings) whose traffic is watched."""
    context = browser.new_context(**PHONE)
    traffic.watch(context)
    return context


def visit(browser: Browser, base_url: str, kind: str, path: str, axe_script: Path, screenshot: Path) -> Visit:
    traffic = Traffic()
    context = phone(browser, traffic)
    page = context.new_page()
    traffic.watch_page(page)
    try:
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.ok, f"/{path}: HTTP {response.status if response else 'none'}"
        overflow = page.evaluate(OVERFLOW_SCRIPT)
        text = page.locator("article").first.inner_text() if page.locator("article").count() else ""
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
        page.add_script_tag(path=str(axe_script))
        violations = [v for v in page.evaluate(AXE_SCRIPT) if v["impact"] in BLOCKING_IMPACTS]
    finally:
        context.close()
    return Visit(kind, path, traffic.console_errors, traffic.foreign_requests, overflow, violations, screenshot,
                 text)
