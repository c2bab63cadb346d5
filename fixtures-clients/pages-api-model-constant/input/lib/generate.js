import Replicate from "replicate";

export function withClient(params) {
  params.client = new Replicate({ auth: params.token });
  return params;
}

export async function generate({ client, prompt }) {
  // The client arrives as a parameter: which client (and so which account) is not known here.
  return await client.predictions.create({
    model: "acme/restyle",
    input: { prompt },
  });
}
