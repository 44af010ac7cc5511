"""Which places a layer's polygons cover: the centre, the disc of the town, date to date."""

from __future__ import annotations

import random

import numpy as np

from frontwatch.records import Place
from frontwatch.store.geometry import (
    AREA_ALL,
    AREA_NONE,
    AREA_PART,
    Coverage,
    edges_of,
    radius_km,
)


def place(lon: float, lat: float, population: int = 0) -> Place:
    return Place(1, "p", lat, lon, "", "UA", "PPL", population)


def square(lon: float, lat: float, d: float) -> list[tuple[float, float]]:
    return [(lon - d, lat - d), (lon + d, lat - d), (lon + d, lat + d), (lon - d, lat + d),
            (lon - d, lat - d)]


def test_geometry_radius_grows_with_population() -> None:
    assert radius_km(place(0, 0)) == 1.0
    assert radius_km(place(0, 0, 40)) == 0.5
    assert 2.4 < radius_km(place(0, 0, 30000)) < 2.7
    assert radius_km(place(0, 0, 3_000_000)) == 15.0


def test_geometry_centre_hole_and_disc() -> None:
    ring, hole = square(37.0, 48.0, 0.5), square(37.0, 48.0, 0.1)
    towns = [place(37.3, 48.0, 500), place(37.0, 48.0, 500), place(38.0, 48.0, 500),
             place(37.49, 48.0, 30000), place(37.52, 48.0, 30000)]
    inside, area = Coverage(towns).update(edges_of([[ring, hole]]))
    assert inside.tolist() == [True, False, False, True, False]
    assert area.tolist() == [AREA_ALL, AREA_NONE, AREA_NONE, AREA_PART, AREA_PART]


def test_geometry_date_to_date_matches_a_fresh_look() -> None:
    """Following dates by the edges that changed gives what each date alone gives."""
    rng = random.Random(7)
    towns = [place(rng.uniform(36, 39), rng.uniform(47, 49), rng.randrange(0, 90000))
             for _ in range(300)]
    following = Coverage(towns)

    def blob() -> list[list[tuple[float, float]]]:
        lon, lat, d = rng.uniform(36.5, 38.5), rng.uniform(47.3, 48.7), rng.uniform(.1, .4)
        return [square(lon, lat, d)]

    polygons = [blob() for _ in range(6)]
    for _ in range(15):
        polygons[rng.randrange(len(polygons))] = blob()  # one polygon moves per date
        edges = edges_of(polygons)
        inside, area = following.update(edges)
        fresh_inside, fresh_area = Coverage(towns).update(edges)
        assert np.array_equal(inside, fresh_inside)
        assert np.array_equal(area, fresh_area)


def test_geometry_polygons_sharing_an_edge_cover_both_sides() -> None:
    """Two districts drawn as adjacent polygons: a point in either is inside, the shared
    edge counted once per polygon."""
    west = [(37.0, 48.0), (37.5, 48.0), (37.5, 48.5), (37.0, 48.5), (37.0, 48.0)]
    east = [(37.5, 48.0), (38.0, 48.0), (38.0, 48.5), (37.5, 48.5), (37.5, 48.0)]
    towns = [place(37.2, 48.2, 100), place(37.8, 48.2, 100), place(38.3, 48.2, 100)]
    inside, _ = Coverage(towns).update(edges_of([[west], [east]]))
    assert inside.tolist() == [True, True, False]
