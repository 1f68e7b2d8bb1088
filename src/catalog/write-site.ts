import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SitePage } from '../core/catalog/render-site.js';
import { ModelciError } from '../core/errors.js';

const GENERATOR = /<meta name="generator" content="modelci"\s*\/?>/;

/**
 * Writes the site to `out` whole or not at all: pages go to a fresh folder next to it, which then
 * replaces `out`. A folder that is neither empty nor an earlier modelci site is never replaced.
 */
export function writeSite(out: string, pages: SitePage[]): { files: number; bytes: number } {
  const target = resolve(out);
  if (existsSync(target) && !replaceable(target))
    throw new ModelciError('INPUT', 'the output folder exists and is not a modelci site', {
      file: out,
      hint: 'Choose an empty or new folder for --out (it is replaced on every build)',
    });
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.new-${stamp}`);
  let bytes = 0;
  try {
    for (const page of pages) {
      const file = join(staging, page.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.content);
      bytes += Buffer.byteLength(page.content);
    }
    if (existsSync(target)) {
      const old = join(parent, `.${basename(target)}.old-${stamp}`);
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { files: pages.length, bytes };
}

function replaceable(dir: string): boolean {
  if (!statSync(dir).isDirectory()) return false;
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  const index = join(dir, 'index.html');
  return existsSync(index) && readFileSync(index, 'utf8').slice(0, 2000).match(GENERATOR) !== null;
}
