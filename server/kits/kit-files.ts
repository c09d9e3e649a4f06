// Reads a kit's files from a folder or an uploaded zip, refusing unsafe archives before anything is decompressed.
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { AppError, type MessageItem } from '../shared/errors';

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

/** One problem in a kit, as a message key (`error.kit.problem.*`) and its parameters (file, field, value…). */
export type KitProblem = MessageItem;
export const kitProblem = (key: string, params: Record<string, string | number> = {}): KitProblem => ({ key: `error.kit.problem.${key}`, params });
const problem = kitProblem;

/** Every problem found in a kit, each translated in the reader's language by the presenter; nothing was created. */
export class KitError extends AppError {
	constructor(readonly problems: KitProblem[]) {
		super('invalid', 'error.kit.invalid', { kit: 'invalidKit' }, {}, { problems });
	}
}

/** Why a path cannot be a kit file, or null when it is fine. */
export function unsafePathReason(name: string): KitProblem | null {
	if (name.includes('\\')) return problem('backslash', { path: name });
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return problem('absolutePath', { path: name });
	if (name.split('/').some((part) => part === '..')) return problem('zipSlip', { path: name });
	if (name.includes('\0')) return problem('nulCharacter', { path: name });
	return null;
}

function textOnly(name: string): KitProblem | null {
	const ext = path.posix.extname(name).toLowerCase();
	return TEXT_EXTENSIONS.has(ext) ? null : problem('notText', { path: name, extensions: [...TEXT_EXTENSIONS].join(' ') });
}

function decodeUtf8(name: string, bytes: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw new KitError([problem('notUtf8', { path: name })]);
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
			err || !zip ? reject(new KitError([problem('unreadableZip', { reason: err?.message ?? 'empty' })])) : resolve(zip)
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
	const problems: KitProblem[] = [];
	let declared = 0;
	await new Promise<void>((resolve, reject) => {
		zip.on('error', (e: Error) => reject(new KitError([problem('damagedZip', { reason: e.message })])));
		zip.on('end', () => resolve());
		zip.on('entry', (raw: yauzl.Entry) => {
			const entry = raw as Entry;
			const name = entryName(entry);
			if (entries.length >= limits.maxFiles) {
				problems.push(problem('tooManyFiles', { max: limits.maxFiles }));
				zip.close();
				return resolve();
			}
			const unsafe = unsafePathReason(name);
			const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
			if (unsafe) problems.push(unsafe);
			else if (mode === S_IFLNK) problems.push(problem('symlink', { path: name }));
			else if (!name.endsWith('/') && !isClutter(name)) {
				declared += entry.uncompressedSize;
				const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 1;
				if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
					problems.push(problem('zipBomb', { path: name, ratio: Number.isFinite(ratio) ? Math.round(ratio) : '∞', max: limits.maxRatio }));
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
	if (declared > limits.maxTotalBytes) problems.push(problem('tooBig', { size: megabytes(declared), max: megabytes(limits.maxTotalBytes) }));
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
			if (err || !stream) return reject(new KitError([problem('unreadableEntry', { path: entry.fileName, reason: err?.message ?? '' })]));
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				// The header's sizes can lie; the bytes actually inflated cannot.
				if (size > budget) {
					stream.destroy();
					reject(new KitError([problem('tooBigInflated', { max: megabytes(kitLimits.maxTotalBytes) })]));
				} else chunks.push(chunk);
			});
			stream.on('error', (e: Error) => reject(new KitError([problem('damagedEntry', { reason: e.message })])));
			stream.on('end', () => resolve(Buffer.concat(chunks)));
		});
	});
}

/** Megabytes with one decimal: the unit (Mo / MB) is in the catalogue's sentence. */
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Reads a kit folder on disk (the built-in kits), with the same rules as an upload. */
export function readKitFolder(dir: string, limits: KitLimits = kitLimits): KitFiles {
	const files: KitFiles = new Map();
	const problems: KitProblem[] = [];
	let total = 0;
	const walk = (rel: string) => {
		for (const dirent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
			const name = rel ? `${rel}/${dirent.name}` : dirent.name;
			if (isClutter(name)) continue;
			if (dirent.isSymbolicLink()) problems.push(problem('symlink', { path: name }));
			else if (dirent.isDirectory()) walk(name);
			else if (dirent.isFile()) {
				if (files.size >= limits.maxFiles) return problems.push(problem('tooManyFiles', { max: limits.maxFiles }));
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
	if (total > limits.maxTotalBytes) problems.push(problem('tooBig', { size: megabytes(total), max: megabytes(limits.maxTotalBytes) }));
	if (problems.length > 0) throw new KitError([...new Map(problems.map((p) => [JSON.stringify(p), p])).values()]);
	return files;
}
