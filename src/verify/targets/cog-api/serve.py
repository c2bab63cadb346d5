"""Cog's HTTP API for the shared smoke driver, INSIDE the built image: the targets whose platform
serves Cog's own API (the cog target; workers-ai, whose Worker forwards it to the container).

The server is the image's own `python -m cog.server.http` (the image's Cog release, as `cog build`
or the pruned Dockerfile installs it), started by the verify stage in its own container from the
same image on 127.0.0.1 with host networking (src/verify/targets/cog-api/server.ts); when train()
is smoke-run, a second one in train mode (`--x-mode train`: Cog serves /trainings only there).
The environment says where things listen:

    COG_MIGRATE_SERVER_URL        where the requests go: Cog's server, or the platform's front
                                  (the Worker on workerd) in front of it
    COG_MIGRATE_TRAIN_SERVER_URL  Cog's train-mode server, when train() is smoke-run
    COG_MIGRATE_COG_SERVER_URL    with a front: Cog's server behind it, which the driver asks too
                                  (the front must answer as it does and refuse what it refuses)
    COG_MIGRATE_OPENAPI_URL       where the served OpenAPI document is read, when the front
                                  serves none (a BYO Worker); default SERVER_URL/openapi.json
    COG_MIGRATE_PLATFORM, COG_MIGRATE_APPLICATION   the platform and what serves, for the report

This module only says how the generic driver (src/verify/smoke/driver.py) talks to it: Cog's HTTP
API, requests as {"input": {...}} to POST /predictions and /trainings, answers as Cog's
prediction response, files as data URLs; input validation and its 422 are Cog's own (or the
front's).
"""

import json
import os
import urllib.request

import driver  # the smoke driver's helpers (it put its own folder on sys.path)

# Cog's server downloads URL inputs too, but a data URI needs no file server across containers.
FILE_INPUTS = "data-uri"
ROLE_PATHS = {"predict": "/predictions", "train": "/trainings"}
INPUT_SCHEMAS = {"predict": "Input", "train": "TrainingInput"}


class StartFailed(Exception):
    def __init__(self, stage, error, tb=""):
        super().__init__(error)
        self.stage, self.error, self.tb = stage, error, tb


class Served:
    # The driver reports the test cases' raw answers; the host reads them as the emitted tests
    # read Cog's HTTP API (src/verify/smoke/cases.ts, cogApiResults).
    cog_api = True
    # One JSON answer: Cog refuses `text/event-stream` (406) for a predictor without @streaming.
    accept = "application/json"

    def __init__(self, base_url, openapi, version, train=None, behind=None, openapi_url=None):
        """train: (base URL, OpenAPI document) of the train-mode server, when there is one.
        behind: where the platform (base_url) forwards to, Cog's own server, when it is a front.
        openapi_url: where the served OpenAPI document is, when not at base_url."""
        self.base_url = base_url
        self.reference_base = behind
        self.openapi_url = openapi_url or base_url + "/openapi.json"
        self._bases = {"predict": base_url}
        self._schemas = dict(openapi.get("components", {}).get("schemas", {}))
        paths = {p: "predict" for p in openapi.get("paths", {})}
        if train is not None:
            self._bases["train"] = train[0]
            paths["/trainings"] = "train"
            self._schemas.update(train[1].get("components", {}).get("schemas", {}))
        self._paths = paths
        self.routes = sorted(paths)
        cog_server = "python -m cog.server.http (the image's own Cog server)"
        application = os.environ.get("COG_MIGRATE_APPLICATION")
        self.runtime = {
            "platform": os.environ.get("COG_MIGRATE_PLATFORM", "cog"),
            "sdk": version,
            "application": "%s, in front of %s" % (application, cog_server) if application else cog_server,
        }

    def endpoint(self, role):
        path = ROLE_PATHS.get(role)
        return path if self._paths.get(path) == role else None

    def base_for(self, role):
        return self._bases.get(role, self.base_url)

    def stream_endpoint(self, role):
        return None  # Cog streams through webhooks, not a second route

    def request_body(self, role, inputs):
        return {"input": inputs}

    def input_schema(self, role):
        """The schema of a role's inputs: Cog's `Input` (or `TrainingInput`) component."""
        return self._schemas.get(INPUT_SCHEMAS[role], {}), self._schemas

    def response_output(self, body):
        """A prediction's output, files by content hash; a prediction that did not succeed fails."""
        if not isinstance(body, dict) or body.get("status") != "succeeded":
            raise RuntimeError("the prediction did not succeed: %s" % json.dumps(body)[:2000])
        return driver.files_as_digests(body.get("output"))

    def stop(self):
        pass  # the verify stage stops the server's container


def _ready_openapi(base, openapi_url=None):
    """The OpenAPI document (at openapi_url, default base's) of a READY server at base."""
    try:
        with urllib.request.urlopen(openapi_url or base + "/openapi.json", timeout=60) as r:
            openapi = json.loads(r.read())
        with urllib.request.urlopen(base + "/health-check", timeout=60) as r:
            health = json.loads(r.read())
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server is the finding
        raise StartFailed("setup", "Cog's server at %s did not answer: %s: %s" % (base, type(exc).__name__, exc)) from exc
    if health.get("status") != "READY":
        raise StartFailed("setup", "Cog's server at %s reports %s on GET /health-check" % (base, health.get("status")))
    return openapi


def start(app_file):
    base = os.environ.get("COG_MIGRATE_SERVER_URL")
    if not base:
        raise StartFailed("import", "COG_MIGRATE_SERVER_URL is not set: no Cog server to talk to")
    openapi_url = os.environ.get("COG_MIGRATE_OPENAPI_URL")
    openapi = _ready_openapi(base, openapi_url)
    train_base = os.environ.get("COG_MIGRATE_TRAIN_SERVER_URL")
    train = (train_base, _ready_openapi(train_base)) if train_base else None
    try:
        import cog

        version = getattr(cog, "__version__", "")
    except Exception:  # noqa: BLE001 - the version is only reported
        version = ""
    return Served(base, openapi, version, train, os.environ.get("COG_MIGRATE_COG_SERVER_URL"), openapi_url)
