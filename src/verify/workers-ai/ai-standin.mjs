// The Workers AI binding as verify runs a BYO Worker on workerd (Miniflare): a wrapped binding
// whose run(model, inputs) sends the inputs to Cog's HTTP API on 127.0.0.1
// (COG_MIGRATE_SERVER_URL: Cog's server in the built `cog debug` image, or a test's server) and
// returns the prediction's output, which is what the Worker expects env.AI.run to return for a
// Cog model (PredictionOutput). A failed prediction throws, as a failed model call does.
export default function aiStandin(env) {
  return {
    async run(model, inputs) {
      const response = await fetch(new URL('/predictions', env.COG_MIGRATE_SERVER_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ input: inputs }),
      });
      const body = await response.json();
      if (response.status !== 200 || body.status !== 'succeeded') {
        throw new Error(`model ${model}: ${response.status} ${JSON.stringify(body.error ?? body.detail ?? body)}`);
      }
      return body.output;
    },
  };
}
