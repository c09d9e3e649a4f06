import { defineMessages } from '../define';

export const organiser = defineMessages({}, {});
