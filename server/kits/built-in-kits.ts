// The built-in kits (kits/ in the repository) and uploaded kit zips: listed, read and validated; nothing is stored.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type MessageItem } from '../shared/errors';
import { kitIdSchema } from '../shared/kit-format';
import type { BuiltInKit } from '../shared/kit-views';
import { KitError, kitLimits, readKitFolder, readKitZip } from './kit-files';
import { validateKit, type Kit } from './kit-validate';

/** A kit's problems as message items; any other error is one item, its own message (a key when it is an AppError). */
export function kitProblemsOf(e: unknown): MessageItem[] {
	if (e instanceof KitError) return e.problems;
	if (e instanceof AppError) return [{ key: e.message, params: Object.fromEntries(Object.entries(e.params).filter((p): p is [string, string | number] => !Array.isArray(p[1]))) }];
	return [{ key: (e as Error).message }];
}

export function createBuiltInKits(kitsDir: string) {
	function builtInIds(): string[] {
		if (!fs.existsSync(kitsDir)) return [];
		return fs
			.readdirSync(kitsDir, { withFileTypes: true })
			.filter((d) => d.isDirectory() && kitIdSchema.safeParse(d.name).success && fs.existsSync(path.join(kitsDir, d.name, 'kit.json')))
			.map((d) => d.name)
			.sort();
	}

	/** The id comes from a URL: only a listed folder name is ever joined to the kits path. */
	function builtIn(id: string): Kit {
		if (!builtInIds().includes(id)) throw new AppError('not_found', 'error.kit.notFound');
		return validateKit(readKitFolder(path.join(kitsDir, id)));
	}

	return {
		builtInIds,
		listBuiltIn(): BuiltInKit[] {
			return builtInIds().map((id) => {
				try {
					const { manifest: m } = builtIn(id);
					return { id, title: m.title, summary: m.summary, version: m.version, licence: m.licence, languages: m.languages, problems: [] };
				} catch (e) {
					return { id, title: id, summary: '', version: '', licence: '', languages: [], problems: kitProblemsOf(e) };
				}
			});
		},

		getBuiltIn: builtIn,

		/** Reads and validates an uploaded zip; nothing is stored. */
		async readUpload(bytes: Uint8Array): Promise<Kit> {
			if (bytes.length === 0) throw new AppError('invalid', 'error.kit.chooseZip', { kitFile: 'required' });
			if (bytes.length > kitLimits.maxTotalBytes) throw new AppError('too_large', 'error.kit.tooLarge', { kitFile: 'tooLarge' }, {}, { mb: kitLimits.maxTotalBytes / 1024 / 1024 });
			return validateKit(await readKitZip(Buffer.from(bytes)));
		}
	};
}
export type BuiltInKits = ReturnType<typeof createBuiltInKits>;
