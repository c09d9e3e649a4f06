// The one shape every import format is read into: sessions with their source identity, plus what was skipped or altered.
export const sourceKinds = ['frab-xml', 'schedule-json', 'ical', 'pretalx-api', 'indico', 'csv'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** Why an item of the file was skipped or changed on its way in; each code has a translated sentence (programmeImport.reason.*). */
export const reportReasons = [
	'duplicateId',
	'titleTruncated',
	'descriptionTruncated',
	'missingTitle',
	'badTime',
	'badDuration',
	'missingEnd',
	'endBeforeStart',
	'missingOffset',
	'cancelledInSource',
	'recurrenceSkipped',
	'notASession',
	'tooManySessions'
] as const;
export type ReportReason = (typeof reportReasons)[number];
export type ReportItem = { item: string; reason: ReportReason; detail?: string };

export type ImportedSession = {
	/** Stable identity within the source: `guid:<GUID>` when the source has one, else `id:<id, code or UID>`. */
	key: string;
	/** The source's own id or code, for people. */
	ref: string;
	title: string;
	/** The source's free-text type (« Talk », « Workshop »), mapped to one of our formats by the organiser. */
	type: string;
	/** Local date-times in the edition's time zone, YYYY-MM-DDTHH:MM. */
	startsAt: string;
	endsAt: string;
	room: string;
	track: string;
	/** Display names only: never e-mails, phones or form answers. */
	speakers: string[];
	description: string;
	/** Theme labels, from formats that have them (CSV); set on new workshops only. */
	themes?: string[];
};

export type ImportedProgramme = {
	kind: SourceKind;
	/** The schedule's own version string when it has one (frab/pretalx `version`). */
	version: string;
	title: string;
	sessions: ImportedSession[];
	report: ReportItem[];
};

export const LIMITS = { title: 160, description: 5000, speakers: 300, room: 100, track: 100, type: 100, sessions: 2000 } as const;

/** How a session is named in the report: its source id and title. */
export const itemName = (ref: string, title: string) => (ref ? `${ref} « ${title} »` : `« ${title} »`);
