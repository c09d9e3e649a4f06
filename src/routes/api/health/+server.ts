// GET /api/health: every registered component check, for monitoring; 503 as soon as one fails. No authentication.
import { handleApi, healthReport, json, methodFallback } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleApi(
	({ locals }) => {
		const report = healthReport(locals.app.health);
		return json(report, { status: report.status === 'ok' ? 200 : 503 });
	},
	{ checkToken: false }
);

export const fallback: RequestHandler = methodFallback;
