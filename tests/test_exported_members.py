"""The public API is curated: `frontwatch.__all__` changes only on purpose."""

from __future__ import annotations

import frontwatch

PUBLIC = [
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


def test_exported_members_are_the_curated_list() -> None:
    assert sorted(frontwatch.__all__) == sorted(PUBLIC)
    assert len(frontwatch.__all__) == len(set(frontwatch.__all__))


def test_exported_members_are_importable() -> None:
    namespace: dict[str, object] = {}
    exec("from frontwatch import *", namespace)
    for name in PUBLIC:
        assert getattr(frontwatch, name) is namespace[name]
    for name in PUBLIC:
        member = getattr(frontwatch, name)
        if name != "__version__":
            assert member.__module__.startswith("frontwatch."), name
            assert not name.startswith("_")
