import { defineMessages } from '../define';

export const workshop = defineMessages({}, {});
