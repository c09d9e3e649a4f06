// Published deliverables of an edition as kit examples (examples/<slug>.md): Markdown with title, licence and source.
import { kitIdFrom } from './kit-render';

type PublishedSource = {
	listPublished(filter: { editionId?: string }): { id: string; title: string; status: string }[];
	getPublished(id: string): { title: string; workshopTitle: string; licence: string; version: number; markdown: string };
};

export function kitExamplesFrom(deliverables: PublishedSource) {
	return (editionId: string) => {
		const used = new Set<string>();
		return deliverables
			.listPublished({ editionId })
			.filter((d) => d.status === 'published')
			.map((d) => {
				const full = deliverables.getPublished(d.id);
				let slug = kitIdFrom(full.title);
				for (let n = 2; used.has(slug); n++) slug = `${kitIdFrom(full.title).slice(0, 60)}-${n}`;
				used.add(slug);
				const body = [`# ${full.title}`, '', `> Atelier : ${full.workshopTitle} — version ${full.version} — licence ${full.licence}`, '', full.markdown.trim(), ''].join('\n');
				return { slug, title: full.title, body };
			});
	};
}
