// What pages receive about syntheses, citations, « En savoir + » links and proceedings versions.
import type { LicenceInfo } from './deliverable-views';
import type { ResourceKind, ResourceTarget } from './proceedings-schemas';

export type ResourceLinkView = { id: string; targetKind: ResourceTarget; targetId: string; title: string; url: string; kind: ResourceKind; licence: string | null };

export type CitationView = {
	id: string;
	deliverableId: string;
	deliverableTitle: string;
	version: number;
	latestVersion: number;
	outdated: boolean;
	anchor: string;
	quotedText: string;
	/** The deliverable's authors as each chose to be credited today. */
	attribution: string;
	href: string;
};

export type SynthesisView = {
	id: string;
	editionId: string;
	themeId: string;
	themeLabel: string;
	title: string;
	markdown: string;
	/** Markdown rendered, each `[[cite:id]]` line as a linked blockquote. */
	html: string;
	citations: CitationView[];
	links: ResourceLinkView[];
	updatedAt: string;
};

export type SourceSection = { anchor: string; heading: string; text: string };
export type CitableDeliverable = { id: string; title: string; workshopTitle: string; version: number; sections: SourceSection[] };

/** A role in the colophon; deliverable credits map author → texts, facilitator → facilitation, helper → help. */
export type ColophonRole = 'texts' | 'editing' | 'facilitation' | 'help' | 'photos' | 'illustrations' | 'design';
export const colophonOrder: readonly ColophonRole[] = ['texts', 'editing', 'facilitation', 'help', 'photos', 'illustrations', 'design'];
export type ColophonGroup = { role: ColophonRole; names: string[] };

export type ProceedingsDeliverable = { id: string; title: string; summary: string; workshopTitle: string; version: number; href: string; authors: string };
export type ProceedingsTrack = { id: string | null; title: string; deliverables: ProceedingsDeliverable[] };
export type ProceedingsSynthesis = { id: string; anchor: string; themeLabel: string; title: string; html: string; links: ResourceLinkView[] };
export type ProceedingsFigures = { workshops: number; pads: number; deliverables: number; words: number; files: number; contributors: number };

/** One published version of an edition's proceedings, read as it was frozen, names as people choose today. */
export type ProceedingsView = {
	editionId: string;
	editionTitle: string;
	version: number;
	publishedAt: string;
	licence: string;
	licenceInfo: LicenceInfo;
	introductionHtml: string;
	syntheses: ProceedingsSynthesis[];
	tracks: ProceedingsTrack[];
	figures: ProceedingsFigures;
	links: ResourceLinkView[];
	colophon: ColophonGroup[];
	versions: { version: number; publishedAt: string }[];
};

/** A checked external link (`server/domain/proceedings/link-check.ts`): `restricted` answered 401, 403 or 429. */
export type LinkCheckState = 'ok' | 'restricted' | 'broken';
export type LinkCheckProblem = 'status' | 'timeout' | 'unreachable' | 'unknownHost' | 'privateAddress' | 'tooManyRedirects' | 'notHttp';
export type LinkStatus = { url: string; state: LinkCheckState; status: number | null; problem: LinkCheckProblem | null };
export type LinkReport = LinkStatus & { title: string };
