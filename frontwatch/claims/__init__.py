"""Claims stage: triggers, attribution, stance, actor and dates over parsed documents."""

from frontwatch.claims.extract import Extractor

__all__ = ["Extractor"]
