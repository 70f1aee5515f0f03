"""Vocabulary: how words are matched and which words mean what, read by every layer above.

``normal`` (Unicode normalisation for matching: NFC, diacritics folded, quote and dash variants
unified), ``lexicon`` (the one domain lexicon, ``lexicon.toml``) and ``countries`` (country names
from the country library, folded, and the countries a text names). The documents use it to clean
and to check a front matter's ``parties``; the analysis to find parties, actors and themes.
"""
