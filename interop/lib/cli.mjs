// Shared CLI plumbing: every script prints exactly one JSON object on stdout and exits with
// 0 = verified / done, 1 = not verified / failed, 2 = usage error. The Java tests rely on this
// contract, so it lives in one place.
import {parseArgs} from 'node:util';
import {readFile, writeFile} from 'node:fs/promises';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
// The harness itself is not installed (node_modules missing): distinct from "not verified" so a
// Java test cannot mistake a broken environment for a rejected credential.
export const EXIT_ENVIRONMENT = 3;

export class UsageError extends Error {}

export function emit(result, code) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exitCode = code;
}

/**
 * Parses argv with node:util parseArgs (strict: unknown options are usage errors).
 * `positionals` is the exact number of positional arguments required.
 */
export function parseCli({options, positionals, usage}) {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2), options, allowPositionals: true, strict: true
    });
  } catch(e) {
    throw new UsageError(`${e.message}\nusage: ${usage}`);
  }
  if(parsed.positionals.length !== positionals) {
    throw new UsageError(
      `expected ${positionals} positional argument(s), got ` +
      `${parsed.positionals.length}\nusage: ${usage}`);
  }
  return parsed;
}

/**
 * Runs main(); maps UsageError to exit 2, a missing dependency to exit 3 and any other escape
 * to exit 1. Scripts import their library code dynamically inside main() so that a missing
 * node_modules lands here instead of crashing with a stack trace and exit code 1.
 */
export async function run(script, main) {
  try {
    await main();
  } catch(e) {
    if(e?.code === 'ERR_MODULE_NOT_FOUND') {
      emit({
        script, error: 'environment',
        message: `${e.message} (install the harness: npm ci --prefix interop)`
      }, EXIT_ENVIRONMENT);
    } else if(e instanceof UsageError) {
      emit({script, error: 'usage', message: e.message}, EXIT_USAGE);
    } else {
      emit({script, error: 'failed', message: errorMessages(e)}, EXIT_FAILED);
    }
  }
}

export async function readText(path, what) {
  try {
    return await readFile(path, 'utf8');
  } catch(e) {
    throw new UsageError(`cannot read ${what} file ${path}: ${e.code ?? e.message}`);
  }
}

export async function readJson(path, what) {
  const text = await readText(path, what);
  try {
    return JSON.parse(text);
  } catch(e) {
    throw new UsageError(`${what} file ${path} is not JSON: ${e.message}`);
  }
}

export async function writeText(path, text) {
  await writeFile(path, text, 'utf8');
}

/**
 * Flattens the nested error shapes the Digital Bazaar and sd-jwt libraries produce
 * (VerificationError.errors, cause chains) into plain messages for the JSON result.
 */
export function errorMessages(e, seen = new Set()) {
  if(e === undefined || e === null || seen.has(e)) {
    return [];
  }
  seen.add(e);
  if(Array.isArray(e)) {
    return e.flatMap(x => errorMessages(x, seen));
  }
  if(typeof e !== 'object') {
    return [String(e)];
  }
  const out = [];
  const own = e.message ?? (e.name ? String(e.name) : undefined);
  if(own) {
    out.push(e.name && e.name !== 'Error' ? `${e.name}: ${own}` : own);
  }
  if(e.errors) {
    out.push(...errorMessages(e.errors, seen));
  }
  if(e.cause) {
    out.push(...errorMessages(e.cause, seen));
  }
  if(e.details && typeof e.details === 'object' && e.details.cause) {
    out.push(...errorMessages(e.details.cause, seen));
  }
  return [...new Set(out)];
}
