import { NextResponse } from "next/server";

// POST /api/grayscale  { "image": "https://..." }
export async function POST(request: Request) {
  const { image, invert } = await request.json();

  // The model answers within a few seconds, so wait for it here.
  const output = await predictOnModal("https://acme--grayscale-web.modal.run", {
    image,
    invert: invert ?? false,
    scale: 4.5, // too large: the model allows at most 4
    output_format: "png",
  });

  return NextResponse.json({ url: String(output) });
}

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
