import modal
from pydantic import create_model

app = modal.App("dynamic")
Request = create_model("Request", prompt=(str, ...))


@app.function()
@modal.fastapi_endpoint(method="POST")
def run(request: Request) -> str:
    return request.prompt
