"""Infrastructure shared by every layer: errors, output safety, atomic writes, the result cache."""
