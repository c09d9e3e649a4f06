// Browser calls to the drive endpoints: uploads with progress (XMLHttpRequest), changes as JSON.
import type { DriveFile, DriveFolder } from '$server/shared/drive-doc';

export type DriveError = { code: string; message: string; fields: Record<string, string> };
export type DriveResult<T> = { ok: true; value: T } | { ok: false; error: DriveError };

const networkError: DriveError = { code: 'network', message: 'network', fields: {} };

function parse<T>(status: number, text: string): DriveResult<T> {
	try {
		const body = JSON.parse(text) as { error?: DriveError };
		if (status >= 200 && status < 300) return { ok: true, value: body as T };
		return { ok: false, error: body.error ?? { code: String(status), message: text.slice(0, 200), fields: {} } };
	} catch {
		return { ok: false, error: { code: String(status), message: `HTTP ${status}`, fields: {} } };
	}
}

export function uploadFile(base: string, file: File, folderId: string | null, onProgress: (fraction: number) => void): Promise<DriveResult<DriveFile>> {
	const form = new FormData();
	form.append('file', file, file.name);
	if (folderId) form.append('folderId', folderId);
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `${base}/drive/upload`);
		xhr.upload.addEventListener('progress', (e) => {
			if (e.lengthComputable) onProgress(e.loaded / e.total);
		});
		xhr.addEventListener('load', () => resolve(parse<DriveFile>(xhr.status, xhr.responseText)));
		xhr.addEventListener('error', () => resolve({ ok: false, error: networkError }));
		xhr.send(form);
	});
}

export type DriveChange =
	| { action: 'rename'; fileId: string; name: string }
	| { action: 'move'; fileId: string; folderId: string | null }
	| { action: 'trash' | 'restore'; fileId: string }
	| { action: 'transcript'; fileId: string; transcript: string }
	| { action: 'setPublic'; fileId: string; public: boolean }
	| { action: 'createFolder'; name: string; parentId: string | null }
	| { action: 'renameFolder'; folderId: string; name: string }
	| { action: 'moveFolder'; folderId: string; parentId: string | null }
	| { action: 'trashFolder' | 'restoreFolder'; folderId: string }
	| { action: 'emptyTrash' };

export type EmptiedTrash = { files: number; folders: number; bytes: number };

export async function changeDrive(base: string, change: DriveChange): Promise<DriveResult<DriveFile | DriveFolder | EmptiedTrash>> {
	try {
		const response = await fetch(`${base}/drive/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) });
		return parse(response.status, await response.text());
	} catch {
		return { ok: false, error: networkError };
	}
}
