"""Word and Excel writers: data in, file out; no Qt."""
