export const CHROMIUM_ARGS: string[];
export const NO_CHROMIUM_MESSAGE: string;
export function findChromium(): Promise<string | null>;
