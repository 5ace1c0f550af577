export { createDiscordAdapter, type DiscordAdapterOptions } from './adapter.js';
export { commandDefinitions } from './commands.js';
export { registerCommands, type Registration } from './register.js';
