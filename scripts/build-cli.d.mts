export const CLI_BUILD: string;
export function cliIsStale(): boolean;
export function buildCli(): Promise<void>;
