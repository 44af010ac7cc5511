"""Toponym spotting and resolution: text spans -> GeoNames places."""

from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.keys import name_keys
from frontwatch.places.resolve import FRONT_ADMIN1, PlaceFinder

__all__ = ["FRONT_ADMIN1", "Gazetteer", "PlaceFinder", "name_keys"]
