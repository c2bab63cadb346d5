"""One prediction as Cog's server runs it, without the HTTP: validated inputs become predict()'s
arguments (file inputs downloaded, secrets wrapped), the call's output is collected (iterators
to lists) and encoded (files as data URLs or uploads), and the result is Cog's response object:

    {"id": ..., "logs": ..., "metrics": {"predict_time": ...}, "output": ..., "status": "succeeded"}

or, when an input cannot be downloaded or predict() raises, {"error": "...", "id": ..., "logs": ...,
"metrics": {"predict_time": ...}, "status": "failed"}, the error worded as coglet 0.22.0 words it.
"""

import inspect
import os
import secrets
import shutil
import tempfile
import time
import typing
import urllib.request

from . import logs, metrics, outputs
from .failures import input_error, prediction_error
from .inputs import open_file, to_local_path

Schema = typing.Dict[str, typing.Any]
Response = typing.Dict[str, typing.Any]


def prediction_id() -> str:
    """Cog's form of a generated id: "pred_" and 16 hex digits."""
    return f"pred_{secrets.token_hex(8)}"


def _is_uri(prop: Schema) -> bool:
    return prop.get("format") == "uri"


def arguments(values: typing.Dict[str, typing.Any], properties: typing.Mapping[str, Schema], file_inputs: typing.Collection[str], tmp: str) -> typing.Dict[str, typing.Any]:
    """predict()'s keyword arguments from validated JSON inputs."""
    import cog  # the compatibility package (or the real SDK) the predictor itself imports

    def one_file(name: str, value: typing.Any) -> typing.Any:
        path = cog.Path(to_local_path(str(value), tmp))
        return open_file(path) if name in file_inputs else path

    out: typing.Dict[str, typing.Any] = {}
    for name, value in values.items():
        prop = properties.get(name, {})
        items = typing.cast(Schema, prop.get("items", {}))
        if value is None:
            out[name] = None
        elif _is_uri(prop):
            out[name] = one_file(name, value)
        elif prop.get("type") == "array" and _is_uri(items):
            out[name] = [one_file(name, v) for v in typing.cast(typing.List[typing.Any], value)]
        elif prop.get("x-cog-secret"):
            out[name] = cog.Secret(value)
        else:
            out[name] = value
    return out


async def collect(value: typing.Any) -> typing.Any:
    """Awaits a coroutine and drains (async) iterators, as Cog's final response lists chunks."""
    if inspect.isawaitable(value):
        value = await value
    if outputs.is_async_iterator(value):
        return [item async for item in value]
    if outputs.is_iterator(value):
        return list(value)
    return value


def upload_from_env() -> typing.Optional[outputs.Upload]:
    """COG_MIGRATE_UPLOAD_URL, like `cog serve --upload-url`: files are PUT to <url><name> and the
    response's URL returned instead of a data URL."""
    base = os.environ.get("COG_MIGRATE_UPLOAD_URL")
    if not base:
        return None

    def upload(fh: typing.BinaryIO, name: str) -> str:
        request = urllib.request.Request(base.rstrip("/") + "/" + name, data=fh.read(), method="PUT")
        with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 - the operator's URL
            return response.geturl().split("?")[0]

    return upload


async def run(
    call: typing.Callable[..., typing.Any],
    values: typing.Dict[str, typing.Any],
    properties: typing.Mapping[str, Schema],
    *,
    id: typing.Optional[str] = None,  # noqa: A002 - Cog's field name
    file_inputs: typing.Collection[str] = (),
    upload: typing.Optional[outputs.Upload] = None,
    in_thread: typing.Optional[typing.Callable[..., typing.Awaitable[typing.Any]]] = None,
) -> Response:
    """Runs one prediction; never raises for the predictor's own errors (status "failed").
    `in_thread(fn)` runs a synchronous call off the event loop (the web framework's threadpool)."""
    pid = id or prediction_id()
    tmp = tempfile.mkdtemp(prefix="cog-migrate-")
    started = time.monotonic()
    # This prediction's own cog.current_scope(): concurrent predictions never share metrics.
    scope = metrics.new_scope()
    error: typing.Optional[str] = None
    kwargs: typing.Dict[str, typing.Any] = {}
    encoded: typing.Any = None
    with logs.capture() as buffer:
        try:
            kwargs = arguments(values, properties, file_inputs, tmp)
        except Exception as err:  # noqa: BLE001 - a download that failed is the caller's input error
            error = input_error(err)
        try:
            if error is None:
                if inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call) or in_thread is None:
                    with metrics.active(scope):
                        output = await collect(call(**kwargs))
                else:
                    output = await in_thread(lambda: _sync_collect_in(scope, call, kwargs))
                encoded = outputs.encode(output, upload)
        except Exception as err:  # noqa: BLE001 - Cog reports the predictor's error in the response
            error = prediction_error(err)
    shutil.rmtree(tmp, ignore_errors=True)
    recorded = {**metrics.metrics(scope), "predict_time": time.monotonic() - started}
    if error is not None:
        return {"error": error, "id": pid, "logs": buffer.getvalue(), "metrics": recorded, "status": "failed"}
    return {"id": pid, "logs": buffer.getvalue(), "metrics": recorded, "output": encoded, "status": "succeeded"}


def _sync_collect_in(scope: typing.Any, call: typing.Callable[..., typing.Any], kwargs: typing.Dict[str, typing.Any]) -> typing.Any:
    """The call and its iterator drained in the worker thread, under the prediction's scope."""
    with metrics.active(scope):
        value = call(**kwargs)
        return list(value) if outputs.is_iterator(value) else value
