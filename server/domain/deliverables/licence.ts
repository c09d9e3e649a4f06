// What readers need to know about a licence: its SPDX id, its usual name and where to read it.
import type { LicenceInfo } from '../../shared/deliverable-views';
import { licenceUrls, licences, type Licence } from '../../shared/vocabulary';

/** Names are proper nouns, the same in every language. */
const names: Record<Licence, string> = {
	'etalab-2.0': 'Licence Ouverte 2.0 (Etalab)',
	'CC-BY-4.0': 'Creative Commons BY 4.0',
	'CC-BY-SA-4.0': 'Creative Commons BY-SA 4.0',
	'CC0-1.0': 'CC0 1.0'
};

export type { LicenceInfo };

export const isLicence = (value: string): value is Licence => (licences as readonly string[]).includes(value);

export function licenceInfo(id: string): LicenceInfo {
	const known = isLicence(id) ? id : 'etalab-2.0';
	return { id: known, name: names[known], url: licenceUrls[known] };
}
