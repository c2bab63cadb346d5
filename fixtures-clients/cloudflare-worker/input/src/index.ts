import Replicate from "replicate";

export interface Env {
  REPLICATE_API_TOKEN: string;
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const replicate = new Replicate({ auth: env.REPLICATE_API_TOKEN });
    const { prompt } = (await request.json()) as { prompt: string };
    const text = await replicate.run("acme/tuned", {
      input: { prompt, width: 512, scheduler: "DDIM" },
    });
    return Response.json({ text });
  },
};
