import fs from 'node:fs';
import path from 'node:path';

/**
 * The Content-Security-Policy of every page the app shows, in the desktop window and in browser
 * mode. Nothing remote; scripts only from the app itself. MUI (emotion) injects <style> elements,
 * hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every page and asset we serve, over app:// or http://127.0.0.1. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside the renderer build, or null if it is missing or outside it. A
 * backslash is refused outright (Windows reads it as a folder separator), and links are resolved
 * before the containment check, so neither "..\\" nor a link can lead out of the build.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return null;
  }
  if (relative.includes('\\')) return null;
  try {
    const base = fs.realpathSync(root);
    const file = fs.realpathSync(path.resolve(base, relative));
    if (!file.startsWith(base + path.sep)) return null;
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null; // missing, a null byte, or a broken link
  }
}
