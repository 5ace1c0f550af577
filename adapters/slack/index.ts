export { createSlackAdapter, type SlackAdapter } from './adapter.js';
export { renderReply, type SlackMessage } from './render.js';
export { escapeMrkdwn } from './escape.js';
