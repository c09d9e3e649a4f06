// Browser side of a real-time room: y-websocket to our /collab endpoint, IndexedDB copy, presence, honest status.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACCESS_CHANGED_CLOSE_CODE, STORAGE_UNAVAILABLE_CLOSE_CODE } from '$server/shared/errors';
import { closeNoticeOf, type CloseNotice } from './close-notices';
import { colorFor } from './user-color';

/** `storage`: the server cannot store changes for now (its disk is full); they stay on this device until it can. */
export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'refused' | 'storage';
export type Presence = { clientId: number; name: string; color: string; isSelf: boolean };
export type Me = { id: string; name: string };
/** Writing on someone's behalf: a room token naming the participant and the helper, and who helps (shown with the caret). */
export type Behalf = { token: string; helperName: string };

/** After the server refused a change for lack of storage: try again at this pace rather than the stock backoff. */
const STORAGE_RETRY_MS = 5000;
/** Back after such a refusal: « saved » only once the server kept what this device sent on reconnecting. */
const STORAGE_CONFIRM_MS = 1500;

export class RoomConnection {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	status = $state<ConnectionStatus>('connecting');
	people = $state<Presence[]>([]);
	/** Why the server last closed the connection, until the next sync: shown under the status. */
	notice = $state<CloseNotice | null>(null);
	/** The browser keeps its own copy, so nothing typed offline or before a server restart is lost. */
	private readonly local: IndexeddbPersistence;
	private readonly cleanups: (() => void)[] = [];
	private storageTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(room: string, me: Me, options: { onAccessChanged?: () => void; behalf?: Behalf } = {}) {
		const { behalf } = options;
		// A copy of its own while writing for someone: nothing typed for them may later travel under the helper's name.
		this.local = new IndexeddbPersistence(behalf ? `medialab:${room}:for:${me.id}` : `medialab:${room}`, this.doc);
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, room, this.doc, {
			// No cross-tab channel while writing for someone: the helper's other tabs write as themselves.
			disableBc: !!behalf,
			...(behalf ? { params: { token: behalf.token } } : {})
		});
		this.provider.awareness.setLocalStateField('user', { name: me.name, color: colorFor(me.id), ...(behalf ? { helper: behalf.helperName } : {}) });

		this.provider.on('status', ({ status }: { status: string }) => {
			if (status !== 'connected' && this.status !== 'refused' && this.status !== 'storage') this.status = navigator.onLine ? 'connecting' : 'offline';
		});
		this.provider.on('sync', (synced: boolean) => {
			if (!synced) return;
			this.notice = null;
			if (this.status !== 'storage') this.status = 'synced';
			else this.later(STORAGE_CONFIRM_MS, () => this.provider.synced && (this.status = 'synced'));
		});
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			// A full disk has its own status and note (the change stays on this device); every other close says what happened.
			const notice = event && event.code !== STORAGE_UNAVAILABLE_CLOSE_CODE ? closeNoticeOf(event.code) : null;
			if (notice) this.notice = notice;
			// 4400–4499: what this page would send again is refused again; it says what to do instead of retrying.
			if (notice?.final) {
				this.status = 'refused';
				this.provider.shouldConnect = false;
			} else if (event?.code === STORAGE_UNAVAILABLE_CLOSE_CODE) {
				this.status = 'storage';
				this.provider.shouldConnect = false;
				this.later(STORAGE_RETRY_MS, () => this.provider.connect());
			} else if (event?.code === ACCESS_CHANGED_CLOSE_CODE) options.onAccessChanged?.();
		});
		const updatePeople = () => {
			const selfId = this.provider.awareness.clientID;
			this.people = [...this.provider.awareness.getStates()]
				.filter(([, state]) => state.user)
				.map(([clientId, state]) => ({ clientId, name: String(state.user.name), color: String(state.user.color), isSelf: clientId === selfId }));
		};
		this.provider.awareness.on('change', updatePeople);
		updatePeople();

		// The socket may take a long time to notice the Wi-Fi is gone; the browser knows at once.
		const offline = () => {
			clearTimeout(this.storageTimer);
			this.status = 'offline';
			this.provider.disconnect();
		};
		const online = () => {
			this.status = 'connecting';
			this.provider.connect();
		};
		window.addEventListener('offline', offline);
		window.addEventListener('online', online);
		this.cleanups.push(() => window.removeEventListener('offline', offline), () => window.removeEventListener('online', online));
		if (!navigator.onLine) offline();
	}

	private later(ms: number, run: () => void) {
		clearTimeout(this.storageTimer);
		this.storageTimer = setTimeout(run, ms);
	}

	/** A fresh room token (they live 5 minutes): the next reconnection presents it. */
	renewToken(token: string) {
		this.provider.params = { ...this.provider.params, token };
	}

	destroy() {
		clearTimeout(this.storageTimer);
		for (const cleanup of this.cleanups) cleanup();
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}
