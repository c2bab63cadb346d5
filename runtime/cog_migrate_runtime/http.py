"""Cog's HTTP API as a FastAPI app, so a client of a Cog/Replicate model keeps working by changing
only its base URL:

    POST /predictions          {"input": {...}, "id"?: "..."} -> Cog's prediction response
    PUT  /predictions/{id}     the same, with the id from the path
    POST /trainings            where the project has train()
    GET  /health-check         {"status": "READY", "setup": {...}}
    GET  /openapi.json         the schema the adapter ships, byte for byte as `inspect --openapi`
    GET  /                     {"docs_url": ..., "openapi_url": ...}

Answered synchronously: Cog's asynchronous mode (`Prefer: respond-async`, webhooks) is not
offered; MIGRATION.md says so. Needs fastapi.
"""

import datetime
import json
import typing

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from . import logs, predictions, validation
from .service import CogModel
from .outputs import Upload

Schema = typing.Dict[str, typing.Any]
Call = typing.Callable[..., typing.Any]


class Endpoint(typing.NamedTuple):
    """One callable the API serves, with the schema component of its inputs."""

    call: Call
    input_schema: str = "Input"
    file_inputs: typing.Collection[str] = ()


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat()


def create_app(
    openapi: Schema,
    predict: Endpoint,
    *,
    train: typing.Optional[Endpoint] = None,
    upload: typing.Optional[Upload] = None,
    setup_started_at: typing.Optional[str] = None,
    openapi_bytes: typing.Optional[bytes] = None,
) -> FastAPI:
    """The app for one loaded predictor (setup already run). `openapi` is the shipped schema;
    `openapi_bytes` its file as shipped, served byte for byte."""
    logs.install()
    schemas = typing.cast(typing.Dict[str, Schema], openapi.get("components", {}).get("schemas", {}))
    schema_bytes = openapi_bytes if openapi_bytes is not None else json.dumps(openapi, indent=2).encode("utf-8") + b"\n"
    setup = {"started_at": setup_started_at or _now(), "completed_at": _now(), "status": "succeeded", "logs": ""}
    # FastAPI's own schema would describe this generic app, not the model: serve Cog's instead.
    app = FastAPI(title="Cog", openapi_url=None, docs_url=None, redoc_url=None)

    async def answer(request: Request, endpoint: Endpoint, id: typing.Optional[str]) -> Response:  # noqa: A002
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError as err:
            return PlainTextResponse(f"Failed to parse the request body as JSON: {err}", status_code=400)
        if not isinstance(body, dict):
            body = {"input": body}
        payload = typing.cast(typing.Dict[str, typing.Any], body)
        values, details = validation.validate(payload.get("input", {}), schemas, endpoint.input_schema)
        if details:
            return JSONResponse({"detail": details}, status_code=422)
        properties = typing.cast(typing.Dict[str, Schema], schemas.get(endpoint.input_schema, {}).get("properties", {}))
        result = await predictions.run(
            endpoint.call,
            values,
            properties,
            id=id or payload.get("id"),
            file_inputs=endpoint.file_inputs,
            upload=upload,
            in_thread=run_in_threadpool,
        )
        return JSONResponse(result)

    @app.get("/")
    async def root() -> typing.Dict[str, typing.Any]:  # pyright: ignore[reportUnusedFunction]
        return {"docs_url": None, "openapi_url": "/openapi.json"}

    @app.get("/health-check")
    async def health_check() -> typing.Dict[str, typing.Any]:  # pyright: ignore[reportUnusedFunction]
        return {"status": "READY", "setup": setup}

    @app.get("/openapi.json")
    async def schema() -> Response:  # pyright: ignore[reportUnusedFunction]
        return Response(schema_bytes, media_type="application/json")

    @app.post("/predictions")
    async def create_prediction(request: Request) -> Response:  # pyright: ignore[reportUnusedFunction]
        return await answer(request, predict, None)

    @app.put("/predictions/{prediction_id}")
    async def put_prediction(prediction_id: str, request: Request) -> Response:  # pyright: ignore[reportUnusedFunction]
        return await answer(request, predict, prediction_id)

    if train is not None:
        trainer = train

        @app.post("/trainings")
        async def create_training(request: Request) -> Response:  # pyright: ignore[reportUnusedFunction]
            return await answer(request, trainer, None)

        @app.put("/trainings/{training_id}")
        async def put_training(training_id: str, request: Request) -> Response:  # pyright: ignore[reportUnusedFunction]
            return await answer(request, trainer, training_id)

    return app


def app_for(model: CogModel, trainer: typing.Optional[CogModel] = None) -> FastAPI:
    """The app for a loaded CogModel (and its trainer), serving the schema file it was given."""

    def endpoint(m: CogModel) -> Endpoint:
        return Endpoint(m.call, m.input_schema, m.file_inputs)

    return create_app(
        model.openapi,
        endpoint(model),
        train=endpoint(trainer) if trainer is not None else None,
        upload=predictions.upload_from_env(),
        openapi_bytes=model.openapi_bytes,
    )
