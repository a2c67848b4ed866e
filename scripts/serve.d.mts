export function serveBin(): string;
export function freePort(): Promise<number>;
export function startStaticServer(options: {
  host?: string;
  port: number;
  dir?: string;
  stdio?: string;
}): Promise<{ url: string; stop: () => Promise<void> }>;
