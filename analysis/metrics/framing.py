"""Placeholder: being written."""

from ..model import ParsedArticle
from .base import FamilyResult, Settings, register_family


@register_family("framing")
def compute_framing(doc: ParsedArticle, settings: Settings) -> FamilyResult:
    return FamilyResult()
