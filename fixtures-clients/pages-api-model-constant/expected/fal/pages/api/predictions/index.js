import { fal } from "@fal-ai/client";

const model = "acme/restyle";

fal.config({ credentials: process.env.FAL_KEY });

export default async function handler(req, res) {
  // The browser polls /api/predictions/[id] with the id it gets back.
  const prediction = await fal.queue.submit("acme/restyle", {
    input: { prompt: req.body.prompt, strength: 0.6 },
  });
  res.statusCode = 201;
  res.end(JSON.stringify({ id: prediction.request_id }));
}
