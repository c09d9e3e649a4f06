// Turns the text found in schedules (HTML, entities, control characters, { en, fr } objects) into plain text.
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç' };

export function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return named[body.toLowerCase()] ?? whole;
	});
}

/** Plain text from HTML or Markdown-ish text: tags become line breaks or nothing, entities are decoded, controls dropped. */
export function plainText(value: unknown): string {
	const s = pickLanguage(value);
	return decodeEntities(
		s
			.replace(/<\s*br\s*\/?>/gi, '\n')
			.replace(/<\/\s*(p|div|li|h[1-6])\s*>/gi, '\n')
			.replace(/<[^>]*>/g, '')
	)
		// eslint-disable-next-line no-control-regex -- dropping control characters is the point
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t\u00a0]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** One line of text (titles, rooms, names). */
export const oneLine = (value: unknown) => plainText(value).replace(/\s+/g, ' ').trim();

/** `{ en, fr }` objects (pretalx, multilingual Indico) give French first, then English, then any language. */
export function pickLanguage(value: unknown, preferred: readonly string[] = ['fr', 'en']): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'object' && !Array.isArray(value)) {
		const map = value as Record<string, unknown>;
		for (const lang of preferred) if (typeof map[lang] === 'string' && map[lang] !== '') return map[lang] as string;
		const first = Object.values(map).find((v) => typeof v === 'string' && v !== '');
		return typeof first === 'string' ? first : '';
	}
	return '';
}

/** Cuts at `max` characters on a word boundary when one is near, and says whether it had to. */
export function truncate(s: string, max: number): { text: string; truncated: boolean } {
	if (s.length <= max) return { text: s, truncated: false };
	const cut = s.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return { text: `${space > max * 0.6 ? cut.slice(0, space) : cut}…`, truncated: true };
}

/** A display name, never an address: « Ada <ada@example.org> » keeps « Ada », a bare address is dropped. */
export function personName(value: unknown): string {
	const name = oneLine(value)
		.replace(/<[^>]*@[^>]*>/g, '')
		.replace(/\S+@\S+\.\S+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return name.slice(0, 120);
}
