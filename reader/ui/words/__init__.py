"""Word level in the reading view: the lookup card and what drives it."""
