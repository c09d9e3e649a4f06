// Builds every domain service once over one database: the object both composition roots hand out.
import { createDocStore } from './collab/doc-store';
import { createPadDocuments } from './collab/pad-documents';
import { createRoomTokens } from './collab/room-tokens';
import { createRooms, type RoomsOptions } from './collab/rooms';
import { createChatDocuments } from './collab/chat-documents';
import { createDriveDocuments } from './collab/drive-documents';
import type { Db } from './db/open';
import { createChatRepo } from './domain/chat/chat.repo';
import { createChatService } from './domain/chat/chat.service';
import type { DriveLimits } from './domain/files/drive-inputs';
import { createFilesService } from './domain/files/files.service';
import { createAccountsService } from './domain/accounts/accounts.service';
import { createSessionsService } from './domain/accounts/sessions.service';
import { createAccessRules } from './domain/editions/access';
import { createEditionsRepo } from './domain/editions/editions.repo';
import { createEditionsService } from './domain/editions/editions.service';
import { createMembersService } from './domain/editions/members.service';
import { createCsvImport } from './domain/programme/csv-import';
import { createStructureRepo } from './domain/programme/structure.repo';
import { createStructureService } from './domain/programme/structure.service';
import { createWorkshopsRepo } from './domain/programme/workshops.repo';
import { createWorkshopsService } from './domain/programme/workshops.service';
import { createPadsService } from './domain/pads/pads.service';
import { createApiTokensService } from './domain/tokens/api-tokens.service';
import { systemClock, type Clock } from './domain/types';
import { createLocalBlobStore } from './storage/local-blob-store';
import os from 'node:os';
import path from 'node:path';

export type HealthCheck = () => { ok: boolean; detail?: string };

/** Defaults suit tests: uploads go to a throwaway folder created on first use. */
const defaultDrive = () => ({
	dataDir: path.join(os.tmpdir(), `medialab-files-${process.pid}-${Math.random().toString(36).slice(2)}`),
	limits: { uploadMaxBytes: 25 * 1024 * 1024, workshopQuotaBytes: 500 * 1024 * 1024 }
});

export function createApp(deps: { db: Db; clock?: Clock; sessionDays?: number; rooms?: RoomsOptions; drive?: { dataDir: string; limits: DriveLimits } }) {
	const { db } = deps;
	const clock = deps.clock ?? systemClock;
	const editionsRepo = createEditionsRepo(db);
	const structureRepo = createStructureRepo(db);
	const workshopsRepo = createWorkshopsRepo(db);
	const access = createAccessRules(editionsRepo);
	const members = createMembersService({ db, clock, repo: editionsRepo, access });
	const workshops = createWorkshopsService({ db, clock, access, editions: editionsRepo, structure: structureRepo, workshops: workshopsRepo, members });
	const pads = createPadsService({ db, clock, workshops });
	// Real-time documents in memory and in SQLite; the WebSocket endpoint serves them, pages change them through padDocuments.
	const docStore = createDocStore(db);
	const drive = deps.drive ?? defaultDrive();
	const rooms = createRooms(docStore, deps.rooms);
	const health = new Map<string, HealthCheck>([
		[
			'database',
			() => {
				try {
					return { ok: db.prepare('SELECT 1').pluck().get() === 1 };
				} catch (e) {
					return { ok: false, detail: (e as Error).message };
				}
			}
		]
	]);
	return {
		db,
		clock,
		access,
		accounts: createAccountsService({ db, clock }),
		sessions: createSessionsService({ db, clock, sessionDays: deps.sessionDays ?? 30 }),
		apiTokens: createApiTokensService({ db, clock }),
		editions: createEditionsService({ db, clock, repo: editionsRepo, access }),
		members,
		structure: createStructureService({ db, clock, repo: structureRepo, access }),
		workshops,
		pads,
		rooms,
		padDocuments: createPadDocuments({ rooms, store: docStore }),
		roomTokens: createRoomTokens(db, clock),
		/** The workshop drive: bytes in the blob store, rows in SQLite, live entries in the drive room, in that order. */
		files: createFilesService({
			db,
			clock,
			workshops,
			blobs: createLocalBlobStore(drive.dataDir),
			metadata: createDriveDocuments({ rooms }),
			limits: drive.limits
		}),
		/** The workshop chat: history pages, moderation and promotion into pads, through the chat rooms. */
		chat: createChatService({
			workshops,
			pads,
			documents: createChatDocuments({ db, rooms, store: docStore, repo: createChatRepo(db), clock })
		}),
		csvImport: createCsvImport({ db, clock, access, structure: structureRepo, workshops: workshopsRepo }),
		/** Components (search, real-time endpoint) register their own check; /api/health reports them all. */
		health
	};
}
export type App = ReturnType<typeof createApp>;
