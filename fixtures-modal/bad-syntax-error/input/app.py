import modal

app = modal.App("broken")


@app.function()
def run(prompt: str) -> str:
    return prompt +
