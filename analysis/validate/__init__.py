"""Validate the toolkit on your own corpus: draw a coding sample, score human coders and the toolkit.

``mediacompare validate sample`` (:func:`analysis.validate.sample.write_sample`) writes blind coding
sheets for a stratified sample; ``mediacompare validate score`` (:func:`analysis.validate.score.load_round`,
:func:`analysis.validate.score.score_round`, :func:`analysis.validate.outputs.write_outputs`) reads the
filled sheets and reports Krippendorff's α between coders and the toolkit's precision, recall and F1
against the reference code. docs/validation.md describes the design and every statistic.
"""
