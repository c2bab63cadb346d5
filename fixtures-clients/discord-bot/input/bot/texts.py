# Messages the bot sends; no model calls here.
GREETING = "Hello! Ask me anything, or send a picture."


def farewell(name: str) -> str:
    return f"Bye, {name}!"
