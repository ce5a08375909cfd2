/**
 * The Content-Security-Policy of a served document file: no script, no plugin, no form, no frame
 * ancestors, in an opaque origin (sandbox). The proxy sets it instead of the page CSP for the file
 * paths, so a PDF or an image opened on its own tab can do nothing in the app's origin.
 */
export const DOCUMENT_FILE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/** The paths of served document files, as the proxy sees them. */
export const DOCUMENT_FILE_PATH = /^\/api\/documents\/[^/]+\/file$/;
