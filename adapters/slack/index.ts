export { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from './adapter.js';
export { renderReply, type SlackMessage } from './render.js';
export { escapeMrkdwn } from './escape.js';
