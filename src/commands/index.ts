export type * from './types.js';
export type * from '../report/reply.js';
export { createBot, type BotDependencies } from './bot.js';
