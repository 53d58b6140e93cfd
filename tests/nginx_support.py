"""Serve a built site with Debian's nginx on loopback, as a static host would.

Used by tests/test_nginx.py (the site under a sub-path) and bench/lighthouse.py (scores
measured on a realistic host: gzip on, as GitHub Pages and most hosts compress).
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CONFIG = """
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  types {{ text/calendar ics; }}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  gzip {gzip};
  gzip_types text/css application/javascript text/javascript application/json
             image/svg+xml application/xml text/xml text/calendar;
  server {{
    listen 127.0.0.1:{port};
    location {prefix} {{ alias {site}/; index index.html; }}
    error_page 404 {prefix}404.html;
  }}
}}
"""


def site_url(port: int, prefix: str) -> str:
    return f"http://127.0.0.1:{port}{prefix}"


@contextmanager
def nginx_serving(
    site: Path, workdir: Path, *, port: int, prefix: str = "/", gzip: bool = True
) -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:`port``prefix` until the block ends; yield the URL.

    The port is chosen by the caller (free_port()) so the site can be built with its
    final site_url before nginx starts (browser_support.free_port).
    """
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is needed (scripts/test.sh installs it)"
    conf = workdir / "nginx.conf"
    text = CONFIG.format(
        tmp=workdir, port=port, site=site, prefix=prefix, gzip="on" if gzip else "off"
    )
    conf.write_text(text, "utf-8")
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = site_url(port, prefix)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            process.kill()
            raise AssertionError(process.stderr.read().decode())
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
