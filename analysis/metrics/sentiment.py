"""Placeholder: being written."""

from ..model import ParsedArticle
from .base import FamilyResult, Settings, register_family


@register_family("sentiment")
def compute_sentiment(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    return FamilyResult()
