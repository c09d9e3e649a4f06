// Browser side of a real-time room: y-websocket to our /collab endpoint, IndexedDB copy, presence, honest status.
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ACCESS_CHANGED_CLOSE_CODE } from '$server/shared/errors';
import { closeNoticeOf, type CloseNotice } from './close-notices';
import { colorFor } from './user-color';

export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'refused';
export type Presence = { clientId: number; name: string; color: string; isSelf: boolean };
export type Me = { id: string; name: string };


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

	constructor(room: string, me: Me, options: { onAccessChanged?: () => void } = {}) {
		this.local = new IndexeddbPersistence(`medialab:${room}`, this.doc);
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, room, this.doc, { disableBc: false });
		this.provider.awareness.setLocalStateField('user', { name: me.name, color: colorFor(me.id) });

		this.provider.on('status', ({ status }: { status: string }) => {
			if (status !== 'connected' && this.status !== 'refused') this.status = navigator.onLine ? 'connecting' : 'offline';
		});
		this.provider.on('sync', (synced: boolean) => {
			if (synced) {
				this.status = 'synced';
				this.notice = null;
			}
		});
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			const notice = event ? closeNoticeOf(event.code) : null;
			if (notice) this.notice = notice;
			// 4400–4499: what this page would send again is refused again; it says what to do instead of retrying.
			if (notice?.final) {
				this.status = 'refused';
				this.provider.shouldConnect = false;
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

	destroy() {
		for (const cleanup of this.cleanups) cleanup();
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}
