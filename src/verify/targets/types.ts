// What verify needs to know of a target beyond the shared machinery: which Dockerfile its
// platform would build, and how its adapter is run in the smoke container.

import type { Finding } from '../../findings/types.js';
import type { Engine } from '../build/engine.js';
import type { TarEntry } from '../build/tar.js';
import type { Predictor } from '../../ir/types.js';
import type { VerifyOptions, VerifyResult } from '../types.js';

export interface TargetDockerfile {
  /** The Dockerfile text to build; absent when it cannot be had (the findings say why). */
  text?: string;
  /** Output-relative file the text's first lines come from, for findings' locations. */
  from?: string;
  /** Where the platform puts the output folder in the container (Modal's add_local_dir). */
  projectDir?: string;
  /** Files added to the build context beside the output (a Cog project's schema, its requirements). */
  extraFiles?: TarEntry[];
  /** The predictors the output itself declares (a Cog project's cog.yaml), over the IR given. */
  predictors?: { predict?: Predictor; train?: Predictor };
  findings: Finding[];
}

/** A target's own smoke runner: a script that imports the shared driver's helpers. */
export interface SmokeRunner {
  /** Output-relative adapter file the runner imports. */
  app: string;
  /** Folder under /cog-migrate that holds the runner's files (and is its sys.path[0]). */
  folder: string;
  /** The script run, one of `files` by name. */
  script: string;
  /** Absolute paths of the files copied into `folder`. */
  files: string[];
}

export interface TargetVerify {
  /** Recognises an output of the target by its files, before migration.json is asked (workers-ai: worker/wrangler.jsonc). */
  recognise?: (outDir: string) => boolean;
  /**
   * The target's own verification, level by level, in place of the shared one (workers-ai: its
   * Worker is checked with Cloudflare's tools and served on workerd), built on the shared parts.
   */
  verify?: (outDir: string, options: VerifyOptions) => Promise<VerifyResult>;
  /** Default: the output's own `Dockerfile`, or the one fal's app.py embeds. */
  dockerfile?: (outDir: string) => TargetDockerfile;
  /** The target's own smoke script, built on the shared driver's helpers (modal). */
  smoke?: SmokeRunner;
  /** Or: the shared driver with the target's serve module, on the platform's runtime (fal). */
  runtime?: SmokeRuntime;
}

/** A smoke image made from the built one for the run (the platform's serving stack added). */
export interface SmokeImage {
  /** The image to run the smoke container from; absent when it could not be made (see findings). */
  tag?: string;
  findings: Finding[];
  /** Removes what was made for the smoke run (not the built image itself). */
  remove(): Promise<void>;
}

export interface SmokeImageOptions {
  timeoutMs: number;
  onLine?: (line: string) => void;
}

/**
 * A target served by the shared driver on the platform's own runtime: the target's serve module
 * (its interface is in the driver's docstring, src/verify/smoke/driver.py) serves the generated
 * app with the platform's own application, and the driver sends the requests, the invalid input
 * and the model's test cases. Used where the platform's serving stack is not in the emitted
 * image itself (fal's builder adds fal).
 */
export interface SmokeRuntime {
  /** Absolute path of the target's serve.py, mounted at /cog-migrate/serve.py. */
  serveModule: string;
  /** Output-relative file the smoke run's findings point at (default app.py). */
  app?: string;
  /** From the built image to the one the smoke run uses; absent: the built image itself. */
  prepareImage?(engine: Engine, built: string, options: SmokeImageOptions): Promise<SmokeImage>;
  /**
   * Servers the platform runs from the image beside the driver's container (the Cog-API runtime:
   * Cog's own HTTP server, one per role, since Cog serves train() only in a server of its own,
   * and the platform's front before it, the Worker on workerd), started
   * before the driver; where they listen reaches serve.py through `env` (host network, 127.0.0.1).
   */
  server?(engine: Engine, image: string, timeoutMs: number, roles: readonly string[]): Promise<SmokeServer>;
}

export interface SmokeServer {
  /** The driver container's environment naming the servers; absent when one did not start (the findings say why). */
  env?: string[];
  findings: Finding[];
  stop(): Promise<void>;
}
