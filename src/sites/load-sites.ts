/**
 * Loads and validates sites.yaml. Every error names the site, the key and what was expected, and is
 * a UsageError (exit code 2).
 */
import { readFileSync } from 'node:fs';

import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

import { findDotEnvFile } from '../lib/env-source.js';
import { UsageError } from '../lib/errors.js';
import { sitesFileSchema, type SiteConfig } from './site-config.js';

export interface LoadSitesOptions {
  /** Environment read for `NEXTKE_SITE_BASE_URL_<SITE>` overrides; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** Base URLs by site key, e.g. from `--base-url site=url`; these win over the environment. */
  baseUrlOverrides?: Record<string, string>;
}

/**
 * Reads sites.yaml at `path` and returns its sites in file order. A site's base URL can be replaced
 * without editing the file, to point a board at a local fixture server: set
 * `NEXTKE_SITE_BASE_URL_<SITE>` (key upper-cased, `-` as `_`) or pass `baseUrlOverrides`.
 */
export function loadSites(path: string, options: LoadSitesOptions = {}): SiteConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read sites file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      hint: 'Set NEXTKE_SITES_FILE to an existing sites.yaml.',
      cause: error,
    });
  }
  return parseSites(text, path, options);
}

/** Validates the text of a sites file; `sourceName` names it in errors. */
export function parseSites(text: string, sourceName: string, options: LoadSitesOptions = {}): SiteConfig[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new UsageError(`invalid YAML in ${sourceName}: ${(error as Error).message}`, { cause: error });
  }

  const result = sitesFileSchema.safeParse(document);
  if (!result.success) {
    throw new UsageError(formatIssues(result.error.issues, sourceName), {
      hint: 'Fix the listed keys in the sites file; sites.yaml in the nextke package shows every key.',
    });
  }

  const env = options.env ?? process.env;
  return Object.entries(result.data.sites).map(([id, site]) => ({
    ...site,
    id,
    baseUrl: resolveBaseUrl(id, site.baseUrl, env, options.baseUrlOverrides ?? {}, sourceName),
  }));
}

/** Returns the environment variable that overrides a site's base URL. */
export function baseUrlEnvName(siteId: string): string {
  return `NEXTKE_SITE_BASE_URL_${siteId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function resolveBaseUrl(id: string, fromFile: string, env: Record<string, string | undefined>, overrides: Record<string, string>, sourceName: string): string {
  const envName = baseUrlEnvName(id);
  const override = overrides[id] ?? env[envName];
  if (override === undefined || override.trim() === '') {
    return stripTrailingSlash(fromFile);
  }

  if (!/^https?:\/\//i.test(override) || !URL.canParse(override)) {
    const source = overrides[id] !== undefined ? `--base-url ${id}=` : `${envName}=`;
    const dotEnvFile = overrides[id] === undefined ? findDotEnvFile(env, envName) : undefined;
    const origin = dotEnvFile === undefined ? '' : ` (from .env file ${dotEnvFile})`;
    throw new UsageError(`invalid base URL override ${source}${JSON.stringify(override)}${origin} for site "${id}" in ${sourceName}: expected an absolute http(s) URL such as http://127.0.0.1:8080`);
  }
  return stripTrailingSlash(override.trim());
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function formatIssues(issues: readonly z.core.$ZodIssue[], sourceName: string): string {
  const lines = issues.map((issue) => {
    const [root, siteId, ...keyPath] = issue.path.map(String);
    if (root === 'sites' && siteId !== undefined) {
      const key = keyPath.length > 0 ? keyPath.join('.') : '(site)';
      return `- site "${siteId}", key "${key}": ${issue.message}`;
    }
    return `- key "${issue.path.join('.') || '(top level)'}": ${issue.message}`;
  });
  return `invalid sites file ${sourceName}:\n${lines.join('\n')}`;
}
