import { secureHeaders } from 'hono/secure-headers';

/**
 * The security headers of every answer (page, assets, API, errors). The page loads only its own
 * files and writes styles through the DOM, so the policy allows no inline script or style at all;
 * no site may frame it (clickjacking), and addresses of drafts do not leak to other sites.
 * Strict-Transport-Security is left to the HTTPS proxy: over plain HTTP on an office network it
 * would be ignored, and on a shared domain it is the proxy operator's decision.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      // The printed first page arrives as a blob the page made from its own answer.
      imgSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: false,
  });
}
