import { defineMessages } from '../define';

export const drive = defineMessages({}, {});
