import replicate


def by_name(model: str, prompt: str):
    return replicate.run(f"acme/{model}", input={"prompt": prompt})


def passed_in(client, prompt: str):
    return client.run("acme/tokens", input={"prompt": prompt})
