// `npm run kits:check`: runs the kit checker with each problem worded by the app's message catalogue (English unless LANG is French).
import { checkKits } from '../server/kits/check-cli';
import { isMessageKey, translate } from '../src/lib/i18n/catalogue';
import type { Locale } from '../src/lib/i18n/locales';

const locale: Locale = /^fr/i.test(process.env.LANG ?? '') ? 'fr' : 'en';
process.exitCode = checkKits(process.argv.slice(2), (problem) => (isMessageKey(problem.key) ? translate(locale, problem.key, problem.params) : problem.key));
