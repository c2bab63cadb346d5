export interface Env {
  REPLICATE_API_TOKEN: string;
  AI: { run(model: string, inputs: object): Promise<unknown> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { prompt } = (await request.json()) as { prompt: string };
    const text = await predictOnModal("https://acme--tuned-web.modal.run", { prompt, width: 512, scheduler: "DDIM" });
    return Response.json({ text });
  },
};

/**
 * One prediction on the Modal app's Cog-compatible endpoint: POST /predictions answers as Cog
 * does, with { status, output, error, logs, metrics }.
 */
async function predictOnModal(url: string | undefined, input: object): Promise<any> {
  if (!url) throw new Error("Set the URL of the Modal app's web endpoint (the environment variable this call reads)");
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  // Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.
  if (process.env.MODAL_PROXY_TOKEN_ID) {
    headers["Modal-Key"] = process.env.MODAL_PROXY_TOKEN_ID;
    headers["Modal-Secret"] = process.env.MODAL_PROXY_TOKEN_SECRET ?? "";
  }
  const response = await fetch(`${url}/predictions`, { method: "POST", headers, body: JSON.stringify({ input }) });
  if (!response.ok) throw new Error(`Prediction request failed with status ${response.status}: ${await response.text()}`);
  const prediction = (await response.json()) as { status: string; output?: unknown; error?: string };
  if (prediction.status !== "succeeded") throw new Error(`Prediction failed: ${prediction.error}`);
  return prediction.output;
}
