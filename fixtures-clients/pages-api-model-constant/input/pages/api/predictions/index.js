import Replicate from "replicate";

const model = "acme/restyle";

const replicate = new Replicate({
  auth: process.env.REPLICATE_API_TOKEN,
});

export default async function handler(req, res) {
  // The browser polls /api/predictions/[id] with the id it gets back.
  const prediction = await replicate.predictions.create({
    model,
    input: { prompt: req.body.prompt, strength: 0.6 },
  });
  res.statusCode = 201;
  res.end(JSON.stringify({ id: prediction.id }));
}
