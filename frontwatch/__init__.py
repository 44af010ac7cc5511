"""frontwatch: sourced, dated, geocoded territorial-control claims from war reporting."""

import logging

from frontwatch import compiled
from frontwatch.errors import FrontwatchError, InputError
from frontwatch.records import (
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
    Source,
)

__version__ = "0.1.0"

# Before any compiled module is imported: a build older than its sources is put aside.
compiled.choose()

# The library logs; applications (the CLI included) decide where the records go.
logging.getLogger("frontwatch").addHandler(logging.NullHandler())

__all__ = [
    "Claim",
    "Document",
    "Extraction",
    "FrontwatchError",
    "InputError",
    "PartialDate",
    "Place",
    "PlaceMention",
    "Source",
    "__version__",
]
