"""A loaded Cog predictor behind Cog's rules, for adapters whose platform calls Python methods
(Modal's @modal.method) as well as HTTP: inputs are validated against the shipped schema (the
same 422 details the HTTP API answers, raised as InputError), file inputs downloaded, outputs
encoded as Cog's server encodes them (files as data URLs)."""

import asyncio
import inspect
import json
import shutil
import tempfile
import typing
from pathlib import Path

from . import loading, outputs, predictions, validation

Schema = typing.Dict[str, typing.Any]


class InputError(ValueError):
    """The input failed validation; `details` are Cog's 422 detail entries."""

    def __init__(self, details: typing.List[typing.Dict[str, typing.Any]]) -> None:
        super().__init__("; ".join(f"{d['loc'][-1]}: {d['msg']}" for d in details))
        self.details = details


class CogModel:
    """predict: "file.py:Name" (or train:) loaded from project_dir, with the schema in openapi_file.

    `method` is the method called on a class predictor (predict, run for BaseRunner, train);
    function predictors are called directly. `file_inputs` names the cog.File inputs (opened
    before the call; cog.Path inputs get a path)."""

    def __init__(
        self,
        project_dir: str,
        ref: str,
        openapi_file: str,
        *,
        module_name: str = "predict",
        method: str = "predict",
        input_schema: str = "Input",
        file_inputs: typing.Collection[str] = (),
    ) -> None:
        self.project_dir = Path(project_dir)
        self.ref = ref
        self.openapi_bytes = Path(openapi_file).read_bytes()
        self.openapi: Schema = json.loads(self.openapi_bytes)
        self.module_name = module_name
        self.method = method
        self.input_schema = input_schema
        self.file_inputs = tuple(file_inputs)
        self.predictor: typing.Any = None

    @property
    def schemas(self) -> typing.Dict[str, Schema]:
        return typing.cast(typing.Dict[str, Schema], self.openapi.get("components", {}).get("schemas", {}))

    @property
    def properties(self) -> typing.Dict[str, Schema]:
        return typing.cast(typing.Dict[str, Schema], self.schemas.get(self.input_schema, {}).get("properties", {}))

    def load(self) -> None:
        """Imports the predictor module and creates the predictor (no setup()): the part a memory
        snapshot can keep, since it touches no GPU."""
        if self.predictor is None:
            self.predictor = loading.load_predictor(self.project_dir, self.ref, self.module_name)

    def setup(self) -> typing.Any:
        """Loads (if needed) and runs setup() as Cog does, weights from COG_WEIGHTS; returns the
        coroutine of an async setup() for the caller to await."""
        self.load()
        return loading.run_setup(self.predictor, loading.cog_weights())

    @property
    def call(self) -> typing.Callable[..., typing.Any]:
        self.load()
        if inspect.isfunction(self.predictor):
            return typing.cast(typing.Callable[..., typing.Any], self.predictor)
        return typing.cast(typing.Callable[..., typing.Any], getattr(self.predictor, self.method))

    @property
    def is_async(self) -> bool:
        return inspect.iscoroutinefunction(self.call) or inspect.isasyncgenfunction(self.call)

    def _arguments(self, input: typing.Any, tmp: str) -> typing.Dict[str, typing.Any]:  # noqa: A002 - Cog's word
        values, details = validation.validate(input if input is not None else {}, self.schemas, self.input_schema)
        if details:
            raise InputError(details)
        return predictions.arguments(values, self.properties, self.file_inputs, tmp)

    def predict(self, input: typing.Any = None) -> typing.Any:  # noqa: A002
        """One prediction, synchronously; iterator outputs come back as a list, as from Cog's API."""
        tmp = tempfile.mkdtemp(prefix="cog-migrate-")
        try:
            output = self.call(**self._arguments(input, tmp))
            if inspect.isawaitable(output) or outputs.is_async_iterator(output):
                output = asyncio.run(predictions.collect(output))
            elif outputs.is_iterator(output):
                output = list(output)
            return outputs.encode(output)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    async def apredict(self, input: typing.Any = None) -> typing.Any:  # noqa: A002
        """One prediction of an async predictor."""
        tmp = tempfile.mkdtemp(prefix="cog-migrate-")
        try:
            return outputs.encode(await predictions.collect(self.call(**self._arguments(input, tmp))))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def stream(self, input: typing.Any = None) -> typing.Iterator[typing.Any]:  # noqa: A002
        """An iterator output chunk by chunk, each encoded as Cog encodes list items."""
        tmp = tempfile.mkdtemp(prefix="cog-migrate-")
        try:
            for chunk in self.call(**self._arguments(input, tmp)):
                yield outputs.encode(chunk)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    async def astream(self, input: typing.Any = None) -> typing.AsyncIterator[typing.Any]:  # noqa: A002
        """The async form of stream(), for async generator predictors."""
        tmp = tempfile.mkdtemp(prefix="cog-migrate-")
        try:
            async for chunk in self.call(**self._arguments(input, tmp)):
                yield outputs.encode(chunk)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
