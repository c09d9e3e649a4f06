import { describe, expect, it } from 'vitest';
import { isInlineSafe, sniffType } from '../../../server/domain/files/sniff';
import { PNG } from './drive-fixtures';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffType reads the content, not the name', () => {
	it.each([
		['png', PNG, 'image/png'],
		['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
		['gif', bytes('GIF89a'), 'image/gif'],
		['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
		['wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
		['pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
		['ogg', bytes('OggS', [0]), 'audio/ogg'],
		['mp3', bytes('ID3', [3, 0]), 'audio/mpeg'],
		['m4a', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
		['mp4', bytes([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
		['webm', bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm'],
		['odt', bytes('PK', [3, 4], 'x'.repeat(26), 'mimetypeapplication/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
		['docx', bytes('PK', [3, 4], 'x'.repeat(26), '[Content_Types].xml....word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
		['vtt', bytes('WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour'), 'text/vtt'],
		['srt', bytes('1\n00:00:01,000 --> 00:00:02,000\nBonjour'), 'application/x-subrip'],
		['binary', bytes([0, 1, 2, 3, 0xfe]), 'application/octet-stream']
	])('%s', (_label, head, mime) => {
		expect(sniffType(head).mime).toBe(mime);
	});

	it('flags HTML, SVG and XML as active whatever their name', () => {
		expect(sniffType(Buffer.from('<!DOCTYPE html><p>hi'), 'photo.png')).toMatchObject({ mime: 'text/html', active: true });
		expect(sniffType(Buffer.from('notes <script>alert(1)</script>'), 'notes.txt')).toMatchObject({ mime: 'text/html', active: true });
		expect(sniffType(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg')).toMatchObject({ mime: 'image/svg+xml', active: true });
		expect(isInlineSafe(sniffType(Buffer.from('<svg onload="alert(1)">'), 'x.svg'))).toBe(false);
	});

	it('keeps UTF-8 text as text, even cut in the middle of a character, and uses the name only for Markdown', () => {
		const cut = Buffer.from('Café é', 'utf8').subarray(0, -1);
		expect(sniffType(cut, 'notes.txt')).toMatchObject({ mime: 'text/plain', kind: 'text', active: false });
		expect(sniffType(Buffer.from('# Titre'), 'notes.md').mime).toBe('text/markdown');
		expect(isInlineSafe(sniffType(Buffer.from('# Titre'), 'notes.md'))).toBe(true);
	});
});
