// What pages see of published deliverables: summaries, frozen versions, credits and what changed between versions.
import type { CreditRole } from './deliverable-schemas';
import type { Licence } from './vocabulary';

export type LicenceInfo = { id: Licence; name: string; url: string };

/** `anonymous` lets pages show their own translation instead of `display`. */
export type Credit = { display: string; role: CreditRole; anonymous: boolean };

export type PublicStatus = 'published' | 'withdrawn';
export type PublishedSummary = {
	id: string;
	editionId: string;
	workshopId: string;
	workshopTitle: string;
	title: string;
	summary: string;
	themes: { id: string; name: string }[];
	licence: string;
	licenceInfo: LicenceInfo;
	version: number;
	publishedAt: string;
	status: PublicStatus;
};
export type VersionListItem = { version: number; publishedAt: string; withdrawnAt: string | null };
export type PublishedDeliverable = PublishedSummary & {
	withdrawnAt: string | null;
	html: string;
	markdown: string;
	credits: Credit[];
	versions: VersionListItem[];
};
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type VersionDiff = {
	from: number;
	to: number;
	changed: { title: boolean; summary: boolean; licence: boolean; content: boolean };
	title: { from: string; to: string };
	summary: { from: string; to: string };
	licence: { from: string; to: string };
	parts: DiffPart[];
};
