import Replicate from "replicate";
const replicate = new Replicate();
export async function go( {
  return replicate.run("acme/tokens", { input: { prompt: "hi" } });
}
