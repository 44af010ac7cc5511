"""frontwatch: sourced, dated, geocoded territorial-control claims from war reporting."""

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
