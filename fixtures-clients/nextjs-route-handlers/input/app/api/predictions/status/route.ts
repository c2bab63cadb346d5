import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.REPLICATE_API_TOKEN });

export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get("id") ?? "";
  // Polling needs the whole prediction (status and output): no drop-in equivalent on the target.
  const prediction = await replicate.predictions.get(id);
  return Response.json({ status: prediction.status, output: prediction.output });
}
