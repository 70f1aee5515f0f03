"""Analysis: sentence features, the cue lexicon, alignment of two documents, pledges across a corpus."""
