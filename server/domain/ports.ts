// What domain use cases need from the outside world, as ports the composition root (server/app.ts) fills in.

/** A pad's content as the editor's ProseMirror JSON. */
export type PadJson = { type: 'doc'; content?: unknown[] };
export type PadVersion = { id: number; createdAt: number; authorIds: string[]; reason: string };

/** The real-time engine's pad documents, as the pads use cases see them (implemented by server/collab/pad-documents.ts). */
export interface LiveDocuments {
	applyTemplate(padId: string, templateKey: string, authorId: string | null): void;
	currentContent(padId: string): PadJson;
	/** Saved versions, newest first, and who wrote since the last one. */
	history(padId: string): { versions: PadVersion[]; unsavedAuthorIds: string[] };
	versionContent(padId: string, versionId: number): PadJson;
	/** null when nothing changed since the last version. */
	saveVersion(padId: string): number | null;
	restoreVersion(padId: string, versionId: number, authorId: string | null): void;
}
