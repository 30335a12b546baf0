#!/usr/bin/env python3
"""A local npm registry for the release test: it serves the package tarballs
of a directory (npm pack's *.tgz) on 127.0.0.1, read-only, so that npm,
pnpm, yarn and bun install directivelint from a registry as a user would,
resolving its optional dependencies and choosing by their os and cpu.

    npm-registry.py DIR PORT_FILE

It listens on a free port of 127.0.0.1, writes its URL to PORT_FILE and
serves, for every package in DIR, its document (GET /NAME, scoped names
with / or %2F) and its tarball (GET /NAME/-/FILE.tgz). It knows no other
package: a request for one gets 404. It stops after --timeout seconds (600).
"""
import argparse
import base64
import hashlib
import http.server
import json
import os
import sys
import tarfile
import threading
import urllib.parse


def packages(directory, url):
    """Returns {name: document} and {path: tarball file} for DIR's tarballs."""
    docs, files = {}, {}
    for entry in sorted(os.listdir(directory)):
        if not entry.endswith(".tgz"):
            continue
        path = os.path.join(directory, entry)
        with tarfile.open(path) as tar:
            manifest = json.load(tar.extractfile("package/package.json"))
        data = open(path, "rb").read()
        name, version = manifest["name"], manifest["version"]
        tarball = f"/{name}/-/{entry}"
        files[tarball] = path
        manifest.update({
            "_id": f"{name}@{version}",
            "dist": {
                "tarball": url + tarball,
                "shasum": hashlib.sha1(data).hexdigest(),
                "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
            },
        })
        doc = docs.setdefault(name, {"name": name, "dist-tags": {}, "versions": {}})
        doc["versions"][version] = manifest
        doc["dist-tags"]["latest"] = version
    return docs, files


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dir")
    p.add_argument("port_file")
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if path in files:
                with open(files[path], "rb") as f:
                    self.reply(200, f.read(), "application/octet-stream")
            elif path.lstrip("/") in docs:
                self.reply(200, json.dumps(docs[path.lstrip("/")]).encode(), "application/json")
            else:
                self.reply(404, b'{"error":"not found"}', "application/json")

        def reply(self, status, body, kind):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    docs, files = packages(args.dir, url)
    threading.Timer(args.timeout, server.shutdown).start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(url + "/\n")
    os.rename(args.port_file + ".tmp", args.port_file)
    print(f"npm-registry.py: {', '.join(sorted(docs))} at {url}/", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
