// A download read through fetch, so the page can say it is being prepared, show its progress and tell when it failed;
// the browser saves the bytes at the end. Pages keep a plain link or form underneath for readers without script.

export type DownloadPhase = 'idle' | 'preparing' | 'loading' | 'done' | 'failed';

/** « attachment; filename="nec-2018-archive.zip" » -> the name; anything unreadable -> the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
	const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
	if (star) {
		try {
			return decodeURIComponent(star[1]!.trim());
		} catch {
			// a mangled name: the quoted one, or the fallback
		}
	}
	const quoted = /filename="([^"]+)"/i.exec(disposition ?? '') ?? /filename=([^;\s]+)/i.exec(disposition ?? '');
	return quoted?.[1]?.trim() || fallback;
}

/** Hands finished bytes to the reader: in a browser, a click on a temporary link to them. */
export type Saver = (blob: Blob, filename: string) => void;

export class Download {
	private readonly save: Saver;
	constructor(save: Saver = saveInBrowser) {
		this.save = save;
	}

	phase = $state<DownloadPhase>('idle');
	received = $state(0);
	/** 0 while the size is unknown (a streamed zip has no Content-Length). */
	total = $state(0);
	filename = $state('');
	/** The HTTP status of a refusal, 0 for a network failure. */
	status = $state(0);

	get busy() {
		return this.phase === 'preparing' || this.phase === 'loading';
	}

	/** Fetches `url` and hands the bytes to the browser as `filename` (or the name the server gives). A second call while busy is ignored. */
	async start(url: string, fallbackName: string): Promise<void> {
		if (this.busy) return;
		this.phase = 'preparing';
		this.received = 0;
		this.total = 0;
		this.status = 0;
		this.filename = fallbackName;
		try {
			const response = await fetch(url, { credentials: 'same-origin' });
			this.status = response.status;
			if (!response.ok || !response.body) throw new Error(String(response.status));
			this.filename = filenameFrom(response.headers.get('Content-Disposition'), fallbackName);
			this.total = Number(response.headers.get('Content-Length') ?? 0) || 0;
			this.phase = 'loading';
			const reader = response.body.getReader();
			const chunks: Uint8Array<ArrayBuffer>[] = [];
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				chunks.push(value);
				this.received += value.length;
			}
			this.save(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), this.filename);
			this.phase = 'done';
		} catch {
			this.phase = 'failed';
		}
	}
}

function saveInBrowser(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
