// Stock y-websocket clients in a live workshop's pad, over the app's real WebSocket endpoint and session cookies:
// typists each own a paragraph and type 5 characters a second; a probe writer adds a new word on demand.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SESSION_COOKIE } from '../../../server/shared/cookies';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';

type LiveClient = { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> };

function connect(base: string, room: string, token: string): LiveClient {
	const cookie = `${SESSION_COOKIE}=${token}`;
	// The session rides on the upgrade request, as a browser's cookie would.
	class CookieSocket extends WebSocket {
		constructor(url: string | URL, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie }, perMessageDeflate: false });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/collab`, room, doc, {
		WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	const synced = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${room}: not synced within 30 s`)), 30_000);
		provider.once('sync', () => {
			clearTimeout(timer);
			resolve();
		});
	});
	return { doc, provider, synced };
}

function newParagraph(doc: Y.Doc, initial = ''): Y.XmlText {
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText(initial);
	paragraph.insert(0, [text]);
	doc.getXmlFragment(PAD_FRAGMENT).push([paragraph]);
	return text;
}

export async function startTypists(base: string, room: string, tokens: string[], keystrokesPerSecond = 5) {
	const clients = tokens.map((token) => connect(base, room, token));
	await Promise.all(clients.map((c) => c.synced));
	const letters = 'abcdefghijklmnopqrstuvwxyz      ';
	let keystrokes = 0;
	const timers = clients.map((c) => {
		const text = newParagraph(c.doc);
		const period = 1000 / keystrokesPerSecond;
		return setInterval(() => {
			// Start a new paragraph now and then, as note-takers do.
			const target = text.length > 400 ? newParagraph(c.doc) : text;
			target.insert(target.length, letters[Math.floor(Math.random() * letters.length)]!);
			keystrokes++;
		}, period * (0.8 + Math.random() * 0.4));
	});
	return {
		keystrokes: () => keystrokes,
		stop() {
			for (const t of timers) clearInterval(t);
			for (const c of clients) c.provider.destroy();
		}
	};
}

export async function startProbeWriter(base: string, room: string, token: string) {
	const client = connect(base, room, token);
	await client.synced;
	return {
		/** Writes `word` as a new paragraph; returns when the update was handed to the socket. */
		write(word: string): number {
			newParagraph(client.doc, `Proposition ${word} retenue par le groupe`);
			return performance.now();
		},
		stop: () => client.provider.destroy()
	};
}
