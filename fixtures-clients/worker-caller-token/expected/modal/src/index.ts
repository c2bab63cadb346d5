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
    const output = await predictOnModal("https://acme--relight-web.modal.run", { prompt, image });
    return Response.json({ output });
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
