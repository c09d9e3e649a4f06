// Decides a file's type from its first bytes, never from its name; flags types a browser could run script in.
export type FileKind = 'image' | 'pdf' | 'audio' | 'video' | 'text' | 'document' | 'other';
export type SniffedType = { mime: string; kind: FileKind; /** HTML, SVG, XML: may carry script, never rendered inline. */ active: boolean };

const OCTET_STREAM: SniffedType = { mime: 'application/octet-stream', kind: 'other', active: false };

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

function sniffBinary(b: Uint8Array): SniffedType | null {
	if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', kind: 'image', active: false };
	if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image', active: false };
	if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { mime: 'image/gif', kind: 'image', active: false };
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { mime: 'image/webp', kind: 'image', active: false };
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return { mime: 'audio/wav', kind: 'audio', active: false };
	if (ascii(b, 0, 5) === '%PDF-') return { mime: 'application/pdf', kind: 'pdf', active: false };
	if (ascii(b, 0, 4) === 'OggS') return { mime: 'audio/ogg', kind: 'audio', active: false };
	if (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && b.length > 1 && (b[1]! & 0xe0) === 0xe0)) return { mime: 'audio/mpeg', kind: 'audio', active: false };
	if (ascii(b, 4, 8) === 'ftyp') {
		const brand = ascii(b, 8, 12);
		return brand === 'M4A ' || brand === 'M4B ' ? { mime: 'audio/mp4', kind: 'audio', active: false } : { mime: 'video/mp4', kind: 'video', active: false };
	}
	if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: 'video/webm', kind: 'video', active: false };
	if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(b);
	return null;
}

function sniffZip(b: Uint8Array): SniffedType {
	const text = ascii(b, 0, Math.min(b.length, 8192));
	// OpenDocument stores an uncompressed `mimetype` entry first, by specification.
	if (text.slice(30, 38) === 'mimetype') {
		const declared = /^application\/vnd\.oasis\.opendocument\.[a-z.-]+/.exec(text.slice(38))?.[0];
		if (declared) return { mime: declared, kind: 'document', active: false };
	}
	if (text.includes('word/')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document', active: false };
	return { mime: 'application/zip', kind: 'other', active: false };
}

/** UTF-8 without NUL bytes; a multi-byte character cut at the end of the sample is not an error. */
function decodeText(b: Uint8Array): string | null {
	if (b.includes(0)) return null;
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for (let cut = 0; cut <= 3 && cut < b.length + 1; cut++) {
		try {
			return decoder.decode(b.subarray(0, b.length - cut));
		} catch {
			// A truncated last character: try again without its bytes.
		}
	}
	return null;
}

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

function sniffText(text: string, name: string): SniffedType {
	const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
	const lower = text.toLowerCase();
	if (start.startsWith('webvtt')) return { mime: 'text/vtt', kind: 'text', active: false };
	if (/^\d+\r?\n\d\d:\d\d:\d\d,\d{3} --> /.test(start)) return { mime: 'application/x-subrip', kind: 'text', active: false };
	if (/<svg[\s>]/.test(lower)) return { mime: 'image/svg+xml', kind: 'text', active: true };
	if (/^<(!doctype html|html|head|body|script|iframe)[\s>]/.test(start) || /<script[\s>]/.test(lower)) return { mime: 'text/html', kind: 'text', active: true };
	if (start.startsWith('<?xml')) return { mime: 'application/xml', kind: 'text', active: true };
	// Both are plain text to a browser: the name may only choose between equally harmless labels.
	if (['md', 'markdown'].includes(extensionOf(name))) return { mime: 'text/markdown', kind: 'text', active: false };
	return { mime: 'text/plain', kind: 'text', active: false };
}

export function sniffType(head: Uint8Array, name = ''): SniffedType {
	if (head.length === 0) return { mime: 'text/plain', kind: 'text', active: false };
	const binary = sniffBinary(head);
	if (binary) return binary;
	const text = decodeText(head);
	return text === null ? OCTET_STREAM : sniffText(text, name);
}

/** Types a browser shows without running anything of the file's own: these may be served inline. */
export function isInlineSafe(type: { mime: string; kind: FileKind; active: boolean }): boolean {
	if (type.active) return false;
	return type.kind === 'image' || type.kind === 'pdf' || type.kind === 'audio' || type.kind === 'video' || type.kind === 'text';
}
