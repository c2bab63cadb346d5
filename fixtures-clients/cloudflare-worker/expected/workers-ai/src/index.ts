export interface Env {
  REPLICATE_API_TOKEN: string;
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { prompt } = (await request.json()) as { prompt: string };
    const text = await env.AI.run("@cf/acme/tuned", { prompt, width: 512, scheduler: "DDIM" });
    return Response.json({ text });
  },
};
