import Replicate from "replicate";
import { NextResponse } from "next/server";

const replicate = new Replicate({
  auth: process.env.REPLICATE_API_TOKEN,
});

// POST /api/grayscale  { "image": "https://..." }
export async function POST(request: Request) {
  const { image, invert } = await request.json();

  // The model answers within a few seconds, so wait for it here.
  const output = await replicate.run("acme/grayscale", {
    input: {
      image,
      invert: invert ?? false,
      scale: 4.5, // too large: the model allows at most 4
      output_format: "png",
    },
    wait: { mode: "block", timeout: 30 },
  });

  return NextResponse.json({ url: String(output) });
}
