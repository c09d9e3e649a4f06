// Readable previews of DOCX, ODT and Markdown files: converted once per blob, sanitised, within a size and time budget.
import sanitizeHtml from 'sanitize-html';
import { htmlPreviewFormat, type HtmlPreviewFormat } from '../shared/previews';
import { documentHtml } from './office-html';
import type { FileProcessingLog } from '../domain/ports';

export type Preview = { html: string } | { none: 'unsupported' | 'tooLarge' | 'unreadable' | 'tooSlow' };
type Source = { sha256: string; mime: string; name: string; size: number };

/** Only document structure: no images (they would be inline data or outside links), no styles, no scripts. */
const allowed: sanitizeHtml.IOptions = {
	allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['http', 'https', 'mailto']
};

const page = (title: string, body: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${sanitizeHtml(title, { allowedTags: [] })}</title><style>` +
	'body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1f2937;overflow-wrap:anywhere}' +
	'table{border-collapse:collapse}td,th{border:1px solid #d1d5db;padding:.25rem .5rem}pre{white-space:pre-wrap}' +
	`</style></head><body>${body}</body></html>`;

export function createDocumentPreviews(options: { maxBytes?: number; timeoutMs?: number; cacheEntries?: number; failures?: FileProcessingLog } = {}) {
	const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
	const timeoutMs = options.timeoutMs ?? 5_000;
	const cacheEntries = options.cacheEntries ?? 64;
	// Blobs never change under their hash: a conversion is kept (most recently used last) and never redone.
	const cache = new Map<string, Preview>();

	function remember(key: string, preview: Preview): Preview {
		cache.delete(key);
		cache.set(key, preview);
		if (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
		return preview;
	}

	async function convert(format: HtmlPreviewFormat, bytes: Uint8Array, name: string): Promise<Preview> {
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
		try {
			const html = await Promise.race([documentHtml(format, bytes), late]);
			if (html === 'late') return { none: 'tooSlow' };
			return { html: page(name, sanitizeHtml(html, allowed)) };
		} catch {
			return { none: 'unreadable' };
		} finally {
			clearTimeout(timer);
		}
	}

	return {
		async preview(source: Source, read: () => Promise<Uint8Array>): Promise<Preview> {
			const format = htmlPreviewFormat(source.mime, source.name);
			if (!format) return { none: 'unsupported' };
			if (source.size > maxBytes) return { none: 'tooLarge' };
			const key = `${source.sha256}:${format}`;
			const cached = cache.get(key);
			if (cached) return remember(key, cached);
			const preview = await convert(format, await read(), source.name);
			// A document the converter could not read (or not in time) is a failure the desk shows; too large is a limit, not one.
			if ('none' in preview) options.failures?.failed(source.sha256, 'preview', preview.none);
			else options.failures?.succeeded(source.sha256, 'preview');
			return remember(key, preview);
		}
	};
}
export type DocumentPreviews = ReturnType<typeof createDocumentPreviews>;
