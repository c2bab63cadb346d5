import replicate

def go(:
    return replicate.run("acme/tokens", input={"prompt": "hi"})
