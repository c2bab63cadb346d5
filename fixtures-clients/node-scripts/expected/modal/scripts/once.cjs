'use strict';

async function main() {
  const output = await predictOnModal(process.env.TOKENS_URL, { prompt: process.argv[2] || 'Hello', temperature: '0.2' });
  console.log(output.join(''));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * One prediction on the Modal app's Cog-compatible endpoint: POST /predictions answers as Cog
 * does, with { status, output, error, logs, metrics }.
 */
async function predictOnModal(url, input) {
  if (!url) throw new Error("Set the URL of the Modal app's web endpoint (the environment variable this call reads)");
  const headers = { "Content-Type": "application/json" };
  // Endpoints deployed with requires_proxy_auth=True need a Modal proxy auth token.
  if (process.env.MODAL_PROXY_TOKEN_ID) {
    headers["Modal-Key"] = process.env.MODAL_PROXY_TOKEN_ID;
    headers["Modal-Secret"] = process.env.MODAL_PROXY_TOKEN_SECRET ?? "";
  }
  const response = await fetch(`${url}/predictions`, { method: "POST", headers, body: JSON.stringify({ input }) });
  if (!response.ok) throw new Error(`Prediction request failed with status ${response.status}: ${await response.text()}`);
  const prediction = await response.json();
  if (prediction.status !== "succeeded") throw new Error(`Prediction failed: ${prediction.error}`);
  return prediction.output;
}
