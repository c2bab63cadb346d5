"""Serves a Modal output's Cog-compatible endpoint on the host, for tests (no Docker, no account):

    python serve.py APP_DIR PORT

Imports APP_DIR/modal_app.py under the real modal package, drives its class as Modal's container
does (cog_migrate_modal.Container: enter once) and serves what its @modal.asgi_app method returns
under uvicorn on 127.0.0.1:PORT. The project is read from COG_MIGRATE_PROJECT_DIR instead of /src
when set (a local run has no /src mount).
"""

import os
import sys

import cog_migrate_modal  # beside this file: the script's folder is sys.path[0]


def main() -> None:
    import uvicorn

    app_dir, port = sys.argv[1], int(sys.argv[2])
    module = cog_migrate_modal.import_app(os.path.join(app_dir, "modal_app.py"))
    project = os.environ.get("COG_MIGRATE_PROJECT_DIR")
    if project:
        setattr(module, "PROJECT_DIR", project)
        setattr(module, "OPENAPI_FILE", os.path.join(project, "openapi.json"))
    container = cog_migrate_modal.Container(module)
    container.enter()
    uvicorn.run(container.asgi_app(), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
