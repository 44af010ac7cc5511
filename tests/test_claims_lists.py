"""Places listed on one trigger are weighed each on its own.

"On their way to X and Y": a list's most likely item lends its reading to no other item;
the model reads each place of the list from its own features.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models


def test_claims_a_listed_place_takes_no_reading_from_the_list_s_likeliest_item(extractor) -> None:  # type: ignore[no-untyped-def]
    """A village taken on the way to two towns: the first town does not become a capture
    because the model leans that way for the second."""
    text = "Ukrainian forces liberate key village on their way to Berdyansk and Melitopol"
    assert ("capture", "UA", "asserts") not in readings(extractor, text, "en", "Berdyansk")
