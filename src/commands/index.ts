export type * from './types.js';
export type * from './reply.js';
export { createBot, type BotDependencies } from './bot.js';
