// Runs a form action against the domain and turns AppErrors into fail() with field errors and the submitted values.
import { fail, error, isRedirect, type ActionFailure } from '@sveltejs/kit';
import { httpStatusOf, isAppError } from '$server/shared/errors';
import { formToObject } from '$server/shared/validate';
import { errorText, messageItemsText } from './error-text';

export type FormFailure = {
	/** field name -> field error key (`required`, `tooLong`…); `_` is for the whole form. */
	errors: Record<string, string>;
	/** A readable message from the server, for errors not tied to a field (e.g. CSV line numbers). */
	message: string;
	values: Record<string, string | string[]>;
	/** For a rate_limited refusal: seconds to wait before trying again. */
	retryAfterS?: number;
	/** A refusal listing problems (a kit's): each one translated, for a page that shows them as a list. */
	problems?: string[];
};

/** Reads the form, calls `run`; domain errors become a 4xx `fail` the page can show next to its fields. */
export async function formAction<T>(
	request: Request,
	run: (values: Record<string, string | string[]>, form: FormData) => T | Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	const form = await request.formData();
	const values = formToObject(form);
	try {
		return await run(values, form);
	} catch (e) {
		if (isRedirect(e)) throw e;
		if (isAppError(e)) {
			if (e.code === 'not_found') error(404, { message: errorText(e), code: e.code });
			const safeValues = Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
			const failure: FormFailure = { errors: e.fields, message: errorText(e), values: safeValues };
			if (e.hint?.retryAfterS) failure.retryAfterS = e.hint.retryAfterS;
			if (Array.isArray(e.params.problems)) failure.problems = messageItemsText(e.params.problems);
			return fail(httpStatusOf[e.code], failure);
		}
		throw e;
	}
}

function asHttpError(e: unknown): never {
	if (isAppError(e)) error(httpStatusOf[e.code], { message: errorText(e), code: e.code });
	throw e;
}

/** For load functions: domain errors become SvelteKit errors with the right status (a promise's rejection too: await the result). */
export function orError<T>(run: () => T): T {
	try {
		const result = run();
		return (result instanceof Promise ? result.catch(asHttpError) : result) as T;
	} catch (e) {
		return asHttpError(e);
	}
}
