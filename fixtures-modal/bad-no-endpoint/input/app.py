import modal

app = modal.App("nothing-served")


@app.local_entrypoint()
def main():
    print("hello")
