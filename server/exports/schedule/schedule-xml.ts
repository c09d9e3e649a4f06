// schedule.xml in the frab dialect that pretalx also writes, read by schedule apps and video pipelines.
import { dayBounds, hhmm, isoWithOffset, minutesBetween, type ScheduleModel } from './schedule-model';

const esc = (s: string) =>
	s
		// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters outright
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`;

export function renderScheduleXml(model: ScheduleModel): string {
	const { edition } = model;
	const tz = edition.timezone;
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<schedule>',
		'  <generator name="MédiaLab" />',
		`  ${el('version', model.version)}`,
		'  <conference>',
		`    ${el('acronym', model.acronym)}`,
		`    ${el('title', edition.title)}`,
		`    ${el('start', edition.starts_on)}`,
		`    ${el('end', edition.ends_on)}`,
		`    ${el('days', String(model.days.length))}`,
		'    <timeslot_duration>00:05</timeslot_duration>',
		`    ${el('base_url', `${model.baseUrl}/`)}`,
		`    ${el('time_zone_name', tz)}`,
		'  </conference>'
	];
	for (const day of model.days) {
		const bounds = dayBounds(day.date, tz);
		lines.push(`  <day index="${day.index}" date="${day.date}" start="${bounds.start}" end="${bounds.end}">`);
		for (const [room, events] of day.rooms) {
			lines.push(`    <room name="${esc(room)}" guid="${model.rooms.find((r) => r.name === room)?.guid ?? ''}">`);
			for (const e of events) {
				const w = e.workshop;
				lines.push(
					`      <event guid="${e.guid}" id="${e.numericId}">`,
					`        ${el('date', isoWithOffset(w.startsAt, tz))}`,
					`        ${el('start', w.startsAt.slice(11, 16))}`,
					`        ${el('duration', hhmm(minutesBetween(w.startsAt, w.endsAt, tz)))}`,
					`        ${el('room', room)}`,
					`        ${el('slug', e.slug)}`,
					`        ${el('url', e.url)}`,
					`        ${el('title', w.title)}`,
					'        <subtitle></subtitle>',
					`        ${el('track', w.track?.title ?? '')}`,
					`        ${el('type', e.typeLabel)}`,
					'        <language>fr</language>',
					`        ${el('abstract', w.description)}`,
					'        <description></description>',
					'        <logo></logo>',
					'        <persons>',
					...e.persons.map((name, i) => `          <person id="${i + 1}">${esc(name)}</person>`),
					'        </persons>',
					'        <links></links>',
					'        <attachments></attachments>',
					'      </event>'
				);
			}
			lines.push('    </room>');
		}
		lines.push('  </day>');
	}
	lines.push('</schedule>', '');
	return lines.join('\n');
}
