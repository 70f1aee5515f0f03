"""Documents: the data model, reading files, the corpus, cleaning captures, sentences, adding files."""
