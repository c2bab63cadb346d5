// The entry module verify runs a Containers Worker with on workerd (Miniflare): the bundled
// Worker unchanged (./index.js, as `wrangler deploy --dry-run` wrote it), whose Container class
// (the real @cloudflare/containers code) gets, in place of the container runtime Cloudflare's
// cloud provides as `ctx.container`, a stand-in that forwards the container's TCP port to an HTTP
// server on 127.0.0.1 (COG_MIGRATE_SERVER_URL): Cog's server in the built image, or a test's.
// The Durable Object binding points at CogMigrateContainer, which is the Worker's own class.
import worker, * as generated from './index.js';

export default worker;

/** The Worker's Container subclass: the exported class with Container's containerFetch(). */
const Generated = Object.values(generated).find((v) => typeof v === 'function' && typeof v.prototype?.containerFetch === 'function');
if (!Generated) throw new Error('the bundled Worker exports no Container class');

/** The part of workerd's `ctx.container` API that @cloudflare/containers uses. */
function containerStandin(serverUrl) {
  const server = new URL(serverUrl);
  let running = false;
  let stopped;
  let exit = new Promise((resolve) => { stopped = resolve; });
  const stop = () => {
    running = false;
    stopped();
    exit = new Promise((resolve) => { stopped = resolve; });
  };
  return {
    get running() { return running; },
    start() { running = true; },
    monitor() { return exit; },
    async destroy() { stop(); },
    signal() { stop(); },
    getTcpPort() {
      return {
        fetch(input, init) {
          const request = new Request(input, init);
          const url = new URL(request.url);
          url.protocol = server.protocol;
          url.host = server.host;
          return fetch(new Request(url, request));
        },
      };
    },
    async setInactivityTimeout() {},
    async interceptOutboundHttp() {},
    async interceptOutboundHttps() {},
    async interceptAllOutboundHttp() {},
  };
}

export class CogMigrateContainer extends Generated {
  constructor(ctx, env) {
    Object.defineProperty(ctx, 'container', { value: containerStandin(env.COG_MIGRATE_SERVER_URL), configurable: true });
    super(ctx, env);
  }
}
