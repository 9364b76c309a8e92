// review.config.json: what a review decides for itself (rule severities, where its rule pages live), validated with zod; anything wrong is a usage error naming it.
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { z } from 'zod';
import { ReviewError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { nearest } from '../normalise/nearest.ts';
import type { SeverityConfig } from '../checks/runner.ts';
import { readInputFile } from './files.ts';

export const CONFIG_FILE = 'review.config.json';
/** A settings file is a few lines; anything past this is not one. */
const MAX_CONFIG_BYTES = 256 * 1024;
const SETTINGS = ['off', 'info', 'warning', 'error'] as const;

/** A review's settings, ready to use. */
export interface ReviewConfig {
  /** Rule id → severity or `off`; rules not named keep their own. */
  severities: SeverityConfig;
  /** Absolute base URL of the rule pages (`…/docs/rules/`), for SARIF's helpUri; none when not set. */
  docsUrl?: string;
}

const schema = z.strictObject({
  rules: z.record(z.string(), z.enum(SETTINGS)).optional(),
  docsUrl: z.url({ protocol: /^https?$/ }).optional(),
});
const KEYS = Object.keys(schema.shape);

/** Validates a settings file's text against the known rule ids; pure, so every message is testable. */
export function parseConfig(text: string, file: string, ruleIds: readonly string[]): ReviewConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ReviewError('USAGE', `${file}: not valid JSON: ${(cause as Error).message}`, { path: file, cause });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ReviewError('USAGE', `${file}: ${describeIssue(parsed.error.issues[0] as z.core.$ZodIssue, data)}`, { path: file });
  const rules = parsed.data.rules ?? {};
  // The ids as written: zod's record drops a `__proto__` key, which must be reported like any unknown id.
  for (const id of Object.keys((data as { rules?: object }).rules ?? {})) {
    if (ruleIds.includes(id)) continue;
    const near = nearest(id, ruleIds);
    throw new ReviewError('USAGE', `${file}: rules: unknown rule '${id}'${near ? `; did you mean '${near}'?` : ''}`, { path: file });
  }
  const config: ReviewConfig = { severities: rules };
  if (parsed.data.docsUrl !== undefined) config.docsUrl = parsed.data.docsUrl.endsWith('/') ? parsed.data.docsUrl : `${parsed.data.docsUrl}/`;
  return config;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const near = nearest(key, KEYS);
    return `unknown key '${[...issue.path.map(String), key].join('.')}'${near ? `; did you mean '${near}'?` : `; the keys are ${KEYS.join(', ')}`}`;
  }
  if (issue.code === 'invalid_value' && where.startsWith('rules.')) {
    const given = valueAt(data, issue.path);
    // `warn` is too short for an edit distance to reach `warning`: a prefix counts too.
    const near = typeof given === 'string' && given !== '' ? (SETTINGS.find((s) => s.startsWith(given.toLowerCase())) ?? nearest(given, SETTINGS)) : undefined;
    return `${where} must be ${SETTINGS.join(', ')}, not ${JSON.stringify(given)}${near ? `; did you mean '${near}'?` : ''}`;
  }
  if (where === 'rules') return `rules must be an object of rule ids and settings (${SETTINGS.join(', ')}), not ${JSON.stringify(valueAt(data, issue.path))}`;
  if (issue.code === 'invalid_format' && where === 'docsUrl') return `docsUrl must be an absolute http(s) URL, not ${JSON.stringify(valueAt(data, issue.path))}`;
  return `${where || 'the file'}: ${issue.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The settings of `--config FILE`, else of review.config.json in the working folder when there is one, else none. */
export function loadConfig(configPath: string | undefined, cwd: string, ruleIds: readonly string[]): ReviewConfig {
  const path = resolve(cwd, configPath ?? CONFIG_FILE);
  if (configPath === undefined && !isPresent(path)) return { severities: {} };
  const file = readInputFile(path, cwd);
  if (!(file.bytes instanceof Uint8Array) || file.bytes.length > MAX_CONFIG_BYTES) {
    throw new ReviewError('LIMIT', `${file.path} is larger than a settings file can be (${MAX_CONFIG_BYTES / 1024} KiB)`, { path });
  }
  return parseConfig(decodeBytes(file.bytes).text, file.path, ruleIds);
}

function isPresent(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
