import { fal } from "@fal-ai/client";

export interface Env {
  REPLICATE_API_TOKEN: string;
  FAL_KEY: string;
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    fal.config({ credentials: env.FAL_KEY });
    const { prompt } = (await request.json()) as { prompt: string };
    const text = (await fal.subscribe("acme/tuned", {
      input: { prompt, width: 512, scheduler: "DDIM" },
    })).data.output;
    return Response.json({ text });
  },
};
