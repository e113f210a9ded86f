"""The curriculum: lessons as reviewable text, and the manifest that describes them."""
