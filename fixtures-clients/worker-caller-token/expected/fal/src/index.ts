import { createFalClient } from "@fal-ai/client";

export interface Env {
  IMAGES: { put(key: string, value: ArrayBuffer): Promise<unknown> };
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    // Each caller pays with their own token.
    const userToken = request.headers.get("X-Api-Token");
    if (!userToken) return Response.json({ error: "missing X-Api-Token" }, { status: 400 });
    const fal = createFalClient({ credentials: userToken });
    const { prompt, image } = (await request.json()) as { prompt: string; image: string };
    const output = (await fal.subscribe("acme/relight", {
      input: { prompt, image },
    })).data.output;
    return Response.json({ output });
  },
};
