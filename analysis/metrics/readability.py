"""Placeholder: being written."""

from ..model import ParsedArticle
from .base import FamilyResult, Settings, register_family


@register_family("readability")
def compute_readability(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    return FamilyResult()
