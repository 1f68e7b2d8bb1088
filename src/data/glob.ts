import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when a path given by a user is a pattern rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

/** One path segment's pattern as a regex: `*` and `?` stay inside the segment, `{a,b}` is either. */
function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      const end = seg.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${seg
          .slice(i + 1, end)
          .split(',')
          .map((a) =>
            a
              .replace(/[.+^$()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
          )
          .join('|')})`;
        i = end;
      }
    } else re += ch.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function entries(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('.'))
      .map((d) => ({ name: d.name, dir: d.isDirectory() }));
  } catch {
    return [];
  }
}

function kind(path: string): 'file' | 'dir' | undefined {
  try {
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * Files matching a glob (`*`, `?`, `**`, `{a,b}`), relative to `cwd` like the pattern, sorted.
 * Hidden files and folders are skipped, as shells do.
 */
export function globFiles(pattern: string, cwd = '.'): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' && !(s === '.' && i === 0));
  const out = new Set<string>();
  const walk = (rel: string, i: number): void => {
    const abs = absolute ? `/${rel}` : join(cwd, rel);
    if (i === segs.length) return;
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const path = (name: string) => (rel ? `${rel}/${name}` : name);
    if (seg === '**') {
      walk(rel, i + 1);
      for (const e of entries(abs)) if (e.dir) walk(path(e.name), i);
      return;
    }
    if (!isGlob(seg)) {
      const e = kind(join(abs, seg));
      if (e && (last ? e === 'file' : e === 'dir')) {
        if (last) out.add(path(seg));
        else walk(path(seg), i + 1);
      }
      return;
    }
    const re = segmentRegex(seg);
    for (const e of entries(abs)) {
      if (!re.test(e.name)) continue;
      if (last && !e.dir) out.add(path(e.name));
      else if (!last && e.dir) walk(path(e.name), i + 1);
    }
  };
  walk('', 0);
  return [...out].map((p) => (absolute ? `/${p}` : p)).sort();
}
