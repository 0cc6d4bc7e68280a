/**
 * The renderer's Content-Security-Policy, sent by both shells (HTTP header in browser mode, app://
 * protocol and session headers on the desktop) and mirrored by the meta tag in renderer/index.html.
 * No remote content at all; emotion (MUI) needs inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
