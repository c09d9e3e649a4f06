// schedule.json in the c3voc schema shape (what frab and pretalx publish), for Giggity, ConfClerk and friends.
import { dayBounds, hhmm, isoWithOffset, minutesBetween, type ScheduleModel } from './schedule-model';

export function renderScheduleJson(model: ScheduleModel) {
	const { edition } = model;
	const tz = edition.timezone;
	return {
		$schema: 'https://c3voc.de/schedule/schema.json',
		generator: { name: 'MédiaLab' },
		schedule: {
			version: model.version,
			base_url: `${model.baseUrl}/`,
			conference: {
				acronym: model.acronym,
				title: edition.title,
				start: edition.starts_on,
				end: edition.ends_on,
				daysCount: model.days.length,
				timeslot_duration: '00:05',
				time_zone_name: tz,
				url: model.baseUrl,
				rooms: model.rooms.map((r) => ({ name: r.name, guid: r.guid })),
				tracks: model.tracks.map((name) => ({ name })),
				days: model.days.map((day) => {
					const bounds = dayBounds(day.date, tz);
					return {
						index: day.index,
						date: day.date,
						day_start: bounds.start,
						day_end: bounds.end,
						rooms: Object.fromEntries(
							[...day.rooms].map(([room, events]) => [
								room,
								events.map((e) => ({
									guid: e.guid,
									id: e.numericId,
									date: isoWithOffset(e.workshop.startsAt, tz),
									start: e.workshop.startsAt.slice(11, 16),
									end: isoWithOffset(e.workshop.endsAt, tz),
									duration: hhmm(minutesBetween(e.workshop.startsAt, e.workshop.endsAt, tz)),
									room,
									slug: e.slug,
									url: e.url,
									title: e.workshop.title,
									subtitle: '',
									track: e.workshop.track?.title ?? null,
									type: e.typeLabel,
									language: 'fr',
									abstract: e.workshop.description,
									description: '',
									persons: e.persons.map((name) => ({ name })),
									links: [],
									attachments: []
								}))
							])
						)
					};
				})
			}
		}
	};
}
