// Generated from the migrated schema by tests/support/db-types.ts (`npm run db:types`); do not edit by hand.
import type { Generated } from 'kysely';

export interface AccessGenerationTable {
	id: Generated<number>;
	n: number;
}

export interface ApiTokensTable {
	created_at: string;
	id: string;
	last_used_at: string | null;
	name: string;
	token_hash: string;
	user_id: string;
}

export interface AssistedSessionsTable {
	answered_at: number | null;
	consent: string | null;
	created_at: number;
	ended_at: number | null;
	helper_id: string;
	id: string;
	pad_id: string;
	participant_id: string;
	status: string;
}

export interface AuthSessionsTable {
	created_at: number;
	expires_at: number;
	id: string;
	user_id: string;
}

export interface ChatArchiveTable {
	archived_at: number;
	entry: string;
	id: Generated<number>;
	message_id: string;
	workshop_id: string;
}

export interface ChatModerationTable {
	hidden_at: number;
	hidden_by_id: string;
	hidden_by_name: string;
	message: string;
	message_id: string;
	workshop_id: string;
}

export interface ChatReportsTable {
	created_at: number;
	id: string;
	message_id: string;
	reason: Generated<string>;
	reporter_id: string | null;
	resolution: string | null;
	resolved_at: number | null;
	resolved_by_name: string | null;
	workshop_id: string;
}

export interface CitationsTable {
	anchor: Generated<string>;
	created_at: string;
	created_by: string | null;
	deliverable_id: string;
	id: string;
	quoted_text: string;
	synthesis_id: string;
	version: number;
}

export interface CreditChoicesTable {
	edition_id: string;
	mode: string;
	pseudonym: string | null;
	updated_at: string;
	user_id: string;
}

export interface DeliverableCommentsTable {
	author_id: string | null;
	body: string;
	created_at: string;
	deliverable_id: string;
	id: string;
}

export interface DeliverableHelpersTable {
	created_at: string;
	deliverable_id: string;
	id: string;
	name: string | null;
	user_id: string | null;
}

export interface DeliverableThemesTable {
	deliverable_id: string;
	theme_id: string;
}

export interface DeliverableVersionsTable {
	credits_json: Generated<string>;
	deliverable_id: string;
	html: string;
	licence: string;
	markdown: string;
	pad_snapshot_id: number | null;
	published_at: string;
	published_by: string | null;
	summary: string;
	title: string;
	version: number;
	withdrawn_at: string | null;
}

export interface DeliverablesTable {
	created_at: string;
	created_by: string | null;
	edition_id: string;
	id: string;
	licence: string;
	pad_id: string | null;
	status: Generated<string>;
	summary: Generated<string>;
	title: string;
	updated_at: string;
	workshop_id: string;
}

export interface DocClientsTable {
	client_id: number;
	first_seen: number;
	helper_id: string | null;
	room: string;
	user_id: string | null;
}

export interface DocQuarantineTable {
	author_id: string | null;
	created_at: number;
	data: Uint8Array;
	error: string;
	id: Generated<number>;
	quarantined_at: number;
	room: string;
	source: string;
	source_id: number;
}

export interface DocSnapshotsTable {
	authors: Generated<string>;
	created_at: number;
	data: Uint8Array;
	id: Generated<number>;
	reason: Generated<string>;
	room: string;
	upto_update_id: number;
}

export interface DocUpdatesTable {
	author_id: string | null;
	created_at: number;
	data: Uint8Array;
	helper_id: string | null;
	id: Generated<number>;
	room: string;
}

export interface DriveFoldersTable {
	created_at: string;
	created_by: string | null;
	creator_name: string;
	id: string;
	name: string;
	parent_id: string | null;
	trashed_at: string | null;
	trashed_with: string | null;
	workshop_id: string;
}

export interface EditionKitDocumentsTable {
	body: string;
	content_type: Generated<string>;
	edition_id: string;
	format: string | null;
	guide_kind: string | null;
	kind: string;
	path: string;
	position: number;
	title: Generated<string>;
	updated_at: string;
}

export interface EditionKitsTable {
	adaptation_notes: Generated<string>;
	authors: Generated<string>;
	changelog: Generated<string>;
	created_at: string;
	credits: Generated<string>;
	edition_id: string;
	forked_from: string | null;
	kit_id: string;
	languages: Generated<string>;
	programme: Generated<string>;
	summary: Generated<string>;
	title: string;
	updated_at: string;
	upstream_files: string | null;
	version: string;
}

export interface EditionMembersTable {
	edition_id: string;
	joined_at: string;
	role: string;
	title: Generated<string>;
	user_id: string;
}

export interface EditionsTable {
	archived_at: string | null;
	chat_public: Generated<number>;
	city: Generated<string>;
	close_delay_minutes: Generated<number>;
	created_at: string;
	created_by: string | null;
	description: Generated<string>;
	desk_empty_pad_minutes: Generated<number>;
	ends_on: string;
	id: string;
	licence: Generated<string>;
	series_id: string | null;
	starts_on: string;
	status: Generated<string>;
	timezone: Generated<string>;
	title: string;
	updated_at: string;
	venue: Generated<string>;
	wall_public: Generated<number>;
	workspace_public: Generated<number>;
}

export interface FileFailuresTable {
	failed_at: number;
	reason: string;
	sha256: string;
	stage: string;
}

export interface FilesTable {
	active: number;
	folder_id: string | null;
	id: string;
	kind: string;
	mime: string;
	name: string;
	public: Generated<number>;
	sha256: string;
	size: number;
	transcript: string | null;
	trashed_at: string | null;
	trashed_with: string | null;
	uploaded_at: string;
	uploaded_by: string | null;
	uploader_name: string;
	workshop_id: string;
}

export interface HelpRequestsTable {
	claimed_at: number | null;
	claimed_by: string | null;
	claimed_by_name: string | null;
	closed_at: number | null;
	created_at: number;
	edition_id: string;
	id: string;
	message: Generated<string>;
	place: Generated<string>;
	requester_id: string | null;
	requester_name: string;
	status: string;
	token_hash: string;
	workshop_id: string;
}

export interface InstanceSecretsTable {
	created_at: string;
	name: string;
	value: Uint8Array;
}

export interface InvitesTable {
	created_at: string;
	created_by: string | null;
	edition_id: string;
	expires_at: string;
	id: string;
	note: Generated<string>;
	role: string;
	token_hash: string;
	used_at: string | null;
	used_by: string | null;
}

export interface KitPublicationsTable {
	bytes: number;
	changes: string;
	created_at: string;
	created_by: string | null;
	edition_id: string;
	id: string;
	kit_id: string;
	sha256: string;
	version: string;
}

export interface LeasesTable {
	acquired_at: number;
	expires_at: number;
	holder: string;
	name: string;
}

export interface LoginThrottlesTable {
	failures: number;
	first_failure_at: number;
	key: string;
	locked_until: number;
}

export interface OutboxTable {
	created_at: string;
	entity_id: string;
	id: Generated<number>;
	payload: Generated<string>;
	topic: string;
}

export interface PadPeopleTable {
	pad_id: string;
	user_id: string;
}

export interface PadsTable {
	created_at: string;
	created_by: string | null;
	deleted_at: string | null;
	id: string;
	position: number;
	template: string | null;
	title: string;
	updated_at: string;
	workshop_id: string;
}

export interface ProceedingsDraftsTable {
	credits_json: Generated<string>;
	edition_id: string;
	introduction: Generated<string>;
	licence: Generated<string>;
	updated_at: string;
}

export interface ProceedingsVersionsTable {
	credits_json: Generated<string>;
	edition_id: string;
	licence: string;
	outline_json: string;
	published_at: string;
	published_by: string | null;
	version: number;
}

export interface ProgrammeFeedsTable {
	created_at: number;
	edition_id: string;
	token: string;
	user_id: string;
}

export interface ProgrammeImportDraftsTable {
	created_at: string;
	created_by: string | null;
	document: string;
	edition_id: string;
	id: string;
}

export interface ProgrammeImportFormatsTable {
	edition_id: string;
	format: string;
	source_type: string;
}

export interface ProgrammePicksTable {
	edition_id: string;
	picked_at: number;
	user_id: string;
	workshop_id: string;
}

export interface ResourceLinksTable {
	created_at: string;
	created_by: string | null;
	edition_id: string;
	id: string;
	kind: string;
	licence: string | null;
	target_id: string;
	target_kind: string;
	title: string;
	url: string;
}

export interface RoomsTable {
	edition_id: string;
	id: string;
	name: string;
	position: number;
	venue: Generated<string>;
}

export interface SchemaMigrationsTable {
	applied_at: string;
	name: string;
	version: Generated<number>;
}

export interface SearchDirtyTable {
	marked_at: number;
	room: string;
}

export interface SearchExtractsTable {
	extracted_at: number;
	note: string | null;
	sha256: string;
	text: string;
}

export interface SearchStateTable {
	name: string;
	value: string;
}

export interface SeriesTable {
	created_at: string;
	id: string;
	title: string;
}

export interface SpeakerClaimsTable {
	created_at: string;
	created_by: string | null;
	expires_at: string;
	id: string;
	speaker_name: string;
	token_hash: string;
	used_at: string | null;
	used_by: string | null;
	workshop_id: string;
}

export interface SynthesesTable {
	created_at: string;
	edition_id: string;
	id: string;
	live_at: string | null;
	markdown: Generated<string>;
	markdown_before_live: string | null;
	theme_id: string;
	title: string;
	updated_at: string;
	updated_by: string | null;
}

export interface SynthesisEditorsTable {
	synthesis_id: string;
	user_id: string;
}

export interface ThemesTable {
	aliases: Generated<string>;
	edition_id: string;
	id: string;
	label: string;
	position: number;
}

export interface TracksTable {
	description: Generated<string>;
	edition_id: string;
	id: string;
	lead: Generated<string>;
	position: number;
	title: string;
}

export interface UsersTable {
	created_at: string;
	display_name: string;
	email: string | null;
	id: string;
	is_admin: Generated<number>;
	is_guest: Generated<number>;
	password_hash: string | null;
	username: string | null;
}

export interface WorkshopFacilitatorsTable {
	user_id: string;
	workshop_id: string;
}

export interface WorkshopParticipantsTable {
	joined_at: string;
	user_id: string;
	workshop_id: string;
}

export interface WorkshopSourcesTable {
	edition_id: string;
	imported_at: string;
	schedule_version: Generated<string>;
	source_key: string;
	source_kind: string;
	source_ref: Generated<string>;
	workshop_id: string;
}

export interface WorkshopThemesTable {
	theme_id: string;
	workshop_id: string;
}

export interface WorkshopsTable {
	cancelled_at: string | null;
	created_at: string;
	description: Generated<string>;
	edition_id: string;
	ends_at: string;
	format: string;
	id: string;
	join_code: string;
	pads_override: string | null;
	pads_override_at: string | null;
	room_id: string | null;
	short_code: string | null;
	speakers: Generated<string>;
	starts_at: string;
	status_override: string | null;
	title: string;
	track_id: string | null;
	track_position: number | null;
	updated_at: string;
}

/** Every table, as the query builder sees it on SQLite and on PostgreSQL alike. */
export interface Tables {
	access_generation: AccessGenerationTable;
	api_tokens: ApiTokensTable;
	assisted_sessions: AssistedSessionsTable;
	auth_sessions: AuthSessionsTable;
	chat_archive: ChatArchiveTable;
	chat_moderation: ChatModerationTable;
	chat_reports: ChatReportsTable;
	citations: CitationsTable;
	credit_choices: CreditChoicesTable;
	deliverable_comments: DeliverableCommentsTable;
	deliverable_helpers: DeliverableHelpersTable;
	deliverable_themes: DeliverableThemesTable;
	deliverable_versions: DeliverableVersionsTable;
	deliverables: DeliverablesTable;
	doc_clients: DocClientsTable;
	doc_quarantine: DocQuarantineTable;
	doc_snapshots: DocSnapshotsTable;
	doc_updates: DocUpdatesTable;
	drive_folders: DriveFoldersTable;
	edition_kit_documents: EditionKitDocumentsTable;
	edition_kits: EditionKitsTable;
	edition_members: EditionMembersTable;
	editions: EditionsTable;
	file_failures: FileFailuresTable;
	files: FilesTable;
	help_requests: HelpRequestsTable;
	instance_secrets: InstanceSecretsTable;
	invites: InvitesTable;
	kit_publications: KitPublicationsTable;
	leases: LeasesTable;
	login_throttles: LoginThrottlesTable;
	outbox: OutboxTable;
	pad_people: PadPeopleTable;
	pads: PadsTable;
	proceedings_drafts: ProceedingsDraftsTable;
	proceedings_versions: ProceedingsVersionsTable;
	programme_feeds: ProgrammeFeedsTable;
	programme_import_drafts: ProgrammeImportDraftsTable;
	programme_import_formats: ProgrammeImportFormatsTable;
	programme_picks: ProgrammePicksTable;
	resource_links: ResourceLinksTable;
	rooms: RoomsTable;
	schema_migrations: SchemaMigrationsTable;
	search_dirty: SearchDirtyTable;
	search_extracts: SearchExtractsTable;
	search_state: SearchStateTable;
	series: SeriesTable;
	speaker_claims: SpeakerClaimsTable;
	syntheses: SynthesesTable;
	synthesis_editors: SynthesisEditorsTable;
	themes: ThemesTable;
	tracks: TracksTable;
	users: UsersTable;
	workshop_facilitators: WorkshopFacilitatorsTable;
	workshop_participants: WorkshopParticipantsTable;
	workshop_sources: WorkshopSourcesTable;
	workshop_themes: WorkshopThemesTable;
	workshops: WorkshopsTable;
}
