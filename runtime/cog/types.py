"""cog.types of the cog-migrate compatibility package: the same names as the package."""

from . import (  # noqa: F401
    AsyncConcatenateIterator,
    BaseModel,
    ConcatenateIterator,
    File,
    Input,
    Path,
    Secret,
    URLFile,
    URLPath,
)
