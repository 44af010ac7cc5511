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
    text = "Ukrainian troops liberate a key village on the road to Berdyansk and Melitopol"
    assert ("capture", "UA", "asserts") not in readings(extractor, text, "en", "Berdyansk")


def test_claims_a_settlement_after_a_region_is_no_item_of_its_list(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the last Ukrainian-held towns in Donetsk, Ocheretyne matters…": the participle is said
    of the towns in the region; the town after the comma starts the main clause, it is not
    listed with the region and takes nothing from the participle."""
    text = ("Lying on the main supply road to the last Ukrainian-held towns in Donetsk, Ocheretyne matters "
            "a great deal to both armies.")
    assert readings(extractor, text, "en", "Ocheretyne") == set()
