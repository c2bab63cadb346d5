"""A prediction that failed, worded as Cog words it: the text Cog's response carries in `error`
(coglet 0.22.0's wording), and whether the caller's input was at fault (a file input that could
not be fetched) or the predictor raised.

Cog's HTTP API (predictions.py) puts the text in its response object. An adapter whose platform
answers a request's errors itself (fal) runs the work under `reported(...)`, which raises the
platform's own error instead of letting a generic 500 hide the message, and wraps a streamed
response's events in `streamed(...)`, which ends the stream with Cog's failed response when the
predictor raises mid-iteration; the traceback goes to the log (stderr), as Cog logs it, never
into the response.
"""

import contextlib
import sys
import traceback
import typing
import urllib.error


def input_error(err: BaseException) -> str:
    """coglet's error for an input it could not prepare: requests' wording of an HTTP error
    ("404 Client Error: File not found for url: URL"), the exception's text otherwise."""
    if isinstance(err, urllib.error.HTTPError):
        kind = "Client" if err.code < 500 else "Server"
        return f"Input validation error: {err.code} {kind} Error: {err.reason} for url: {err.url}"
    return f"Input validation error: {err}"


def prediction_error(err: BaseException) -> str:
    """coglet 0.22.0's error for a predict() that raised, prefix doubled as it sends it."""
    return f"Prediction failed: Prediction failed: {type(err).__name__}: {err}"


class InputFailed(Exception):
    """A file input that could not be prepared: the caller's error, with Cog's text for it."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@contextlib.contextmanager
def input_failures() -> typing.Iterator[None]:
    """Marks what fails in the block (an input's download) as the caller's error."""
    try:
        yield
    except InputFailed:
        raise
    except Exception as err:  # noqa: BLE001 - any failure to fetch an input is the input's
        raise InputFailed(input_error(err)) from err


# The platform's error for a failure: (Cog's error text, whether the caller's input was at fault).
Failure = typing.Callable[[str, bool], BaseException]


@contextlib.contextmanager
def reported(failure: Failure, keep: typing.Tuple[typing.Type[BaseException], ...] = ()) -> typing.Iterator[None]:
    """Runs the block; an exception from it is raised again as `failure(error, caller_error)`.
    Exceptions of the `keep` types are the platform's own (its errors, its GPU handling) and pass
    through unchanged."""
    try:
        yield
    except keep:
        raise
    except Exception as err:  # noqa: BLE001 - Cog reports every predictor error as a failed prediction
        error, caller_error = cog_failure(err)
        raise failure(error, caller_error) from None


def cog_failure(err: BaseException) -> typing.Tuple[str, bool]:
    """Cog's error text for an exception from a prediction, and whether the caller's input was
    at fault. A predictor's traceback goes to the log (stderr), as Cog logs it."""
    if isinstance(err, InputFailed):
        return err.error, True
    traceback.print_exception(type(err), err, err.__traceback__, file=sys.stderr)
    return prediction_error(err), False


def failed_response(err: BaseException) -> typing.Dict[str, str]:
    """The fields Cog's response carries for a failed prediction: its status and error text."""
    return {"status": "failed", "error": cog_failure(err)[0]}


T = typing.TypeVar("T")


def streamed(events: typing.Iterable[T], failed: typing.Callable[[typing.Dict[str, str]], T]) -> typing.Iterator[T]:
    """A streamed response's events, ended by `failed(Cog's failed response)` when producing them
    raises: the caller gets the error as the stream's last event, as Cog reports a failed
    prediction, instead of a connection that just breaks once the headers are out."""
    try:
        yield from events
    except Exception as err:  # noqa: BLE001 - whatever fails mid-stream is the prediction's failure
        yield failed(failed_response(err))


async def astreamed(
    events: typing.AsyncIterable[T], failed: typing.Callable[[typing.Dict[str, str]], T]
) -> typing.AsyncIterator[T]:
    """streamed() for an async generator of events."""
    try:
        async for event in events:
            yield event
    except Exception as err:  # noqa: BLE001 - whatever fails mid-stream is the prediction's failure
        yield failed(failed_response(err))
