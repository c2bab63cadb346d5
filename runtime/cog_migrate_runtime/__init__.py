"""The Python that cog-migrate's adapters share, shipped beside the generated app.

- loading: imports the predictor file as Cog does and runs its setup().
- inputs: turns URL and data-URI file inputs into local Paths.
- outputs: turns Path / File / iterator / BaseModel outputs into JSON, as Cog's server does.
- http: Cog's HTTP API (POST /predictions, GET /health-check, GET /openapi.json, POST /trainings)
  as a FastAPI app, for platforms that serve ASGI (Modal).

Each module imports only the standard library at the top, so an adapter pays for what it uses;
http needs fastapi and pydantic v2 in the image.
"""
