import type { Server } from 'node:http';
import sesEmulator from 'aws-ses-v2-local';

export interface RunningSes {
  url: string;
  stop(): Promise<void>;
}

/** The SES emulator (aws-ses-v2-local) in this process; its web page lists every email sent. */
export async function startSesEmulator(options: { port: number }): Promise<RunningSes> {
  const start = (sesEmulator as unknown as { default?: typeof sesEmulator }).default ?? sesEmulator;
  const server: Server = await start({ host: '127.0.0.1', port: options.port });
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
