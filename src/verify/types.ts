// The verify stage's contract: levels, options, and what a run returns. A run never throws for a
// bad project or an absent engine: everything comes back as findings plus the steps that ran.

import type { CogIR } from '../ir/types.js';
import type { Finding } from '../findings/types.js';

export type VerifyLevel = 'static' | 'build' | 'smoke';

export const LEVELS: readonly VerifyLevel[] = ['static', 'build', 'smoke'];

/** One progress event: a step starting or ending, or a line of build/run output. */
export interface VerifyProgress {
  step: string;
  kind: 'start' | 'end' | 'line';
  text: string;
}

export interface VerifyOptions {
  level: VerifyLevel;
  /** Path of a JSON file with example inputs for the smoke run (`--example input.json`). */
  example?: string;
  /** Called with a printable line (`[build] Step 2/6 : RUN ...`) and the same event as data. */
  onProgress?: (line: string, event: VerifyProgress) => void;
  /** Budget for the build and for the smoke run, each; default 20 minutes / 5 minutes. */
  timeoutMs?: number;
  /** Budget for the smoke run alone (overrides timeoutMs there). */
  smokeTimeoutMs?: number;
  /** The IR the output was emitted from; otherwise read from migration.json in the output. */
  ir?: CogIR;
  /** Target the output was produced for; default `fal`. */
  target?: string;
  /** Local image used where a FROM image is missing; default `python:3.11-slim`. */
  substituteBase?: string;
  /** Extra build arguments. */
  buildArgs?: Record<string, string>;
  /** Keep the built image (default: removed after verification). */
  keepImage?: boolean;
  /** Image tag to build; default `cog-migrate-verify/<folder>:<random>`. */
  tag?: string;
  /** Hook for the Cog -> IR -> Cog check: returns the schema before and after the round trip. */
  openApiRoundTrip?: () => Promise<{ before: unknown; after: unknown }> | { before: unknown; after: unknown };
  /** Python with the target SDK installed, for pyright; default: scripts/python-env.sh <target>. */
  sdkPython?: string;
}

export interface VerifyStep {
  name: string;
  ok: boolean;
  /** Present when the step did not run (engine missing, earlier step failed). */
  skipped?: string;
  durationMs: number;
  /** Build step: image size in bytes and id. */
  imageSize?: number;
  imageId?: string;
  /** One human line: image size and build time, the comparison rule, why it was skipped. */
  detail?: string;
  /** Smoke step: the normalised results of both calls and how they were compared. */
  smoke?: {
    adapter?: unknown; direct?: unknown; rule?: string; timings?: Record<string, number>; streamEvents?: number;
    /** Modal: what the @modal.method returned for the same inputs. */
    method?: unknown;
    /** What served the app: the platform, its SDK version, the application object. */
    runtime?: Record<string, string>;
    /** Each request sent to the platform (role, endpoint, status; for a stream its event count). */
    requests?: { role: string; endpoint: string; status?: number; events?: number | null }[];
    /** The invalid request and the platform's answer (422 expected). */
    invalid?: InvalidRequest;
    /** The OpenAPI document the platform itself served. */
    openapi?: unknown;
    /** Roles besides predict (train): both results and the rule that matched. */
    roles?: Record<string, { adapter: unknown; direct: unknown; rule: string }>;
    /** A platform in front of Cog's server (the Worker): each request also sent to that server, whose answer agreed. */
    reference?: { role: string; endpoint: string; status: number }[];
    /** The model's test cases: what came back and whether the checker held. */
    cases?: { id: string; output: unknown; error: string | null; ok: boolean }[];
  };
}

/** The wrongly typed request a smoke run sends, and what the platform answered. */
export interface InvalidRequest {
  endpoint?: string;
  input?: string;
  sent?: unknown;
  status?: number;
  /** fal: FastAPI's `detail` list. */
  detail?: unknown;
  /** modal: the whole response body. */
  body?: unknown;
  /** A platform in front of Cog's server: that server's answer to the same request (422 expected too). */
  reference_status?: number;
  /** Why none was sent (no input with a type to break). */
  skipped?: string;
}

export interface VerifyResult {
  findings: Finding[];
  steps: VerifyStep[];
}
