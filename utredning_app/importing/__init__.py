"""Readers for untrusted files: bytes in, validated data or a clear Swedish error out."""
