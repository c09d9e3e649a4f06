// Reads a kit's files from a folder or an uploaded zip, refusing unsafe archives before anything is decompressed.
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { AppError } from '../shared/errors';

/** A kit in memory: relative path -> UTF-8 text. Kits hold text only (Markdown, JSON, SVG). */
export type KitFiles = Map<string, string>;

export const kitLimits = {
	maxFiles: 500,
	maxTotalBytes: 20 * 1024 * 1024,
	/** Real text compresses 3–10:1; far beyond that an entry is a zip bomb. Tiny entries are exempt. */
	maxRatio: 100,
	ratioFloorBytes: 64 * 1024
};
export type KitLimits = typeof kitLimits;

const TEXT_EXTENSIONS = new Set(['.md', '.json', '.svg', '.txt', '.csv', '.yml', '.yaml']);
/** Desktop clutter (.DS_Store, __MACOSX/) that zipping a folder adds: skipped, not refused. */
const isClutter = (name: string) => name.startsWith('__MACOSX/') || name.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..');

/** Every problem found in a kit, one line each (« kit.json: version: must be semver »); nothing was created. */
export class KitError extends AppError {
	constructor(readonly problems: string[]) {
		super('invalid', problems.join('\n'), { kit: 'invalidKit' });
	}
}

/** Why a path cannot be a kit file, or null when it is fine. */
export function unsafePathReason(name: string): string | null {
	if (name.includes('\\')) return `path « ${name} » contains a backslash`;
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `absolute path « ${name} » refused`;
	if (name.split('/').some((part) => part === '..')) return `path « ${name} » leaves the kit folder (zip-slip) and is refused`;
	if (name.includes('\0')) return `path « ${name} » contains a NUL character`;
	return null;
}

function textOnly(name: string): string | null {
	const ext = path.posix.extname(name).toLowerCase();
	return TEXT_EXTENSIONS.has(ext) ? null : `« ${name} »: only text files are allowed in a kit (${[...TEXT_EXTENSIONS].join(' ')})`;
}

function decodeUtf8(name: string, bytes: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw new KitError([`« ${name} » is not UTF-8 text`]);
	}
}

/** A zip made by zipping the kit's folder holds `<kit-id>/kit.json`: drop that one shared top folder. */
export function unwrapTopFolder(files: KitFiles): KitFiles {
	if (files.has('kit.json') || files.size === 0) return files;
	const tops = new Set([...files.keys()].map((name) => name.split('/')[0]));
	const [top] = [...tops];
	if (tops.size !== 1 || !files.has(`${top}/kit.json`)) return files;
	return new Map([...files].map(([name, body]) => [name.slice(top!.length + 1), body]));
}

type Entry = yauzl.Entry & { fileNameRaw: Buffer };
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) => {
		// decodeStrings: false turns off yauzl's own name checks, so ours give the messages.
		yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) =>
			err || !zip ? reject(new KitError([`not a readable zip file (${err?.message ?? 'empty'})`])) : resolve(zip)
		);
	});
}

function entryName(entry: Entry): string {
	const decode = (yauzl as unknown as { getFileNameLowLevel: (flag: number, raw: Buffer, extra: unknown, strict: boolean) => string }).getFileNameLowLevel;
	return decode(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** Checks the central directory first (names, types, sizes, ratios), then inflates with a running byte budget. */
export async function readKitZip(buffer: Buffer, limits: KitLimits = kitLimits): Promise<KitFiles> {
	const zip = await openZip(buffer);
	const entries: { entry: Entry; name: string }[] = [];
	const problems: string[] = [];
	let declared = 0;
	await new Promise<void>((resolve, reject) => {
		zip.on('error', (e: Error) => reject(new KitError([`damaged zip file (${e.message})`])));
		zip.on('end', () => resolve());
		zip.on('entry', (raw: yauzl.Entry) => {
			const entry = raw as Entry;
			const name = entryName(entry);
			if (entries.length >= limits.maxFiles) {
				problems.push(`too many files: a kit holds at most ${limits.maxFiles}`);
				zip.close();
				return resolve();
			}
			const unsafe = unsafePathReason(name);
			const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
			if (unsafe) problems.push(unsafe);
			else if (mode === S_IFLNK) problems.push(`symbolic link « ${name} » refused`);
			else if (!name.endsWith('/') && !isClutter(name)) {
				declared += entry.uncompressedSize;
				const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
				if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
					problems.push(`« ${name} » has a suspicious compression ratio (${Number.isFinite(ratio) ? Math.round(ratio) : '∞'}:1, at most ${limits.maxRatio}:1): refused as a possible zip bomb`);
				} else {
					const notText = textOnly(name);
					if (notText) problems.push(notText);
					else entries.push({ entry, name });
				}
			}
			zip.readEntry();
		});
		zip.readEntry();
	});
	if (declared > limits.maxTotalBytes) problems.push(`uncompressed size ${megabytes(declared)} is over the ${megabytes(limits.maxTotalBytes)} limit`);
	if (problems.length > 0) {
		zip.close();
		throw new KitError(problems);
	}
	const files: KitFiles = new Map();
	let budget = limits.maxTotalBytes;
	for (const { entry, name } of entries) {
		const bytes = await inflate(zip, entry, budget);
		budget -= bytes.length;
		files.set(name, decodeUtf8(name, bytes));
	}
	zip.close();
	return unwrapTopFolder(files);
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		zip.openReadStream(entry, (err, stream) => {
			if (err || !stream) return reject(new KitError([`« ${entry.fileName} » cannot be read (${err?.message})`]));
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				// The header's sizes can lie; the bytes actually inflated cannot.
				if (size > budget) {
					stream.destroy();
					reject(new KitError([`uncompressed size is over the ${megabytes(kitLimits.maxTotalBytes)} limit`]));
				} else chunks.push(chunk);
			});
			stream.on('error', (e: Error) => reject(new KitError([`damaged zip entry (${e.message})`])));
			stream.on('end', () => resolve(Buffer.concat(chunks)));
		});
	});
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a kit folder on disk (the built-in kits), with the same rules as an upload. */
export function readKitFolder(dir: string, limits: KitLimits = kitLimits): KitFiles {
	const files: KitFiles = new Map();
	const problems: string[] = [];
	let total = 0;
	const walk = (rel: string) => {
		for (const dirent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const name = rel ? `${rel}/${dirent.name}` : dirent.name;
			if (isClutter(name)) continue;
			if (dirent.isSymbolicLink()) problems.push(`symbolic link « ${name} » refused`);
			else if (dirent.isDirectory()) walk(name);
			else if (dirent.isFile()) {
				if (files.size >= limits.maxFiles) return problems.push(`too many files: a kit holds at most ${limits.maxFiles}`);
				const notText = textOnly(name);
				if (notText) {
					problems.push(notText);
					continue;
				}
				const bytes = fs.readFileSync(path.join(dir, name));
				total += bytes.length;
				files.set(name, decodeUtf8(name, bytes));
			}
		}
	};
	walk('');
	if (total > limits.maxTotalBytes) problems.push(`size ${megabytes(total)} is over the ${megabytes(limits.maxTotalBytes)} limit`);
	if (problems.length > 0) throw new KitError([...new Set(problems)]);
	return files;
}
