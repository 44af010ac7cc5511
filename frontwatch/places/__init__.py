"""Toponym spotting and resolution: text spans -> GeoNames places."""

from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.keys import name_keys
from frontwatch.places.resolve import PlaceFinder

__all__ = ["Gazetteer", "PlaceFinder", "name_keys"]
