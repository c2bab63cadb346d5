"""Only used by the stand-in when FastAPI is not installed."""
