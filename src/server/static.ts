/**
 * The web app's files (see the web contract): `/` and any page route → web/index.html; `/app/<path>` → the compiled
 * client in dist/web/<path>, else web/<path>. Only regular files under those two folders are ever read.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

export class StaticFiles {
  private dirs: string[];
  private index: string;

  /** `root` is the repository (or installed package) folder holding web/ and dist/web/. */
  constructor(root: string) {
    this.dirs = [resolve(root, 'dist', 'web'), resolve(root, 'web')];
    this.index = resolve(root, 'web', 'index.html');
  }

  /** A file of the app by its path after `/app/`, or null. */
  async app(path: string): Promise<StaticFile | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).some((s) => s === '..' || s.startsWith('.')))
      return null;
    for (const dir of this.dirs) {
      const file = resolve(join(dir, decoded));
      if (!file.startsWith(dir + sep)) continue;
      const found = await readRegular(file);
      if (found)
        return { body: found, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
    }
    return null;
  }

  async page(): Promise<StaticFile> {
    const body = await readRegular(this.index);
    return {
      type: TYPES['.html'] as string,
      body:
        body ??
        Buffer.from(
          '<!doctype html><html lang="en"><meta charset="utf-8"><title>sagicheck</title>' +
            '<p>The sagicheck API is running under <a href="/api/v1/openapi.json">/api/v1/</a>; the web app (web/index.html) is not installed.</p></html>',
        ),
    };
  }
}

async function readRegular(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}
