"""Exercises runtime/cog_migrate_runtime in the modal venv and prints what it observed as JSON;
test/runtime/python.test.ts holds the expectations. argv[1]: a JSON OpenAPI schema file."""

import asyncio
import base64
import enum
import http.server
import io
import json
import pathlib
import sys
import tempfile
import threading

from cog import BaseModel, Path
from cog_migrate_runtime import inputs, outputs, validation
from cog_migrate_runtime.http import Endpoint, create_app
from fastapi.testclient import TestClient

schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
schemas = schema["components"]["schemas"]
out = {}

# Validation, in coglet's words.
cases = {
    "valid": {"prompt": "hi", "seed": 1},
    "wrong_type": {"prompt": "hi", "seed": 1, "width": "abc"},
    "below_minimum": {"prompt": "hi", "seed": 1, "width": 5},
    "many": {"prompt": "", "seed": 1, "strength": "0.5", "hex_color": "zz", "width": 5.5, "max_tokens": 99999, "num_outputs": "1"},
    "missing": {},
    "not_object": [1],
    "unknown_dropped": {"prompt": "hi", "seed": 1, "bogus": 3},
    "null_not_nullable": {"prompt": "hi", "seed": None},
}
out["validate"] = {k: validation.validate(v, schemas) for k, v in cases.items()}

# Outputs as Cog encodes them.
tmp = tempfile.mkdtemp()
png = pathlib.Path(tmp, "out.png")
png.write_bytes(b"\x89PNG")


class Color(enum.Enum):
    RED = "red"


class Result(BaseModel):
    image: Path
    score: float


out["encode"] = {
    "path": outputs.encode(Path(png)),
    "unknown_suffix": outputs.encode(io.BytesIO(b"x")),
    "model": outputs.encode(Result(image=Path(png), score=0.5)),
    "nested": outputs.encode({"a": [Color.RED, (1, 2)], "b": None}),
}

# Inputs: data URIs and URLs become local files; server paths are refused.
data_file = inputs.to_local_path("data:text/plain;base64," + base64.b64encode(b"hello").decode(), tmp)
out["data_uri"] = [data_file.name, data_file.read_text()]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"from url")

    def log_message(self, *args):  # quiet
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_port}/dir/in%20put.txt"
url_file = inputs.to_local_path(url, tmp)
out["url"] = [url_file.name, url_file.read_text()]
try:
    inputs.to_local_path("/etc/passwd", tmp)
    out["server_path"] = "accepted"
except ValueError as err:
    out["server_path"] = str(err)

# The HTTP API around a predictor.
seen = []


def predict(prompt, width=1024, **kwargs):
    seen.append(sorted(kwargs))
    print("predicting", prompt)
    if prompt == "boom":
        raise RuntimeError("it broke")
    return f"{prompt}|{width}"


def tokens(prompt, **kwargs):
    for word in prompt.split():
        yield word


async def atrain(prompt, **kwargs):
    await asyncio.sleep(0)
    return {"trained": prompt}


client = TestClient(create_app(schema, Endpoint(predict), train=Endpoint(atrain, "Input")))
r = client.post("/predictions", json={"input": {"prompt": "hi", "seed": 3, "bogus": 1}, "id": "abc"})
out["http_valid"] = [r.status_code, r.json()]
r = client.post("/predictions", json={"input": {"prompt": "hi", "seed": 1, "width": 5}})
out["http_422"] = [r.status_code, r.json()]
r = client.post("/predictions", json={"input": {"prompt": "boom", "seed": 1}})
out["http_failed"] = [r.status_code, r.json()]
r = client.post("/predictions", content=b"notjson", headers={"content-type": "application/json"})
out["http_bad_json"] = r.status_code
out["openapi_bytes_equal"] = client.get("/openapi.json").content == pathlib.Path(sys.argv[1]).read_bytes()
out["health"] = client.get("/health-check").json()["status"]
r = client.post("/trainings", json={"input": {"prompt": "t", "seed": 1}})
out["http_train"] = [r.status_code, r.json()["output"], r.json()["status"]]
out["seen"] = seen
client2 = TestClient(create_app(schema, Endpoint(tokens)))
r = client2.post("/predictions", json={"input": {"prompt": "a b c", "seed": 1}})
out["http_iterator"] = r.json()["output"]
out["no_trainings"] = client2.post("/trainings", json={}).status_code
print(json.dumps(out))
