/** The mail preview is the web app's part (src/preview/render.ts); the server stores it and serves it framed. */
import { PREVIEW_CSP } from '../preview/render.js';

export { renderPreview, renderTextPreview } from '../preview/render.js';

/** The preview's own policy: the renderer's, and only this app may frame it. */
export const PREVIEW_HEADER_CSP = `${PREVIEW_CSP}; frame-ancestors 'self'`;
