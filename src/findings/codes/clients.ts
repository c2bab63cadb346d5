import type { CodeSpec } from './types.js';

// CM70x-CM74x: `cog-migrate clients`, rewriting application code that called a model through
// Replicate's client. CM70x: files and paths; CM71x: call sites left unchanged (and why);
// CM72x: checks against the model's IR; CM73x: what the rewritten code needs from a human.
export const clientsCodes: CodeSpec[] = [
  { code: 'CM700', defaultSeverity: 'error', title: 'Source file does not parse: left untouched', hint: 'Fix the syntax error (or exclude the file) and run `cog-migrate clients` again; a file that does not parse is never rewritten.' },
  { code: 'CM701', defaultSeverity: 'error', title: 'Path to rewrite not found or not readable', hint: 'Give existing files or folders; symbolic links that leave the path are not followed.' },
  { code: 'CM702', defaultSeverity: 'error', title: 'A rewritten file could not be written', hint: 'The file is unchanged (writes are atomic per file); check permissions and free space, then re-run with --write.' },
  { code: 'CM703', defaultSeverity: 'warning', title: 'Source file skipped: not UTF-8 or too large', hint: 'cog-migrate rewrites UTF-8 source files up to 2 MB; convert the file or change it by hand.' },
  { code: 'CM704', defaultSeverity: 'error', title: 'The model IR given with --ir is not usable', hint: 'Pass a Cog project folder (holding cog.yaml) or the JSON that `cog-migrate inspect --json` prints.' },
  { code: 'CM710', defaultSeverity: 'warning', title: 'Model id built at run time: call left unchanged', hint: 'Only a literal model id (or a const string in the same file) names a model safely; write the id literally or change the call by hand.' },
  { code: 'CM711', defaultSeverity: 'warning', title: 'Call to a model that no --model names: left unchanged', hint: 'Add `--model owner/name=TARGET_ID` for it if it moved too.' },
  { code: 'CM712', defaultSeverity: 'warning', title: 'Replicate client not traced to its construction: call left unchanged', hint: 'The client reaches this call through a parameter, property or another module; construct it in this file or change the call by hand.' },
  { code: 'CM713', defaultSeverity: 'warning', title: 'Call arguments cannot be rewritten safely: call left unchanged', hint: 'Options must be an object literal with known keys (input, wait, webhook, webhook_events_filter, signal); spread options, progress callbacks and extra arguments need a hand rewrite.' },
  { code: 'CM714', defaultSeverity: 'warning', title: 'Replicate API with no safe equivalent on the target: left unchanged', hint: 'The message names the target API to use; the result objects differ in shape, so the code around the call changes too.' },
  { code: 'CM715', defaultSeverity: 'warning', title: 'The prediction object is used beyond its id: call left unchanged', hint: 'The target returns a queue handle (request id and status), not a Replicate prediction; rewrite the code reading other fields by hand.' },
  { code: 'CM716', defaultSeverity: 'warning', title: 'Workers AI call outside a Worker: left unchanged', hint: '`env.AI.run` needs the Worker\'s `env` (the `ai` binding in wrangler config); move the call into the fetch handler or pass `env` to it.' },
  { code: 'CM717', defaultSeverity: 'warning', title: 'Replicate client still used: its import and construction are kept', hint: 'Some calls in this file were not rewritten (see the other findings); remove the Replicate client once they are.' },
  { code: 'CM720', defaultSeverity: 'error', title: 'Input name the model does not have', hint: 'The model\'s schema (cog-migrate inspect) lists its inputs; a misspelt name was ignored by Replicate and is rejected by the target.' },
  { code: 'CM721', defaultSeverity: 'error', title: 'Input literal of the wrong type', hint: 'Pass a value of the type the model declares (cog-migrate inspect shows it).' },
  { code: 'CM722', defaultSeverity: 'error', title: 'Input literal outside its declared range or choices', hint: 'The model declares ge/le, min/max length or choices for this input; the target validates them and answers 422.' },
  { code: 'CM723', defaultSeverity: 'warning', title: 'A required input is not passed', hint: 'The model has no default for it; the call fails validation on the target.' },
  { code: 'CM730', defaultSeverity: 'info', title: 'File outputs are now URL strings', hint: 'Replicate\'s client returned FileOutput objects (`.url()`, `.blob()`); the rewrite returns the file\'s URL (fal: `File.url`). Code calling `.url()` or `.blob()` on the result must use the string (`new URL(s)`, `fetch(s)`).' },
  { code: 'CM731', defaultSeverity: 'warning', title: 'Replicate option with no target equivalent was dropped', hint: 'fal calls a webhook once, when the request completes; Modal and Workers AI have no webhooks. Re-check the webhook receiver.' },
  { code: 'CM732', defaultSeverity: 'info', title: 'The rewritten call needs configuration', hint: 'Set the environment variables or bindings the message names before running the rewritten code.' },
  { code: 'CM733', defaultSeverity: 'info', title: 'Output shape not checked: no model IR given', hint: 'Pass `--ir MODEL_DIR` (or IR JSON) so file outputs read `.url` and inputs are checked against the schema.' },
];
