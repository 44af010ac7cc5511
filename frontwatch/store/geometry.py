"""How much of a place a layer's polygons cover: its centre, and the disc of its built-up area.

A place is a point in the gazetteer, but a town spreads over kilometres: "Russian units in the
eastern districts" is true when the polygons reach the town's edge, long before they reach
its centre. The disc's radius comes from the population (the area of a town of that many
people at a typical density), so a village is a few hundred metres wide and a city several
kilometres.

Rings are read with the even-odd rule, which is what GeoJSON means for valid polygons (holes
lie inside their outline, the polygons of a MultiPolygon do not overlap): a point is inside
when a ray from it crosses the edges an odd number of times. That makes a layer's dates cheap
to follow one after the other: from one date to the next only a few edges change, and a
point's parity flips by its crossings with those alone (`Coverage`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from frontwatch.records import Place

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes
Floats = NDArray[np.float64]

# What the disc of a place shows: no part of it inside the polygons, some, or all of it.
AREA_NONE, AREA_PART, AREA_ALL = 0, 1, 2
AREA_NAMES = ("none", "part", "all")

# People per km² of a town's built-up area; gives Toretsk (31,000 people) a 2.6 km radius.
_DENSITY = 1500.0
_MIN_KM, _MAX_KM, _UNKNOWN_KM = 0.5, 15.0, 1.0
_KM_PER_DEG_LAT = 110.574
_KM_PER_DEG_LON = 111.320
# Points tested together: bounds the (points x edges) arrays to a few MiB.
_CHUNK = 256


def radius_km(place: Place) -> float:
    """The radius of the disc a place is taken to cover, from its population."""
    if place.population <= 0:
        return _UNKNOWN_KM
    return min(_MAX_KM, max(_MIN_KM, math.sqrt(place.population / (math.pi * _DENSITY))))


def edges_of(polygons: Sequence[Polygon]) -> Floats:
    """Every edge of every ring as rows (x1, y1, x2, y2); rings are closed if they were not.

    An edge two polygons share is kept twice: the even-odd rule counts both crossings.
    """
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
            if len(points) < 3:
                continue
            if not np.array_equal(points[0], points[-1]):
                points = np.vstack([points, points[:1]])
            segments = np.hstack([points[:-1], points[1:]])
            parts.append(segments[(segments[:, :2] != segments[:, 2:]).any(axis=1)])
    return np.vstack(parts) if parts else np.empty((0, 4))


# Odd 64-bit multipliers for hashing an edge's four coordinates (and its copy number).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD], dtype=np.uint64)


def _keys(edges: Floats) -> NDArray[np.uint64]:
    """One 64-bit key per edge, from its exact coordinates, the n-th copy of an edge mixed
    with n: set operations on the keys are multiset operations on the edges (two different
    edges share a key with odds of about one in 2^64 / n²)."""
    bits = np.ascontiguousarray(edges).view(np.uint64).reshape(-1, 4)
    hashed = np.bitwise_xor.reduce(bits * _MIX[:4], axis=1) if len(bits) else \
        np.empty(0, dtype=np.uint64)
    order = np.argsort(hashed, kind="stable")
    ranked = hashed[order]
    starts = np.ones(len(hashed), dtype=np.bool_)
    starts[1:] = ranked[1:] != ranked[:-1]
    positions = np.arange(len(hashed))
    copy = np.empty(len(hashed), dtype=np.uint64)
    copy[order] = positions - np.maximum.accumulate(np.where(starts, positions, 0))
    keyed: NDArray[np.uint64] = hashed ^ (copy * _MIX[4])
    return keyed


def _odd_crossings(px: Floats, py: Floats, edges: Floats) -> NDArray[np.bool_]:
    """Whether a ray from each point towards +x crosses `edges` an odd number of times."""
    found = np.zeros(len(px), dtype=np.bool_)
    if not len(edges):
        return found
    x1, y1, x2, y2 = edges.T
    for first in range(0, len(px), _CHUNK):
        x, y = px[first : first + _CHUNK, None], py[first : first + _CHUNK, None]
        straddles = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            cross_x = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        found[first : first + _CHUNK] = (straddles & (x < cross_x)).sum(axis=1) % 2 == 1
    return found


def _distance_km(px: Floats, py: Floats, edges: Floats) -> Floats:
    """Distance from each point to the nearest of `edges`, in km (local equirectangular)."""
    found = np.full(len(px), np.inf)
    if not len(edges):
        return found
    x1, y1, x2, y2 = edges.T
    for first in range(0, len(px), _CHUNK):
        x, y = px[first : first + _CHUNK, None], py[first : first + _CHUNK, None]
        kx = _KM_PER_DEG_LON * np.cos(np.radians(y))
        ax, ay = (x1 - x) * kx, (y1 - y) * _KM_PER_DEG_LAT
        dx, dy = (x2 - x1) * kx, (y2 - y1) * _KM_PER_DEG_LAT
        length2 = dx * dx + dy * dy
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip(-(ax * dx + ay * dy) / length2, 0.0, 1.0)
        cx, cy = ax + t * dx, ay + t * dy
        found[first : first + _CHUNK] = np.sqrt((cx * cx + cy * cy).min(axis=1))
    return found


class Coverage:
    """What successive dates of a layer show of a fixed set of places.

    `update(edges)` takes a date's edges (`edges_of`) and returns, per place, whether its
    centre is inside and how much of its disc is (AREA_*). After the first date only the
    edges that changed are looked at: the centre's parity flips by its crossings with them,
    and the distance to the nearest edge is measured again only where a removed edge was
    close.
    """

    def __init__(self, places: Sequence[Place]) -> None:
        self.lons = np.array([p.lon for p in places], dtype=np.float64)
        self.lats = np.array([p.lat for p in places], dtype=np.float64)
        self.radii = np.array([radius_km(p) for p in places], dtype=np.float64)
        self._edges: Floats = np.empty((0, 4))
        self._keys = _keys(self._edges)
        self._inside = np.zeros(len(places), dtype=np.bool_)
        self._near = np.zeros(len(places), dtype=np.bool_)

    def update(self, edges: Floats) -> tuple[NDArray[np.bool_], NDArray[np.int8]]:
        keys = _keys(edges)
        removed = self._edges[~np.isin(self._keys, keys)]
        added = edges[~np.isin(keys, self._keys)]
        if len(removed) + len(added) >= len(edges):
            self._inside = _odd_crossings(self.lons, self.lats, edges)
            self._near = _distance_km(self.lons, self.lats, edges) < self.radii
        elif len(removed) or len(added):
            self._inside = self._inside ^ _odd_crossings(self.lons, self.lats, removed) \
                ^ _odd_crossings(self.lons, self.lats, added)
            lost = _distance_km(self.lons, self.lats, removed) < self.radii
            near = self._near | (_distance_km(self.lons, self.lats, added) < self.radii)
            if lost.any():
                near[lost] = _distance_km(self.lons[lost], self.lats[lost], edges) \
                    < self.radii[lost]
            self._near = near
        self._edges, self._keys = edges, keys
        area = np.where(self._near, AREA_PART, np.where(self._inside, AREA_ALL, AREA_NONE))
        return self._inside.copy(), area.astype(np.int8)
