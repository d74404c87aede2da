"""Placeholder: being written."""

from ..model import ParsedArticle
from .base import FamilyResult, Settings, register_family


@register_family("entities")
def compute_entities(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    return FamilyResult()
