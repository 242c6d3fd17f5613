"""Every error the core raises, in one tree.

    NewsdeskError
    +-- InputError            permanent: the article itself is at fault; fail the job now
    |   +-- EmptyInput          code "empty"
    |   +-- BinaryInput         code "binary"
    |   +-- NotUtf8             code "not_utf8"
    |   +-- TooLarge            code "too_large"
    |   +-- NotEnglish          code "not_english"
    |   +-- InvalidArticle      code "invalid"
    +-- PipelineError         permanent: the analysis could not run (model missing, ...)

Transient failures (the broker, the database, the network) are not raised by
the core: they belong to the shell, which translates them at its edge.

Each error carries a stable `code` that users read back from the job record.
Constructors pass their arguments to `super().__init__` so that the errors
survive pickling and Celery's serialisation of exception info.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    code = "error"

    def __init__(self, message: str, *args: object) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(NewsdeskError):
    code = "invalid"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class NotUtf8(InputError):
    code = "not_utf8"


class TooLarge(InputError):
    code = "too_large"


class NotEnglish(InputError):
    code = "not_english"


class InvalidArticle(InputError):
    code = "invalid"


class PipelineError(NewsdeskError):
    code = "pipeline"
