"""Toponym spotting and resolution: text spans -> GeoNames places."""

from frontwatch.places.gazetteer import Gazetteer
from frontwatch.places.keys import name_keys

__all__ = ["Gazetteer", "name_keys"]
