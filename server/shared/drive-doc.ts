// The drive Y.Doc shape (room `drive:<workshopId>`): folders and file entries, typed accessors, plain-JSON snapshot.
import * as Y from 'yjs';
import { z } from 'zod';

export const DRIVE_SCHEMA_VERSION = 1;

const person = z.object({ id: z.string(), name: z.string() });
const fileKind = z.enum(['image', 'pdf', 'audio', 'video', 'text', 'document', 'other']);

export const driveFolderSchema = z.object({
	id: z.string(),
	name: z.string(),
	parentId: z.string().nullable(),
	createdBy: person,
	createdAt: z.string(),
	/** Set when the folder is in the trash; `trashedWith` names the folder whose trashing took it along (itself when trashed directly). */
	trashedAt: z.string().nullable().default(null),
	trashedWith: z.string().nullable().default(null)
});

export const driveFileSchema = z.object({
	/** The entry's id; equal to fileId today, kept apart so an entry could one day point at a shared file. */
	id: z.string(),
	name: z.string(),
	folderId: z.string().nullable(),
	/** Served at /files/<fileId>. */
	fileId: z.string(),
	size: z.number(),
	mime: z.string(),
	kind: fileKind,
	active: z.boolean(),
	uploadedBy: person,
	uploadedAt: z.string(),
	trashedAt: z.string().nullable(),
	/** The folder whose trashing took this file along; null when the file itself was put in the trash. */
	trashedWith: z.string().nullable().default(null),
	transcript: z.string().optional(),
	/** Marked public by a facilitator: every reader of the edition may download it. */
	public: z.boolean().optional()
});

export type DriveFolder = z.infer<typeof driveFolderSchema>;
export type DriveFile = z.infer<typeof driveFileSchema>;
export type DriveSnapshot = { schemaVersion: number; folders: DriveFolder[]; files: DriveFile[] };

const FILES = 'files';
const FOLDERS = 'folders';
const META = 'meta';

const filesMap = (doc: Y.Doc) => doc.getMap<unknown>(FILES);
const foldersMap = (doc: Y.Doc) => doc.getMap<unknown>(FOLDERS);

/** Entries that do not match the shape (a peer may write anything it likes) are skipped. */
function valid<T>(schema: z.ZodType<T>, values: Iterable<unknown>): T[] {
	const out: T[] = [];
	for (const value of values) {
		const parsed = schema.safeParse(value);
		if (parsed.success) out.push(parsed.data);
	}
	return out;
}

export const readFiles = (doc: Y.Doc): DriveFile[] => valid(driveFileSchema, filesMap(doc).values());
export const readFolders = (doc: Y.Doc): DriveFolder[] => valid(driveFolderSchema, foldersMap(doc).values());

export function readFile(doc: Y.Doc, id: string): DriveFile | null {
	const parsed = driveFileSchema.safeParse(filesMap(doc).get(id));
	return parsed.success ? parsed.data : null;
}

/** Entries are replaced whole: only the server writes them, one change at a time. */
export function writeFile(doc: Y.Doc, file: DriveFile): void {
	filesMap(doc).set(file.id, { ...file });
	doc.getMap<unknown>(META).set('schemaVersion', DRIVE_SCHEMA_VERSION);
}

export function writeFolder(doc: Y.Doc, folder: DriveFolder): void {
	foldersMap(doc).set(folder.id, { ...folder });
	doc.getMap<unknown>(META).set('schemaVersion', DRIVE_SCHEMA_VERSION);
}

/** Several entries written and removed at once (a folder trashed with its contents, the trash emptied). */
export type DriveBatch = { files?: DriveFile[]; folders?: DriveFolder[]; removeFiles?: string[]; removeFolders?: string[] };

export function applyDriveBatch(doc: Y.Doc, batch: DriveBatch): void {
	for (const file of batch.files ?? []) writeFile(doc, file);
	for (const folder of batch.folders ?? []) writeFolder(doc, folder);
	for (const id of batch.removeFiles ?? []) deleteFile(doc, id);
	for (const id of batch.removeFolders ?? []) deleteFolder(doc, id);
}

export const deleteFile = (doc: Y.Doc, id: string) => filesMap(doc).delete(id);
export const deleteFolder = (doc: Y.Doc, id: string) => foldersMap(doc).delete(id);

/** Calls `listener` whenever the drive's entries change (local or remote); returns the unsubscribe function. */
export function observeDrive(doc: Y.Doc, listener: () => void): () => void {
	const files = filesMap(doc);
	const folders = foldersMap(doc);
	files.observe(listener);
	folders.observe(listener);
	return () => {
		files.unobserve(listener);
		folders.unobserve(listener);
	};
}

export function driveSnapshot(doc: Y.Doc): DriveSnapshot {
	const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');
	return { schemaVersion: DRIVE_SCHEMA_VERSION, folders: readFolders(doc).sort(byName), files: readFiles(doc).sort(byName) };
}
