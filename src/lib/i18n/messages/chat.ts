import { defineMessages } from '../define';

export const chat = defineMessages({}, {});
