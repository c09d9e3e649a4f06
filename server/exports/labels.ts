// What exports need from the page's language: translated messages and date formats, injected by the caller (server/ never reads src/); the types are a browser-safe contract in shared/.
export type { Labels, Translate } from '../shared/export-labels';

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Root-relative links in stored content ('/files/…') point back to the live site, so a downloaded copy still finds them. */
export const absolutiseLinks = (html: string, origin: string) => html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin}/`);
