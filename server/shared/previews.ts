// Which drive files get a readable HTML preview (shared: the drive UI and the server decide alike).

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ODT_MIME = 'application/vnd.oasis.opendocument.text';

export type HtmlPreviewFormat = 'docx' | 'odt' | 'markdown';

/** The conversion that turns such a file into HTML, or null when it has none. */
export function htmlPreviewFormat(mime: string, name: string): HtmlPreviewFormat | null {
	if (mime === DOCX_MIME) return 'docx';
	if (mime === ODT_MIME) return 'odt';
	if (mime === 'text/markdown' || (mime.startsWith('text/plain') && /\.(md|markdown)$/i.test(name))) return 'markdown';
	return null;
}
