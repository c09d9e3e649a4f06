// Builds every domain service once over one database: the object both composition roots hand out.
import { createDocStore, type DocStoreOptions } from './collab/doc-store';
import { createQuarantine, withQuarantine } from './collab/quarantine';
import { createQuarantineReview } from './domain/admin/quarantine-review';
import { createPadDocuments } from './collab/pad-documents';
import { createRoomTokens } from './collab/room-tokens';
import { createRooms, type RoomsOptions } from './collab/rooms';
import { createChatDocuments } from './collab/chat-documents';
import { createDriveDocuments } from './collab/drive-documents';
import { createPadPeople } from './collab/pad-people';
import { createCreditNames } from './domain/deliverables/credit-names';
import { createPadPeopleRepo } from './domain/pads/pad-people.repo';
import { withPeopleResolved } from './domain/pads/person-names';
import type { Db } from './db/open';
import { createChatRepo } from './domain/chat/chat.repo';
import { createChatService } from './domain/chat/chat.service';
import type { DriveLimits } from './domain/files/drive-inputs';
import { createFilesService } from './domain/files/files.service';
import { createDocumentPreviews } from './previews/document-previews';
import { sqliteQueryDb } from './db/query-db';
import { createAccountsService } from './domain/accounts/accounts.service';
import { createSessionsService } from './domain/accounts/sessions.service';
import { createPrivacyService } from './domain/accounts/privacy.service';
import { createAccessRules } from './domain/editions/access';
import { createEditionsRepo } from './domain/editions/editions.repo';
import { createEditionsService } from './domain/editions/editions.service';
import { createMembersService } from './domain/editions/members.service';
import { createSpeakerClaims } from './domain/programme/speaker-claims.service';
import { createCsvImport } from './domain/programme/csv-import';
import { createStructureRepo } from './domain/programme/structure.repo';
import { fetchSource } from './domain/programme/import/fetch-source';
import { fetchProgrammeSource } from './domain/programme/import/pretalx-fetch';
import { createImportRepo } from './domain/programme/import/import.repo';
import { createProgrammeImport } from './domain/programme/import/programme-import.service';
import { createMyProgramme } from './domain/programme/my-programme.service';
import { createStructureService } from './domain/programme/structure.service';
import { createWorkshopsRepo } from './domain/programme/workshops.repo';
import { createWorkshopsService } from './domain/programme/workshops.service';
import { createPadsService } from './domain/pads/pads.service';
import { createApiTokensService } from './domain/tokens/api-tokens.service';
import { createCreditsService } from './domain/deliverables/credits';
import { createDeliverablesService } from './domain/deliverables/deliverables.service';
import { createArchiveService } from './domain/archive/archive.service';
import { createProceedingsRepo } from './domain/proceedings/proceedings.repo';
import { createEditorialAccess } from './domain/proceedings/editorial-access';
import { createSynthesesService } from './domain/proceedings/syntheses.service';
import { createProceedingsService } from './domain/proceedings/proceedings.service';
import { checkLinks, type LinkCheckOptions } from './domain/proceedings/link-check';
import { renderKitMarkdown } from './kits/kit-markdown';
import { createHappening } from './domain/programme/happening';
import { createWorkshopClosure } from './domain/deliverables/workshop-closure';
import { systemClock, type Clock } from './domain/types';
import { createSearch } from './search/search';
import { createLocalBlobStore } from './storage/local-blob-store';
import { StorageHealth } from './domain/storage-health';
import { kitExamplesFrom } from './kits/kit-examples';
import { createKitsRepo } from './kits/kits.repo';
import { createKitsService } from './kits/kits.service';
import { createActivityFeed } from './collab/activity-feed';
import type { CollabPorts } from './collab/endpoint';
import { createRoomGate } from './collab/room-access';
import { createDeskEvents } from './domain/desk/desk-events';
import { createDeskActivityRepo } from './domain/desk/desk-activity.repo';
import { createDeskService } from './domain/desk/desk.service';
import { createHelpRequestsRepo } from './domain/desk/help-requests.repo';
import { createHelpRequestsService } from './domain/desk/help-requests.service';
import { createWallService } from './domain/desk/wall.service';
import { createDeskSettings } from './domain/desk/desk-settings';
import { createAssistedService } from './domain/desk/assisted.service';
import { createAssistedSessionsRepo } from './domain/desk/assisted-sessions.repo';
import { createChatReportsRepo } from './domain/chat/chat-reports.repo';
import { createChatReportsService } from './domain/chat/chat-reports.service';
import { createFileFailuresRepo } from './domain/files/file-failures.repo';
import { createPadsRepo } from './domain/pads/pads.repo';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type HealthCheck = () => { ok: boolean; detail?: string };

/** Defaults suit tests: uploads go to a throwaway folder created on first use. */
const defaultDrive = () => ({
	dataDir: path.join(os.tmpdir(), `medialab-files-${process.pid}-${Math.random().toString(36).slice(2)}`),
	limits: { uploadMaxBytes: 25 * 1024 * 1024, workshopQuotaBytes: 500 * 1024 * 1024 }
});

export function createApp(deps: { db: Db; clock?: Clock; sessionDays?: number; rooms?: RoomsOptions; drive?: { dataDir: string; limits: DriveLimits }; kitsDir?: string; docStore?: DocStoreOptions; importAllowPrivateUrls?: boolean; linkCheck?: Partial<LinkCheckOptions> }) {
	const { db } = deps;
	// Repositories moved to the query builder use this; the others still use `db` directly (docs/scaling.md).
	const queryDb = sqliteQueryDb(db);
	const clock = deps.clock ?? systemClock;
	const editionsRepo = createEditionsRepo(db);
	const structureRepo = createStructureRepo(db);
	const workshopsRepo = createWorkshopsRepo(db);
	const access = createAccessRules(editionsRepo);
	const members = createMembersService({ db, clock, repo: editionsRepo, access });
	const credits = createCreditsService({ db, clock, access });
	const speakerClaims = createSpeakerClaims({ db, clock, access, editions: editionsRepo, workshops: workshopsRepo });
	// The pads' lock is a policy fact (server/domain/access/policy.ts); the closure service computes it when asked.
	const workshops = createWorkshopsService({
		db,
		clock,
		access,
		editions: editionsRepo,
		structure: structureRepo,
		workshops: workshopsRepo,
		members,
		credits,
		claimedSpeakers: speakerClaims.claimedNames,
		padsLocked: (workshopId) => workshopClosure.closureOf(workshopId).locked
	});
	const workshopClosure = createWorkshopClosure({ db, clock, access, workshops });
	const kitsRepo = createKitsRepo(db);
	const editions = createEditionsService({ db, clock, repo: editionsRepo, access });
	const structure = createStructureService({ db, clock, repo: structureRepo, access });
	// Real-time documents in memory and in SQLite; the WebSocket endpoint serves them, the pads use cases change them (LiveDocuments port).
	// Whether the data directory takes writes (failed writes, free-space watermarks): every writer reads it.
	const storage = deps.docStore?.health ?? new StorageHealth();
	// Stored rows that no longer apply are moved aside when a room is read, so one bad row never stops a document.
	const quarantine = createQuarantine(db, clock);
	const docStore = withQuarantine(createDocStore(db, { ...deps.docStore, health: storage }), quarantine);
	const drive = deps.drive ?? defaultDrive();
	const rooms = createRooms(docStore, deps.rooms);
	const blobs = createLocalBlobStore(drive.dataDir);
	// Idle until bootstrap starts it: tests and tools that never search pay nothing.
	// Failed previews and text extractions, per blob: the desk's « files whose processing failed ».
	const fileFailures = createFileFailuresRepo(db, clock);
	const search = createSearch({ db, clock, store: docStore, blobs, nameOf: (userId, editionId) => credits.display(userId, editionId), failures: fileFailures });
	// People named in pads (promoted quotes) are read by their current credit choice in the pad's edition.
	const padPeople = createPadPeopleRepo(db);
	const padPeopleLabels = createPadPeople({ rooms });
	const padDocuments = withPeopleResolved(
		createPadDocuments({ rooms, store: docStore, templates: (padId, key) => pads.templateDocument(padId, key) }),
		(padId, userId) => {
			const editionId = padPeople.editionOfPad(padId);
			return editionId ? credits.display(userId, editionId) : null;
		},
		padPeopleLabels
	);
	const pads = createPadsService({
		db,
		clock,
		workshops,
		documents: padDocuments,
		credits,
		editionTemplate: (workshopId, format) => kitsRepo.templateForWorkshop(workshopId, format) ?? null
	});
	const deliverables = createDeliverablesService({ db, clock, access, workshops, pads, credits, documents: padDocuments });
	const driveDocuments = createDriveDocuments({ rooms });
	const archive = createArchiveService({ db, editions: editionsRepo, workshops, deliverables, padContent: (padId) => padDocuments.currentContent(padId) });
	// Syntheses and proceedings: the kits' safe Markdown renderer, headings under the page's own h2.
	const proceedingsRepo = createProceedingsRepo(db, clock);
	const editorial = createEditorialAccess(access, proceedingsRepo.lastVersion);
	const renderMarkdown = (markdown: string) => renderKitMarkdown(markdown, { headingShift: 2 });
	const synthesisDocuments = createPadDocuments({ rooms, store: docStore, kind: 'synthesis' });
	const syntheses = createSynthesesService({ clock, repo: proceedingsRepo, editorial, deliverables, credits, renderMarkdown, documents: synthesisDocuments });
	const chatDocuments = createChatDocuments({ db, rooms, store: docStore, repo: createChatRepo(db), clock });
	// A change of credit choice rewrites the names stored beside what the person wrote (chats, pads) and re-indexes them.
	const creditNames = createCreditNames({ db, clock, credits, chat: chatDocuments, drive: driveDocuments, pads: padPeopleLabels, documents: padDocuments });
	// The MédiaLab desk: help requests and the live board, fed by the rooms' activity counted once a second (ActivityFeed port).
	const deskEvents = createDeskEvents();
	const activityFeed = createActivityFeed(rooms);
	const helpRequests = createHelpRequestsService({ db, clock, access, workshops, workshopsRepo, repo: createHelpRequestsRepo(db), events: deskEvents, credits });
	const deskActivity = createDeskActivityRepo(db);
	const chatReports = createChatReportsService({
		clock,
		workshops,
		documents: chatDocuments,
		repo: createChatReportsRepo(db),
		credits,
		changed: (workshopId) => {
			const owner = desk.ownerOfRoom(`chat:${workshopId}`);
			if (owner) deskEvents.publish({ type: 'alerts', ...owner });
		}
	});
	const desk = createDeskService({
		clock,
		workshops,
		activity: deskActivity,
		help: helpRequests,
		feed: activityFeed,
		reported: chatReports.waitingByWorkshop,
		failedFiles: fileFailures.failedByEdition,
		events: deskEvents,
		credits
	});
	deskEvents.follow(activityFeed, (room) => desk.ownerOfRoom(room));
	const accounts = createAccountsService({ db, queryDb, clock });
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
	health.set('search', () => search.health());
	health.set('storage', () => storage.report());
	return {
		db,
		/** The query builder over `db`: one instance for the repositories moved to it and the cluster's leases. */
		queryDb,
		clock,
		access,
		accounts,
		sessions: createSessionsService({ db, clock, sessionDays: deps.sessionDays ?? 30 }),
		apiTokens: createApiTokensService({ db, clock }),
		editions,
		members,
		/** Listed speakers claiming their name with a link an organiser hands over (docs/programme-import.md). */
		speakerClaims,
		structure,
		workshops,
		pads,
		rooms,
		/** Storage faults and free-space watermarks of the data directory (docs/storage.md). */
		storage,
		/** Stored real-time rows moved aside because they no longer apply (admin page /admin/quarantine). */
		quarantine,
		/** The administrators' review of those rows (the policy's `administer instance`). */
		quarantineReview: createQuarantineReview({ log: { list: async (limit) => quarantine.list(limit) }, nameOf: (id) => accounts.getViewer(id)?.displayName ?? null }),
		padDocuments,
		roomTokens: createRoomTokens(db, clock),
		/** The workshop drive: bytes in the blob store, rows in SQLite, live entries in the drive room, in that order. */
		files: createFilesService({
			db,
			clock,
			workshops,
			blobs,
			metadata: driveDocuments,
			limits: drive.limits,
			isShownPublicly: (fileId) => deliverables.showsFile(fileId),
			storage,
			credits
		}),
		/** Readable previews of DOCX, ODT and Markdown files in the drive. */
		documentPreviews: createDocumentPreviews({ failures: fileFailures }),
		/** The workshop chat: history pages, moderation and promotion into pads, through the chat rooms. */
		chat: createChatService({
			workshops,
			pads,
			documents: chatDocuments,
			credits,
			reports: chatReports
		}),
		/** « Signaler »: chat reports and the staff's moderation queue (docs/desk.md). */
		chatReports,
		csvImport: createCsvImport({ db, clock, access, structure: structureRepo, workshops: workshopsRepo }),
		/** frab/pretalx/Indico/iCalendar/CSV import with preview and idempotent re-import (docs/programme-import.md). */
		programmeImport: createProgrammeImport({
			db,
			clock,
			access,
			structure: structureRepo,
			workshops: workshopsRepo,
			repo: createImportRepo(db),
			fetchUrl: (url) => fetchProgrammeSource(url, (u) => fetchSource(u, { allowPrivate: deps.importAllowPrivateUrls ?? false }))
		}),
		/** « Mon programme »: a person's picked sessions and their secret calendar feed (docs/programme-import.md). */
		myProgramme: createMyProgramme({ db, clock, access, workshops }),
		/** Deliverables frozen from pads, with credits resolved from each person's current choice (credits.display). */
		deliverables,
		credits: { ...credits, setChoice: creditNames.setChoice },
		/** When a workshop's pads turn read-only for participants, and its facilitators' reopen/close. */
		workshopClosure,
		/** The home page's « now »: live and next workshops across current editions, the latest deliverables. */
		happening: createHappening({ clock, editions, workshops, deliverables }),
		/** The public archive's read model: published editions, programme, themes, tracks, key figures (words read from the pads). */
		archive,
		/** Syntheses per theme quoting published deliverables, and « En savoir + » links (docs/proceedings.md). */
		syntheses,
		/** An edition's proceedings: numbered frozen versions, colophon by each person's credit choice. */
		proceedings: createProceedingsService({
			clock,
			repo: proceedingsRepo,
			editorial,
			syntheses,
			archive,
			credits,
			renderMarkdown,
			// Private addresses are refused like the programme import's, unless the same setting allows them.
			checkLinks: (urls) => checkLinks(urls, { allowPrivate: deps.importAllowPrivateUrls ?? false, ...deps.linkCheck })
		}),
		/** Event kits: built-in ones (kits/), forking one into a new edition, an edition's own kit, lineage and diff. */
		kits: createKitsService({
			db,
			clock,
			access,
			editions,
			structure,
			workshops,
			editionsRepo,
			structureRepo,
			workshopsRepo,
			repo: kitsRepo,
			// The built-in kits ship beside the code, wherever the server is started from.
			kitsDir: deps.kitsDir ?? fileURLToPath(new URL('../kits', import.meta.url)),
			examples: kitExamplesFrom(deliverables)
		}),
		/** Search across the archive: `search.query(viewer, input)` answers with the viewer's rights applied. */
		search,
		/** GDPR: a person's own data as one download, and erasure that keeps their licensed contributions, credited anonymously. */
		privacy: createPrivacyService({ db, clock, chat: chatDocuments, drive: driveDocuments, names: creditNames, padContent: (padId) => padDocuments.currentContent(padId) }),
		/** Help requests to the MédiaLab desk (docs/desk.md). */
		helpRequests,
		/** The desk's board and its live events (docs/desk.md). */
		desk,
		deskEvents,
		activityFeed,
		deskSettings: createDeskSettings({ db, access }),
		/** « Aidant »: a facilitator writes in a pad for a participant present, credited « avec l'aide de » them. */
		assisted: createAssistedService({ clock, workshops, pads, credits, feed: activityFeed, repo: createAssistedSessionsRepo(db) }),
		/** The projected wall: live workshops' latest lines, as its audience may read them (docs/desk.md). */
		wall: createWallService({ workshops, workshopsRepo, pads: createPadsRepo(db).listByWorkshop, padContent: (padId) => padDocuments.currentContent(padId) }),
		/** Components (search, real-time endpoint) register their own check; /api/health reports them all. */
		health
	};
}
export type App = ReturnType<typeof createApp>;

/** The narrow ports the real-time endpoint receives (server/collab/endpoint.ts): the rooms, the room gate, its health line. */
export function collabPortsOf(app: App): CollabPorts {
	return {
		rooms: app.rooms,
		gate: createRoomGate({
			db: app.db,
			clock: app.clock,
			sessions: app.sessions,
			roomTokens: app.roomTokens,
			accounts: app.accounts,
			services: app,
			workshopClosure: app.workshopClosure,
			assisted: app.assisted
		}),
		reportHealth: (check) => app.health.set('realtime', check)
	};
}
