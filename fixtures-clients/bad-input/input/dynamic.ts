import Replicate from "replicate";

const replicate = new Replicate();

export async function byName(owner: string, name: string, prompt: string) {
  // Which model runs is decided by the caller.
  return replicate.run(`${owner}/${name}`, { input: { prompt } });
}

export async function passedIn(client: Replicate, prompt: string) {
  return client.run("acme/tokens", { input: { prompt } });
}

export async function other(prompt: string) {
  return replicate.run("someone/else", { input: { prompt } });
}
