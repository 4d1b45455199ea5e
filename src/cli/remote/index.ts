export { runInServer } from './client.ts';
export { listenForCommands, type CommandListener } from './server.ts';
export { controlSocketPath } from './protocol.ts';
